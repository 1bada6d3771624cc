// Package awsfault injects AWS service faults at the HTTP level, by service and operation, so
// that tests see the store fail the way DynamoDB and Secrets Manager fail in AWS: throttling,
// 5xx, timeouts, cancelled transactions, and writes that succeed but whose answer is lost.
//
// One Injector serves two places: package tests give the SDK client an HTTP client whose
// transport is Injector.Transport, and the local stack's IAM front (dev/stack) runs
// Injector.Middleware in front of kumo, so the functions running as binaries meet the same
// faults. A request is identified by what every AWS JSON-protocol request carries: the service
// from the SigV4 credential scope (Credential=AKID/date/region/service/aws4_request), the
// operation from X-Amz-Target (DynamoDB_20120810.PutItem, secretsmanager.GetSecretValue) and
// the caller from the access key id.
//
// Production never imports this package.
package awsfault
