// Package payment executes a stored payment consent at the bank exactly once
// and reads its payment orders back: the payment record written before the
// bank is called, the claim that lets one Idempotency-Key pay with a consent,
// the send lease that keeps two requests from sending at once, the same bank
// x-idempotency-key and the same signed bytes on every resend, the settling of
// a payment in doubt from the consent's status at the bank, and the payment
// order's status (OB Read/Write v3.1 Payment Initiation API; the bank's rules
// in docs/bank-rules.md §Payment orders).
//
// It is called with a stored consent and the caller's key, not with an HTTP
// request: the proxy maps a Result to its answer, and a scheduled function
// can settle or poll a payment with the same Protocol. The records live in
// shared/consent's store (the one package that speaks to DynamoDB), behind
// the Store interface declared here.
package payment
