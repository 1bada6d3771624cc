// Package seal encrypts the secret values the connector keeps in its table
// (bank tokens, pending authorization codes, PKCE verifiers) before they are
// written: AES-256-GCM under a data key from KMS GenerateDataKey, the data
// key's KMS ciphertext stored beside the value in the same blob.
//
// The KMS encryption context is fixed per stack and purpose (Context), so
// key policies can pin it; the per-item binding (table, keys, attribute) is
// the AES-GCM additional data, so a value copied to another item or
// attribute does not open, whichever data key sealed it.
//
// One data key is used per Sealer (per container) for at most MaxAge and
// MaxUses values; decrypted data keys are cached by their ciphertext, so
// opening values sealed by other containers costs one KMS Decrypt per data
// key, not per value.
package seal
