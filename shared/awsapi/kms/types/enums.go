// Package types mirrors the KMS types of the AWS SDK's service/kms/types that the connector uses:
// the enums of its requests and answers and the errors it classifies (errors.go).
package types

// DataKeySpec is a GenerateDataKey key length.
type DataKeySpec string

// Data key specs.
const (
	DataKeySpecAes256 DataKeySpec = "AES_256"
	DataKeySpecAes128 DataKeySpec = "AES_128"
)

// EncryptionAlgorithmSpec is a KMS encryption algorithm.
type EncryptionAlgorithmSpec string

// Encryption algorithms.
const (
	EncryptionAlgorithmSpecSymmetricDefault EncryptionAlgorithmSpec = "SYMMETRIC_DEFAULT"
	EncryptionAlgorithmSpecRsaesOaepSha1    EncryptionAlgorithmSpec = "RSAES_OAEP_SHA_1"
	EncryptionAlgorithmSpecRsaesOaepSha256  EncryptionAlgorithmSpec = "RSAES_OAEP_SHA_256"
)

// SigningAlgorithmSpec is a KMS signing algorithm.
type SigningAlgorithmSpec string

// Signing algorithms.
const (
	SigningAlgorithmSpecEcdsaSha256          SigningAlgorithmSpec = "ECDSA_SHA_256"
	SigningAlgorithmSpecEcdsaSha384          SigningAlgorithmSpec = "ECDSA_SHA_384"
	SigningAlgorithmSpecEcdsaSha512          SigningAlgorithmSpec = "ECDSA_SHA_512"
	SigningAlgorithmSpecRsassaPssSha256      SigningAlgorithmSpec = "RSASSA_PSS_SHA_256"
	SigningAlgorithmSpecRsassaPkcs1V15Sha256 SigningAlgorithmSpec = "RSASSA_PKCS1_V1_5_SHA_256"
)

// MessageType says whether Sign's message is the message or its digest.
type MessageType string

// Message types.
const (
	MessageTypeRaw    MessageType = "RAW"
	MessageTypeDigest MessageType = "DIGEST"
)

// KeyUsageType is what a key is for.
type KeyUsageType string

// Key usages.
const (
	KeyUsageTypeSignVerify        KeyUsageType = "SIGN_VERIFY"
	KeyUsageTypeEncryptDecrypt    KeyUsageType = "ENCRYPT_DECRYPT"
	KeyUsageTypeGenerateVerifyMac KeyUsageType = "GENERATE_VERIFY_MAC"
	KeyUsageTypeKeyAgreement      KeyUsageType = "KEY_AGREEMENT"
)

// KeySpec is a key's type.
type KeySpec string

// Key specs.
const (
	KeySpecSymmetricDefault KeySpec = "SYMMETRIC_DEFAULT"
	KeySpecEccNistP256      KeySpec = "ECC_NIST_P256"
	KeySpecEccNistP384      KeySpec = "ECC_NIST_P384"
	KeySpecEccNistP521      KeySpec = "ECC_NIST_P521"
	KeySpecRsa2048          KeySpec = "RSA_2048"
	KeySpecRsa3072          KeySpec = "RSA_3072"
	KeySpecRsa4096          KeySpec = "RSA_4096"
)

// CustomerMasterKeySpec is KeySpec's former name, still in KMS's answers.
type CustomerMasterKeySpec string
