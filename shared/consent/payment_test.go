package consent

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPayments(t *testing.T) {
	t.Parallel()
	s, _, _ := newStore(t)
	ctx := context.Background()
	paymentConsent(t, s, "c1", "DP")
	p := &Payment{ConsentID: "c1", IdempotencyKey: "k1", RequestHash: "h1"}
	if err := s.CreatePayment(ctx, p); err != nil {
		t.Fatalf("CreatePayment: %v", err)
	}
	if p.State != PaymentPending || p.Version != 1 || p.BankIdempotencyKey == "" || len(p.BankIdempotencyKey) > MaxBankIdempotencyKey {
		t.Errorf("created %+v", p)
	}
	got, err := s.GetPayment(ctx, "c1", "k1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p, got); diff != "" {
		t.Errorf("GetPayment (-want +got):\n%s", diff)
	}
	retry := &Payment{ConsentID: "c1", IdempotencyKey: "k1", RequestHash: "h2"}
	if err := s.CreatePayment(ctx, retry); !errors.Is(err, ErrConflict) {
		t.Errorf("second CreatePayment = %v, want ErrConflict", err)
	}
	if again, _ := s.GetPayment(ctx, "c1", "k1"); again.BankIdempotencyKey != p.BankIdempotencyKey || again.RequestHash != "h1" {
		t.Errorf("conflicting create changed the record: %+v", again)
	}
	stale := *got
	got.State = PaymentSent
	if err := s.UpdatePayment(ctx, got); err != nil || got.Version != 2 {
		t.Fatalf("UpdatePayment = %v version %d", err, got.Version)
	}
	if _, err := s.RecordPaymentStatus(ctx, got, PaymentUpdate{State: PaymentDone, BankPaymentID: "pay-1", Status: "AcceptedSettlementCompleted"}); err != nil {
		t.Fatalf("RecordPaymentStatus: %v", err)
	}
	stale.State = PaymentSent
	if err := s.UpdatePayment(ctx, &stale); !errors.Is(err, ErrConflict) {
		t.Errorf("stale UpdatePayment = %v, want ErrConflict", err)
	}
	done := *got
	if err := s.UpdatePayment(ctx, &done); err == nil {
		t.Error("UpdatePayment wrote state done: status changes go through RecordPaymentStatus")
	}
	if again, _ := s.GetPayment(ctx, "c1", "k1"); again.State != PaymentDone {
		t.Errorf("state %q after stale update, want done", again.State)
	}
	if _, err := s.GetPayment(ctx, "c1", "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetPayment(missing) = %v", err)
	}
	long := &Payment{ConsentID: "c1", IdempotencyKey: "k2", BankIdempotencyKey: strings.Repeat("x", 41)}
	if err := s.CreatePayment(ctx, long); err == nil {
		t.Error("41-char bank idempotency key accepted")
	}
}
