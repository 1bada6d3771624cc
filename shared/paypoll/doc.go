// Package paypoll follows payments to a final status in the background: the
// tokens run lists the payments whose poll is due (their "P#nn" entries in
// the sparse refresh index, written by consent.Store while a payment is in
// doubt or not final), within what the run's rate limit leaves, and hands
// them to the refresh queue's workers (or polls them itself without a
// queue); a worker polls one with the payment protocol (payment.Protocol.Poll:
// settling a payment in doubt as a retry with the same key would, or reading
// a non-final order), which records any change and schedules the next poll
// (docs/payments.md).
package paypoll
