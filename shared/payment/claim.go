package payment

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

// ClaimKey is the payment record that makes a DP, DSP or DSO consent
// single-use inside the connector: its RequestHash (ClaimHash) names the one
// Idempotency-Key allowed to pay with the consent. '#' is outside the
// callers' key charset, so no caller key can collide with it.
const ClaimKey = "#consent"

// SendLease is how long a payment record marked "sent" counts as being sent
// right now by the request that marked it: the proxy's Lambda timeout
// (template.yaml, 15 s), longer than a request's budget, after which that
// request has certainly stopped sending. A later request may then take the
// record over and resend under the same bank key (the first one died, or
// gave up and answered retry later).
const SendLease = 15 * time.Second

// ClaimHash is the RequestHash of the ClaimKey record held by key.
func ClaimHash(key string) string { return hashOf("key:" + key) }

// RequestHash is the RequestHash of a payment record: of the caller's body,
// which is always the empty object.
func RequestHash() string { return hashOf("{}") }

func hashOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// claim makes key the one Idempotency-Key that may pay with the consent;
// used is true when another key holds it.
func (p *Protocol) claim(ctx context.Context, consentID, key string) (used bool, err error) {
	want := ClaimHash(key)
	err = p.Store.CreatePayment(ctx, &consent.Payment{ConsentID: consentID, IdempotencyKey: ClaimKey, RequestHash: want})
	if errors.Is(err, consent.ErrConflict) {
		var held *consent.Payment
		if held, err = p.Store.GetPayment(ctx, consentID, ClaimKey); err == nil && held.RequestHash != want {
			return true, nil
		}
	}
	return false, err
}

// sending reports whether rec ("sent") was marked by a request that may still
// be sending it.
func (p *Protocol) sending(rec *consent.Payment) bool {
	return p.Now().Sub(rec.UpdatedAt) < SendLease
}

// claimSend makes this call the one that sends rec's order: a versioned
// write of rec as "sent" (pending → sent, or the takeover of an abandoned
// "sent" record, which also restarts its lease). Exactly one of two
// concurrent calls wins (consent.Store.UpdatePayment: "the second gets a
// *ConflictError and must not send"). The loser answers from the record if
// it is finished, else InProgress; a store error is NotRecorded. ok is true
// when this call may send.
func (p *Protocol) claimSend(ctx context.Context, c *consent.Consent, rec *consent.Payment) (res Result, ok bool, err error) {
	n := *rec
	n.State = consent.PaymentSent
	err = p.Store.UpdatePayment(ctx, &n)
	if err == nil {
		*rec = n
		return Result{}, true, nil
	}
	if !errors.Is(err, consent.ErrConflict) {
		p.Logger.ErrorContext(ctx, "payment record not claimed; order not sent", "consentId", rec.ConsentID, "err", err)
		return Result{Outcome: NotRecorded, Payment: rec}, false, nil
	}
	fresh, gerr := p.Store.GetPayment(ctx, rec.ConsentID, rec.IdempotencyKey)
	switch {
	case gerr != nil:
		p.Logger.ErrorContext(ctx, "payment record re-read", "consentId", rec.ConsentID, "err", gerr)
		return Result{Outcome: InProgress, Payment: rec, Why: "payment record re-read failed"}, false, nil
	case fresh.State == consent.PaymentDone || fresh.State == consent.PaymentFailed:
		res, err = p.resume(ctx, c, fresh)
		return res, false, err
	}
	return Result{Outcome: InProgress, Payment: fresh, Why: "payment claimed by a concurrent request"}, false, nil
}
