package consent

// Final payment-order statuses (OB Read/Write v3.1.10 Payment Initiation).
// A domestic payment's statuses and a scheduled payment's or standing
// order's are disjoint, so the status alone says whether it is final.
//
// AcceptedSettlementCompleted is final: the debtor's account has been
// debited, and following it on to AcceptedCreditSettlementCompleted (the
// creditor's account credited) would poll every payment up to the limit
// for a status the bank does not promise to report; a bank that answers
// AcceptedCreditSettlementCompleted is final too.
//
// For scheduled payments and standing orders InitiationCompleted means the
// bank has set the instruction up, not that money moved: the bank offers no
// payment-details resource to follow the execution.
var finalPaymentStatuses = map[string]bool{
	"AcceptedSettlementCompleted":       true,
	"AcceptedCreditSettlementCompleted": true,
	"AcceptedWithoutPosting":            true,
	"Rejected":                          true,
	"InitiationCompleted":               true,
	"InitiationFailed":                  true,
	"Cancelled":                         true,
}

// paymentStatuses are every payment-order status OB v3.1.10 defines.
var paymentStatuses = map[string]bool{
	"Pending": true, "AcceptedSettlementInProcess": true, "InitiationPending": true,
}

// KnownPaymentStatus reports whether status is a payment-order status of OB
// v3.1.10 (anything else is an answer the connector does not record).
func KnownPaymentStatus(status string) bool {
	return paymentStatuses[status] || finalPaymentStatuses[status]
}

// FinalPaymentStatus reports whether a payment-order status will not change.
func FinalPaymentStatus(status string) bool { return finalPaymentStatuses[status] }

// followed reports whether the background follows p: a payment in doubt
// (sent, unanswered) or one the bank took whose status is not final.
func (p *Payment) followed() bool {
	return p.State == PaymentSent || (p.State == PaymentDone && !FinalPaymentStatus(p.Status))
}

// Payment lifecycle events (docs/payments.md): the journey's prefix and the
// change. For scheduled payments and standing orders the final success is
// "instruction-set-up": InitiationCompleted means the instruction exists at
// the bank, not that any money moved.
const (
	EventPaymentCreatedKey     = "created"                  // the bank took the order; its first status
	EventPaymentStatusKey      = "status-changed"           // a status that is not final
	EventPaymentSettled        = "settled"                  // DP: AcceptedSettlementCompleted or AcceptedCreditSettlementCompleted
	EventPaymentNotPosted      = "accepted-without-posting" // DP: AcceptedWithoutPosting
	EventPaymentRejected       = "rejected"                 // DP: Rejected
	EventInstructionSetUp      = "instruction-set-up"       // DSP, DSO: InitiationCompleted (no money moved yet)
	EventInstructionFailed     = "instruction-failed"       // DSP, DSO: InitiationFailed
	EventInstructionCancelled  = "instruction-cancelled"    // DSP, DSO: Cancelled
	EventPaymentRefused        = "refused"                  // the bank refused the order itself
	EventPaymentUnconfirmedKey = "unconfirmed"              // in doubt; the consent is Consumed at the bank, the payment's id unknown
)

var eventPrefixes = map[string]string{"DP": "payment.", "DSP": "scheduled-payment.", "DSO": "standing-order."}

var statusEvents = map[string]string{
	"AcceptedSettlementCompleted":       EventPaymentSettled,
	"AcceptedCreditSettlementCompleted": EventPaymentSettled,
	"AcceptedWithoutPosting":            EventPaymentNotPosted,
	"Rejected":                          EventPaymentRejected,
	"InitiationCompleted":               EventInstructionSetUp,
	"InitiationFailed":                  EventInstructionFailed,
	"Cancelled":                         EventInstructionCancelled,
}

// PaymentEvent names the lifecycle event of the change from old to n, e.g.
// "payment.settled" or "standing-order.instruction-set-up".
func PaymentEvent(journey string, old, n *Payment) string {
	prefix := eventPrefixes[journey]
	if prefix == "" {
		prefix = "payment."
	}
	switch {
	case n.State == PaymentFailed:
		return prefix + EventPaymentRefused
	case n.State == PaymentUnconfirmed:
		return prefix + EventPaymentUnconfirmedKey
	case old.State != PaymentDone:
		return prefix + EventPaymentCreatedKey
	case statusEvents[n.Status] != "":
		return prefix + statusEvents[n.Status]
	}
	return prefix + EventPaymentStatusKey
}

// PaymentChanges lists every name PaymentEvent gives: the change field of a
// payment event's detail.
func PaymentChanges() []string {
	var out []string
	for _, j := range []string{"DP", "DSP", "DSO"} {
		p := eventPrefixes[j]
		out = append(out, p+EventPaymentCreatedKey, p+EventPaymentStatusKey, p+EventPaymentRefused, p+EventPaymentUnconfirmedKey)
		if j == "DP" {
			out = append(out, p+EventPaymentSettled, p+EventPaymentNotPosted, p+EventPaymentRejected)
		} else {
			out = append(out, p+EventInstructionSetUp, p+EventInstructionFailed, p+EventInstructionCancelled)
		}
	}
	return out
}

// paymentDetailType is the detail-type of the outbox event of the change of
// a payment record from old to n (docs/events.md): Payment Unconfirmed for a
// payment in doubt the consent's status settled, Payment Created when the
// bank took the order, Payment Status Changed for every later status and for
// a refusal. The detail's change field says which (PaymentEvent's name).
func paymentDetailType(old, n *Payment) string {
	switch {
	case n.State == PaymentUnconfirmed:
		return EventPaymentUnconfirmed
	case n.State == PaymentDone && old.State != PaymentDone:
		return EventPaymentCreated
	}
	return EventPaymentStatusChanged
}

// paymentFinal: nothing about the payment will change any more.
func paymentFinal(p *Payment) bool {
	switch p.State {
	case PaymentFailed, PaymentUnconfirmed:
		return true
	case PaymentDone:
		return FinalPaymentStatus(p.Status)
	}
	return false
}
