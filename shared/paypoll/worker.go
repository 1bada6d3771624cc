package paypoll

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/payment"
)

// Store is the part of *consent.Store a poll reads.
type Store interface {
	GetConsent(ctx context.Context, id string) (*consent.Consent, error)
	GetPayment(ctx context.Context, consentID, idempotencyKey string) (*consent.Payment, error)
}

// Worker polls one due payment.
type Worker struct {
	Store    Store
	Protocol *payment.Protocol // the payment protocol, wired with the bank, the consent's tokens and the store
	Logger   *slog.Logger
	RunStart time.Time // an entry due after this was rescheduled meanwhile
}

// One polls the payment of entry d once. It reports the poll's outcome; an
// error means the store failed and the entry is worth another try (it stays
// due in the index whatever happens).
func (w *Worker) One(ctx context.Context, d consent.DuePayment) (payment.Polled, error) {
	rec, err := w.Store.GetPayment(ctx, d.ConsentID, d.Key())
	if errors.Is(err, consent.ErrNotFound) {
		return payment.Polled{Outcome: payment.Untracked}, nil
	}
	if err != nil {
		return payment.Polled{}, err
	}
	if rec.PollDue.IsZero() || rec.PollDue.After(w.RunStart) {
		// Polled or settled meanwhile (a duplicate message, the app's retry).
		return payment.Polled{Outcome: payment.Untracked}, nil
	}
	c, err := w.Store.GetConsent(ctx, d.ConsentID)
	if errors.Is(err, consent.ErrNotFound) {
		w.Logger.WarnContext(ctx, "payment poll: consent gone", slog.String("consentId", d.ConsentID))
		return payment.Polled{Outcome: payment.Untracked}, nil
	}
	if err != nil {
		return payment.Polled{}, err
	}
	return w.Protocol.Poll(ctx, c, rec)
}
