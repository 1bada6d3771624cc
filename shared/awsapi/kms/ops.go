package kms

import (
	"context"

	"github.com/coop-ob/connector/shared/awsapi"
	"github.com/coop-ob/connector/shared/awsapi/kms/types"
)

// GenerateDataKeyInput is GenerateDataKey's request.
type GenerateDataKeyInput struct {
	KeyId             *string           `json:"KeyId,omitempty"`
	DryRun            *bool             `json:"DryRun,omitempty"`
	EncryptionContext map[string]string `json:"EncryptionContext,omitempty"`
	GrantTokens       []string          `json:"GrantTokens,omitempty"`
	KeySpec           types.DataKeySpec `json:"KeySpec,omitempty"`
	NumberOfBytes     *int32            `json:"NumberOfBytes,omitempty"`
}

// GenerateDataKeyOutput is GenerateDataKey's answer. Plaintext is the data key: never log it.
type GenerateDataKeyOutput struct {
	CiphertextBlob []byte  `json:"CiphertextBlob,omitempty"`
	KeyId          *string `json:"KeyId,omitempty"`
	KeyMaterialId  *string `json:"KeyMaterialId,omitempty"`
	Plaintext      []byte  `json:"Plaintext,omitempty"`
}

// GenerateDataKey returns a new data key, plain and encrypted under the KMS key.
func (c *Client) GenerateDataKey(ctx context.Context, in *GenerateDataKeyInput, _ ...func(*Options)) (*GenerateDataKeyOutput, error) {
	return awsapi.Invoke[GenerateDataKeyInput, GenerateDataKeyOutput](ctx, c.Client, "GenerateDataKey", in)
}

// DecryptInput is Decrypt's request.
type DecryptInput struct {
	CiphertextBlob      []byte                        `json:"CiphertextBlob,omitempty"`
	DryRun              *bool                         `json:"DryRun,omitempty"`
	EncryptionAlgorithm types.EncryptionAlgorithmSpec `json:"EncryptionAlgorithm,omitempty"`
	EncryptionContext   map[string]string             `json:"EncryptionContext,omitempty"`
	GrantTokens         []string                      `json:"GrantTokens,omitempty"`
	KeyId               *string                       `json:"KeyId,omitempty"`
}

// DecryptOutput is Decrypt's answer. Plaintext is secret: never log it.
type DecryptOutput struct {
	EncryptionAlgorithm types.EncryptionAlgorithmSpec `json:"EncryptionAlgorithm,omitempty"`
	KeyId               *string                       `json:"KeyId,omitempty"`
	KeyMaterialId       *string                       `json:"KeyMaterialId,omitempty"`
	Plaintext           []byte                        `json:"Plaintext,omitempty"`
}

// Decrypt decrypts a ciphertext KMS made.
func (c *Client) Decrypt(ctx context.Context, in *DecryptInput, _ ...func(*Options)) (*DecryptOutput, error) {
	return awsapi.Invoke[DecryptInput, DecryptOutput](ctx, c.Client, "Decrypt", in)
}

// EncryptInput is Encrypt's request.
type EncryptInput struct {
	KeyId               *string                       `json:"KeyId,omitempty"`
	Plaintext           []byte                        `json:"Plaintext,omitempty"`
	DryRun              *bool                         `json:"DryRun,omitempty"`
	EncryptionAlgorithm types.EncryptionAlgorithmSpec `json:"EncryptionAlgorithm,omitempty"`
	EncryptionContext   map[string]string             `json:"EncryptionContext,omitempty"`
	GrantTokens         []string                      `json:"GrantTokens,omitempty"`
}

// EncryptOutput is Encrypt's answer.
type EncryptOutput struct {
	CiphertextBlob      []byte                        `json:"CiphertextBlob,omitempty"`
	EncryptionAlgorithm types.EncryptionAlgorithmSpec `json:"EncryptionAlgorithm,omitempty"`
	KeyId               *string                       `json:"KeyId,omitempty"`
	KeyMaterialId       *string                       `json:"KeyMaterialId,omitempty"`
}

// Encrypt encrypts up to 4 KB under the KMS key.
func (c *Client) Encrypt(ctx context.Context, in *EncryptInput, _ ...func(*Options)) (*EncryptOutput, error) {
	return awsapi.Invoke[EncryptInput, EncryptOutput](ctx, c.Client, "Encrypt", in)
}

// SignInput is Sign's request.
type SignInput struct {
	KeyId            *string                    `json:"KeyId,omitempty"`
	Message          []byte                     `json:"Message,omitempty"`
	SigningAlgorithm types.SigningAlgorithmSpec `json:"SigningAlgorithm,omitempty"`
	DryRun           *bool                      `json:"DryRun,omitempty"`
	GrantTokens      []string                   `json:"GrantTokens,omitempty"`
	MessageType      types.MessageType          `json:"MessageType,omitempty"`
}

// SignOutput is Sign's answer.
type SignOutput struct {
	KeyId            *string                    `json:"KeyId,omitempty"`
	Signature        []byte                     `json:"Signature,omitempty"`
	SigningAlgorithm types.SigningAlgorithmSpec `json:"SigningAlgorithm,omitempty"`
}

// Sign signs a message or digest with an asymmetric key.
func (c *Client) Sign(ctx context.Context, in *SignInput, _ ...func(*Options)) (*SignOutput, error) {
	return awsapi.Invoke[SignInput, SignOutput](ctx, c.Client, "Sign", in)
}

// GetPublicKeyInput is GetPublicKey's request.
type GetPublicKeyInput struct {
	KeyId       *string  `json:"KeyId,omitempty"`
	GrantTokens []string `json:"GrantTokens,omitempty"`
}

// GetPublicKeyOutput is GetPublicKey's answer.
type GetPublicKeyOutput struct {
	CustomerMasterKeySpec types.CustomerMasterKeySpec     `json:"CustomerMasterKeySpec,omitempty"`
	EncryptionAlgorithms  []types.EncryptionAlgorithmSpec `json:"EncryptionAlgorithms,omitempty"`
	KeyId                 *string                         `json:"KeyId,omitempty"`
	KeySpec               types.KeySpec                   `json:"KeySpec,omitempty"`
	KeyUsage              types.KeyUsageType              `json:"KeyUsage,omitempty"`
	PublicKey             []byte                          `json:"PublicKey,omitempty"`
	SigningAlgorithms     []types.SigningAlgorithmSpec    `json:"SigningAlgorithms,omitempty"`
}

// GetPublicKey returns an asymmetric key's public key (DER, SubjectPublicKeyInfo).
func (c *Client) GetPublicKey(ctx context.Context, in *GetPublicKeyInput, _ ...func(*Options)) (*GetPublicKeyOutput, error) {
	return awsapi.Invoke[GetPublicKeyInput, GetPublicKeyOutput](ctx, c.Client, "GetPublicKey", in)
}
