package payment

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/jws"
	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/refresh"
)

// execute sends the payment order of rec (pending or sent) and records the
// outcome. The body is rebuilt from the stored consent request, byte for byte
// the same on every attempt, and goes with the record's x-idempotency-key: a
// bank that already processed it answers with the same payment. A failure
// after which the bank may have processed the order (a dropped connection,
// a timeout, a 5xx) is retried here a bounded number of times; if it still
// fails the record stays "sent" and a retry with the same key finishes it.
//
// A record already "sent" is in doubt: an earlier attempt may have made the
// payment and lost the answer. A definitive refusal of the resend (a 4xx
// after the bank's 24 h idempotency window, or a token that can no longer be
// used) then does not prove the payment was refused: settle asks the bank
// whether the consent was used before anything is marked failed.
//
// The order is sent only by the call that won the record's versioned write
// (claimSend): two calls with the same key never send at the same moment.
func (p *Protocol) execute(ctx context.Context, c *consent.Consent, rec *consent.Payment) (Result, error) {
	inDoubt := rec.State == consent.PaymentSent
	if inDoubt && p.sending(rec) {
		return Result{Outcome: InProgress, Payment: rec, Why: "payment being sent by another request"}, nil
	}
	body, err := bankapi.OrderBody(c.Request, c.ID)
	if err != nil {
		return Result{}, err
	}
	creds, err := p.Credentials.Get(ctx)
	if err != nil {
		return Result{}, err
	}
	sig, err := jws.Sign(body, creds.SigningKey, creds.SigningKeyID, creds.OrganisationID+"/"+creds.SoftwareStatementID, p.Now())
	if err != nil {
		return Result{}, err
	}
	tok, err := p.Tokens.Valid(ctx, c.ID, p.MinValidity)
	if err != nil {
		if inDoubt && refused(err) {
			if res, ok := p.settle(ctx, c, rec); ok {
				return res, nil
			}
		}
		return Result{Outcome: BankFailed, Payment: rec, Err: err}, nil
	}
	if res, ok, err := p.claimSend(ctx, c, rec); !ok {
		return res, err
	}
	res := p.sendOrder(ctx, c, rec, tok, body, sig, inDoubt)
	res.Payment, res.sent = rec, true
	return res, nil
}

// sendOrder sends the order of rec, which this call has claimed, with
// bounded resends, and records the outcome.
func (p *Protocol) sendOrder(ctx context.Context, c *consent.Consent, rec *consent.Payment, tok *consent.Tokens,
	body []byte, sig string, inDoubt bool) Result {
	req := bankapi.Request{Method: http.MethodPost, Path: bankapi.PISPPath + orderPaths[c.Journey], Body: body,
		IdempotencyKey: rec.BankIdempotencyKey, JWSSignature: sig}
	attempts := p.Attempts
	if attempts <= 0 {
		attempts = 3
	}
	var resp *bankapi.Response
	var err error
	for attempt := 0; ; attempt++ {
		resp, tok, err = p.send(ctx, c.ID, tok, req)
		if err == nil || !mayResend(err) {
			break
		}
		inDoubt = true
		if attempt+1 >= attempts {
			break
		}
		if werr := p.pause(ctx, attempt, err); werr != nil {
			break
		}
	}
	if err != nil {
		if inDoubt && refused(err) {
			if res, ok := p.settle(ctx, c, rec); ok {
				res.Used = tok
				return res
			}
		}
		if !mayResend(err) && bankapi.Classify(err) != bankapi.ActionRefresh && isBankRefusal(err) {
			p.record(ctx, rec, consent.PaymentUpdate{State: consent.PaymentFailed})
		}
		var ue *bankapi.UnusableError
		if errors.As(err, &ue) {
			return Result{Outcome: Unreadable, InteractionID: ue.InteractionID, Used: tok}
		}
		return Result{Outcome: BankFailed, Err: err, Used: tok}
	}
	var order bankapi.PaymentOrderResponse
	if err := json.Unmarshal(resp.Body, &order); err != nil || order.ID() == "" {
		// The bank took the order but its answer is unreadable: keep the
		// record "sent" so a retry with the same key reads it again.
		return Result{Outcome: Unreadable, InteractionID: resp.InteractionID, Used: tok}
	}
	p.record(ctx, rec, orderUpdate(consent.PaymentDone, &order, resp.Body))
	p.consumed(ctx, c)
	return Result{Outcome: Done, Used: tok}
}

// send makes one call with the consent's access token tok; a 401 refreshes
// the tokens once and sends once more (refresh.Send). It returns the tokens
// last used.
func (p *Protocol) send(ctx context.Context, consentID string, tok *consent.Tokens, req bankapi.Request) (*bankapi.Response, *consent.Tokens, error) {
	return refresh.Send(ctx, p.Tokens, consentID, tok, func(t *consent.Tokens) (*bankapi.Response, error) {
		req.AccessToken = t.AccessToken
		return p.Bank.Do(ctx, req)
	})
}

// mayResend: the order may not have been processed, or may have been and
// the answer was lost or unusable (a 2xx that is no payment order); the
// same key and body make a resend safe.
func mayResend(err error) bool {
	if bankapi.IsUnusable(err) {
		return true
	}
	var te *bankapi.TransportError
	if errors.As(err, &te) {
		return te.Transient || te.MayHaveBeenProcessed
	}
	return bankapi.Classify(err) == bankapi.ActionRetryLater
}

// isBankRefusal: the bank answered with a definitive 4xx.
func isBankRefusal(err error) bool {
	var be *bankapi.Error
	return errors.As(err, &be) && be.Status >= 400 && be.Status < 500 && be.Status != http.StatusTooManyRequests
}

// pause waits before resending a payment: the retry policy's backoff, or the
// bank's Retry-After, capped by the policy.
func (p *Protocol) pause(ctx context.Context, attempt int, err error) error {
	r := p.Retry
	if r.Base <= 0 {
		r.Base = 200 * time.Millisecond
	}
	if r.Cap <= 0 {
		r.Cap = 2 * time.Second
	}
	d := r.Base << attempt
	var be *bankapi.Error
	if errors.As(err, &be) && be.RetryAfter > d {
		d = be.RetryAfter
	}
	d = min(d, r.Cap)
	metrics.From(ctx).BankRetry(ctx, bankapi.ErrorStatus(err))
	if p.Wait != nil {
		return p.Wait(ctx, d)
	}
	return bankapi.Sleep(ctx, d)
}

// detachedWrites bounds the store writes that follow a bank call.
const detachedWrites = 3 * time.Second

// record writes what the bank's answer taught about rec
// (consent.Store.RecordPaymentStatus, the one write of a payment's status),
// detached: an outcome reached after a long retry must still be recorded. A
// version conflict re-reads the record once: if another call recorded an
// outcome of its own (same bank key, same payment) that one stands, else the
// update is applied to what is stored.
func (p *Protocol) record(ctx context.Context, rec *consent.Payment, u consent.PaymentUpdate) {
	ctx, cancel := lambdactx.Detach(ctx, detachedWrites)
	defer cancel()
	_, err := p.Store.RecordPaymentStatus(ctx, rec, u)
	if errors.Is(err, consent.ErrConflict) {
		fresh, gerr := p.Store.GetPayment(ctx, rec.ConsentID, rec.IdempotencyKey)
		switch {
		case gerr != nil:
			err = gerr
		case u.State != "" && fresh.State != rec.State:
			*rec = *fresh
			return
		default:
			*rec = *fresh
			_, err = p.Store.RecordPaymentStatus(ctx, rec, u)
		}
	}
	if err != nil {
		p.Logger.WarnContext(ctx, "payment record update", "consentId", rec.ConsentID, "err", err)
	}
}

// orderUpdate is what a payment-order answer says: its id, status, the
// bank's time of that status and the body itself.
func orderUpdate(state string, o *bankapi.PaymentOrderResponse, body []byte) consent.PaymentUpdate {
	at, _ := time.Parse(time.RFC3339, o.Data.StatusUpdateDateTime)
	return consent.PaymentUpdate{State: state, BankPaymentID: o.ID(), Status: o.Data.Status, StatusAt: at,
		Order: body, Checked: true}
}
