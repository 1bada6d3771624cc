// Package types mirrors the errors of the AWS SDK's service/secretsmanager/types that the
// connector classifies.
package types
