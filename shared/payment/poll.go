package payment

import (
	"context"
	"errors"
	"net/http"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
)

// PollOutcome is what one background poll of a payment did.
type PollOutcome int

// The outcomes of Poll.
const (
	// Recorded: the bank answered; a change of state or status, if any, is
	// recorded (Polled.Event names it) and the next poll scheduled.
	Recorded PollOutcome = iota + 1
	// Failed: the bank could not be asked or answered nothing usable; the
	// recorded status is kept, the poll counted and the next one scheduled.
	Failed
	// Busy: another call is sending the order (its send lease holds) or
	// the record could not be claimed; nothing was sent, the next poll is
	// rescheduled (not counted).
	Busy
	// Untracked: the record needs no poll (pending, refused, unconfirmed or
	// final), or is gone.
	Untracked
)

// Polled is the result of one Poll.
type Polled struct {
	Outcome PollOutcome
	Event   string // the lifecycle event recorded ("" for none)
	Err     error  // Failed: the cause, for the log
}

// Poll follows payment rec of consent c one step, for the background:
//
//   - a payment in doubt (sent, its answer lost) is settled exactly as a retry
//     with the same key settles it (Resume's path): the order is resent with
//     the record's bank key and the same bytes while the consent's access
//     token lasts (a payment consent has no refresh token), and the bank
//     answers with the payment it made; once the token is gone, the
//     consent's status at the bank decides (Consumed: unconfirmed). Never
//     under a new key.
//   - a payment the bank took whose status is not final: its order is read
//     (client-credentials token, as GET /payments does) and a new status is
//     recorded with the bank's StatusUpdateDateTime.
//
// A bank fault (5xx, 429, a dropped connection, HTML, an unusable 2xx, a
// status OB does not define) never changes the recorded status: the poll is
// counted and the next one scheduled. Store failures are returned.
func (p *Protocol) Poll(ctx context.Context, c *consent.Consent, rec *consent.Payment) (Polled, error) {
	switch {
	case rec.State == consent.PaymentSent:
		return p.pollInDoubt(ctx, c, rec)
	case rec.State == consent.PaymentDone && !consent.FinalPaymentStatus(rec.Status) && rec.BankPaymentID != "":
		before := rec.Status
		o, err := p.Status(ctx, c, rec.BankPaymentID)
		if err == nil && !consent.KnownPaymentStatus(o.Order.Data.Status) {
			err = &bankapi.UnusableError{Method: http.MethodGet, Status: http.StatusOK, BodyKind: bankapi.BodyJSON}
		}
		if err != nil {
			return p.pollFailed(ctx, rec, err)
		}
		u := orderUpdate("", &o.Order, o.Body)
		u.Polled = true
		ev, err := p.Store.RecordPaymentStatus(ctx, rec, u)
		if err != nil {
			return Polled{}, err
		}
		if ev != "" {
			p.Logger.InfoContext(ctx, "payment status", "consentId", c.ID, "from", before, "status", rec.Status, "event", ev)
		}
		p.givenUp(ctx, rec)
		return Polled{Outcome: Recorded, Event: ev}, nil
	}
	return Polled{Outcome: Untracked}, nil
}

// pollInDoubt settles a sent record through execute, the protocol's own path.
func (p *Protocol) pollInDoubt(ctx context.Context, c *consent.Consent, rec *consent.Payment) (Polled, error) {
	if p.sending(rec) {
		return p.busy(ctx, rec)
	}
	res, err := p.execute(ctx, c, rec)
	if err != nil {
		return Polled{}, err
	}
	if res.Payment != nil {
		*rec = *res.Payment
	}
	switch res.Outcome {
	case Done, Refused, Unconfirmed:
		ev := ""
		if n := len(rec.History); n > 0 {
			ev = rec.History[n-1].Event
		}
		p.Logger.InfoContext(ctx, "payment in doubt settled", "consentId", c.ID, "state", rec.State, "event", ev)
		return Polled{Outcome: Recorded, Event: ev}, nil
	case InProgress, NotRecorded, ConsentUsed:
		return p.busy(ctx, rec)
	}
	cause := res.Err
	if cause == nil {
		cause = errors.New("payment answer unreadable")
	}
	// Still in doubt (the bank or its token failed, or its answer was
	// unusable): re-read the record the send claimed, then count the poll.
	fresh, gerr := p.Store.GetPayment(ctx, rec.ConsentID, rec.IdempotencyKey)
	if gerr != nil {
		return Polled{}, gerr
	}
	*rec = *fresh
	return p.pollFailed(ctx, rec, cause)
}

// busy reschedules a poll that found the order being sent by another call
// (not counted against the limit): the entry moves to its next backoff point
// and leaves the queue. A conflict means that call wrote meanwhile, which
// rescheduled it already.
func (p *Protocol) busy(ctx context.Context, rec *consent.Payment) (Polled, error) {
	fresh, err := p.Store.GetPayment(ctx, rec.ConsentID, rec.IdempotencyKey)
	if err != nil {
		return Polled{}, err
	}
	if _, err := p.Store.RecordPaymentStatus(ctx, fresh, consent.PaymentUpdate{}); err != nil && !errors.Is(err, consent.ErrConflict) {
		return Polled{}, err
	}
	*rec = *fresh
	return Polled{Outcome: Busy}, nil
}

// pollFailed counts a poll that learnt nothing and schedules the next.
func (p *Protocol) pollFailed(ctx context.Context, rec *consent.Payment, cause error) (Polled, error) {
	if _, err := p.Store.RecordPaymentStatus(ctx, rec, consent.PaymentUpdate{Polled: true}); err != nil {
		return Polled{}, err
	}
	p.Logger.WarnContext(ctx, "payment poll failed", "consentId", rec.ConsentID, "polls", rec.Polls, "err", cause)
	p.givenUp(ctx, rec)
	return Polled{Outcome: Failed, Err: cause}, nil
}

// givenUp logs a payment the background stops following before its end
// (PAYMENT_POLL_LIMIT reached): its last status stays recorded.
func (p *Protocol) givenUp(ctx context.Context, rec *consent.Payment) {
	if rec.PollShard == "" && (rec.State == consent.PaymentSent || !consent.FinalPaymentStatus(rec.Status)) && rec.State != consent.PaymentFailed && rec.State != consent.PaymentUnconfirmed {
		p.Logger.WarnContext(ctx, "payment poll limit reached: no more background polls", "consentId", rec.ConsentID,
			"state", rec.State, "status", rec.Status, "polls", rec.Polls)
	}
}

// Refresh reads payment rec's order at the bank now (GET ?refresh=true) and
// records what changed, like a poll that does not count against the limit.
// A record without a bank payment id (in doubt, refused, unconfirmed) has
// nothing to read: it is returned as it is. Bank failures are returned for
// the caller to classify; the recorded status is kept.
func (p *Protocol) Refresh(ctx context.Context, c *consent.Consent, rec *consent.Payment) (*Order, error) {
	if rec.BankPaymentID == "" {
		return nil, nil
	}
	o, err := p.Status(ctx, c, rec.BankPaymentID)
	if err != nil {
		return nil, err
	}
	if !consent.KnownPaymentStatus(o.Order.Data.Status) {
		return nil, &bankapi.UnusableError{Method: http.MethodGet, Status: http.StatusOK, BodyKind: bankapi.BodyJSON}
	}
	p.record(ctx, rec, orderUpdate("", &o.Order, o.Body))
	return o, nil
}
