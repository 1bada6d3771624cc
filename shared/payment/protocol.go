package payment

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/credentials"
)

// Store holds payment records and consents (*consent.Store).
type Store interface {
	GetPayment(ctx context.Context, consentID, idempotencyKey string) (*consent.Payment, error)
	CreatePayment(ctx context.Context, p *consent.Payment) error
	UpdatePayment(ctx context.Context, p *consent.Payment) error
	RecordPaymentStatus(ctx context.Context, p *consent.Payment, u consent.PaymentUpdate) (string, error)
	GetConsent(ctx context.Context, id string) (*consent.Consent, error)
	UpdateConsent(ctx context.Context, c *consent.Consent) error
}

// Bank sends one request to the bank (*bankapi.Client, or an adapter that
// adds the caller's FAPI headers).
type Bank interface {
	Do(ctx context.Context, req bankapi.Request) (*bankapi.Response, error)
}

// Tokens is the consent's auth-code tokens, refreshed under the store's
// lease (*refresh.Refresher).
type Tokens interface {
	Valid(ctx context.Context, consentID string, minValidity time.Duration) (*consent.Tokens, error)
	RefreshRejected(ctx context.Context, consentID, rejectedAccessToken string) (*consent.Tokens, error)
}

// Protocol executes payment consents and reads their orders. Store, Bank,
// Tokens, ClientCredentials, Credentials, Now and Logger are required; a
// Protocol holds no state of its own and may be built per call.
type Protocol struct {
	Store             Store
	Bank              Bank
	Tokens            Tokens
	ClientCredentials bankapi.ClientCredentials // the payments-scope token of the consent and order reads
	Credentials       credentials.Provider      // the signing key of the order's x-jws-signature
	Now               func() time.Time
	Logger            *slog.Logger
	// Retry is the policy of reads; resends of an order wait its backoff.
	Retry bankapi.RetryPolicy
	// Wait waits d before a resend (nil: bankapi.Sleep).
	Wait func(ctx context.Context, d time.Duration) error
	// Attempts bounds the sends of one order in one call (0: 3).
	Attempts int
	// MinValidity: an access token valid for less is refreshed before the send.
	MinValidity time.Duration
}

// ErrNotStarted: no payment was asked for with this key yet (Resume).
var ErrNotStarted = errors.New("payment: no payment with this key")

// errUnknownJourney: a payment consent whose journey has no payment order.
var errUnknownJourney = errors.New("payment consent without a known journey")

// Outcome is what became of a payment request.
type Outcome int

// The outcomes of Start and Resume. Only Done means the bank took the order
// and its answer was read; Unconfirmed means it most probably took it.
const (
	// Done: the bank took the order; Result.Payment holds its id and status.
	Done Outcome = iota + 1
	// Refused: the bank refused the order of this key before; it is not sent again.
	Refused
	// ConsentUsed: another key holds the consent's claim (a payment consent pays once).
	ConsentUsed
	// InProgress: another request is sending the order now; nothing was sent (Result.Why).
	InProgress
	// NotRecorded: the record could not be marked sent; nothing was sent.
	NotRecorded
	// BankFailed: the bank or the consent's tokens failed (Result.Err, for the caller to classify).
	BankFailed
	// Unreadable: the bank took the order but its answer could not be read;
	// the record stays sent (in doubt, never failed).
	Unreadable
	// Unsettled: in doubt, and the consent's status at the bank could not be
	// read (Result.Err); nothing is known, the record stays sent.
	Unsettled
	// Unconfirmed: in doubt, and the bank reports the consent consumed: the
	// payment was most probably made, its id is unknown.
	Unconfirmed
)

// Result is the outcome of one Start or Resume.
type Result struct {
	Outcome       Outcome
	Payment       *consent.Payment // the record as last known
	Err           error            // BankFailed, Unsettled: the cause
	InteractionID string           // the bank's, where one answered
	Why           string           // InProgress: why, for the log
	// Used is the consent's tokens of the last bank call made with them
	// (nil: none): a failure concerns the consent only while they are still
	// its tokens.
	Used *consent.Tokens
	// sent: the outcome of this call's own send of the order.
	sent bool
}

// LeaseLeft is what is left at now of the send lease of a record this call
// sent and left "sent": a retry with the same key before then finds the
// payment in progress. Zero otherwise.
func (r Result) LeaseLeft(now time.Time) time.Duration {
	if !r.sent || r.Payment == nil || r.Payment.State != consent.PaymentSent {
		return 0
	}
	return SendLease - now.Sub(r.Payment.UpdatedAt)
}

// Resume answers or resumes the payment asked for before with key on
// consent c (whatever c's status: a done payment is answered even after the
// consent is Consumed). ErrNotStarted: none was.
func (p *Protocol) Resume(ctx context.Context, c *consent.Consent, key string) (Result, error) {
	rec, err := p.Store.GetPayment(ctx, c.ID, key)
	switch {
	case errors.Is(err, consent.ErrNotFound):
		return Result{}, ErrNotStarted
	case err != nil:
		return Result{}, err
	}
	return p.resume(ctx, c, rec)
}

// Start executes the authorised payment consent c for key, exactly once per
// consent. The order body is built from the stored consent (the caller
// cannot change payee or amount). A payment record is written before the
// bank is called, keyed by key and holding the x-idempotency-key sent to
// the bank, so any retry resends the same order under the same bank key.
func (p *Protocol) Start(ctx context.Context, c *consent.Consent, key string) (Result, error) {
	if orderPaths[c.Journey] == "" {
		return Result{}, errUnknownJourney
	}
	used, err := p.claim(ctx, c.ID, key)
	switch {
	case err != nil:
		return Result{}, err
	case used:
		return Result{Outcome: ConsentUsed}, nil
	}
	rec := &consent.Payment{ConsentID: c.ID, IdempotencyKey: key, RequestHash: hashOf("{}"), Journey: c.Journey}
	err = p.Store.CreatePayment(ctx, rec)
	if errors.Is(err, consent.ErrConflict) { // the same key, concurrently
		if rec, err = p.Store.GetPayment(ctx, c.ID, key); err == nil {
			return p.resume(ctx, c, rec)
		}
	}
	if err != nil {
		return Result{}, err
	}
	return p.execute(ctx, c, rec)
}

// resume answers from a finished record, or sends a pending or sent one
// again under the same bank key.
func (p *Protocol) resume(ctx context.Context, c *consent.Consent, rec *consent.Payment) (Result, error) {
	switch rec.State {
	case consent.PaymentDone:
		return Result{Outcome: Done, Payment: rec}, nil
	case consent.PaymentFailed:
		return Result{Outcome: Refused, Payment: rec}, nil
	case consent.PaymentUnconfirmed:
		return Result{Outcome: Unconfirmed, Payment: rec}, nil
	}
	return p.execute(ctx, c, rec)
}
