package consent

import "time"

// DefaultEndedRetention is ENDED_RETENTION's default: how long a closed
// consent's item and its settled payment records are kept (90 days).
const DefaultEndedRetention = 90 * 24 * time.Hour

// Closed reports whether status is final: the consent can never be used
// again and no transition leads out of the closed statuses. Ended (Rejected,
// Expired, Revoked), Consumed (the payment consent's order was taken) and
// Failed (its first authorisation failed). A closed consent loses its tokens
// and shared accounts in the write that closes it (endConsent, erases), and
// its item is erased by DynamoDB's TTL EndedRetention later (retain).
func Closed(status string) bool {
	return Ended(status) || status == StatusConsumed || status == StatusFailed
}

// erases reports whether a write of status deletes the consent's tokens and
// shared accounts (endConsent): every closed status but Failed, which only a
// consent never authorised reaches (it has neither; its write stays a plain
// conditional put).
func erases(status string) bool { return Closed(status) && status != StatusFailed }

// retainUntil is the TTL of an item kept EndedRetention from at, in whole
// seconds rounded up (the TTL attribute holds seconds).
func (s *Store) retainUntil(at time.Time) time.Time {
	d := s.EndedRetention
	if d <= 0 {
		d = DefaultEndedRetention
	}
	return at.Add(d).Truncate(time.Second).Add(time.Second)
}

// retain sets the TTL of consent n as written: EndedRetention after the
// write that closed it (kept as it is by later writes of the closed
// consent, a revocation of an expired consent included), none while open.
func (s *Store) retain(n *Consent) {
	switch {
	case !Closed(n.Status):
		n.TTL = time.Time{}
	case n.TTL.IsZero():
		n.TTL = s.retainUntil(n.UpdatedAt)
	}
}

// retainPayment sets the TTL of payment record n as written: none while it
// is pending or the background follows it (schedulePoll gave it a poll
// entry); otherwise EndedRetention after this write. A record out of the
// polls is settled (done with a final status, refused, unconfirmed) or given
// up (PaymentPollLimit): the payment consent it belongs to is Consumed, or
// the bank refused the order, and nothing but the app's GET reads it again.
func (s *Store) retainPayment(n *Payment) {
	n.TTL = time.Time{}
	if n.State != PaymentPending && n.PollDue.IsZero() {
		n.TTL = s.retainUntil(s.Now())
	}
}
