package consent

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"
)

// paymentConsent stores an authorised payment consent id of journey, for its payment records.
func paymentConsent(t *testing.T, s *Store, id, journey string) *Consent {
	t.Helper()
	c := &Consent{ID: id, Owner: "app", Brand: "coop", Type: "payments", Journey: journey,
		Status: StatusAuthorised, BankStatus: StatusAuthorised}
	if err := s.CreateConsent(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

// paymentDetails is consent id's stored payment events, as "detail-type change" and details.
func paymentDetails(t *testing.T, s *Store, id string) ([]string, []EventDetail) {
	t.Helper()
	evs, err := s.ConsentEvents(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var details []EventDetail
	for _, ev := range evs {
		var d EventDetail
		if err := json.Unmarshal([]byte(ev.Detail), &d); err != nil {
			t.Fatal(err)
		}
		if d.IdempotencyKey == "" {
			continue
		}
		names = append(names, ev.DetailType+" "+d.Change)
		details = append(details, d)
	}
	return names, details
}

// TestPaymentOutboxEvents: RecordPaymentStatus stores one outbox event per change it records,
// in the same write: a standing order the bank took is Payment Created, its InitiationCompleted
// Payment Status Changed saying the instruction is set up (no money moved) and final; a
// refused order Payment Status Changed in state failed; a write that learnt nothing stores
// none, and a stale write (a conflict) neither changes the record nor stores an event. The
// events take the consent's next sequence numbers.
func TestPaymentOutboxEvents(t *testing.T) {
	t.Parallel()
	s, _, _ := newStore(t)
	ctx := context.Background()
	paymentConsent(t, s, "c-dso", "DSO")
	p := &Payment{ConsentID: "c-dso", IdempotencyKey: "k1", RequestHash: "h", Journey: "DSO", State: PaymentSent}
	if err := s.CreatePayment(ctx, p); err != nil {
		t.Fatal(err)
	}
	stale := *p
	for _, u := range []PaymentUpdate{
		{State: PaymentDone, BankPaymentID: "dso-1", Status: "InitiationPending", Checked: true},
		{Checked: true, Polled: true},
		{Status: "InitiationCompleted", Checked: true, Polled: true},
	} {
		if _, err := s.RecordPaymentStatus(ctx, p, u); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.RecordPaymentStatus(ctx, &stale, PaymentUpdate{State: PaymentFailed}); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale write: %v, want a conflict", err)
	}
	names, details := paymentDetails(t, s, "c-dso")
	want := []string{EventPaymentCreated + " standing-order.created", EventPaymentStatusChanged + " standing-order.instruction-set-up"}
	if !slices.Equal(names, want) {
		t.Fatalf("events %q, want %q", names, want)
	}
	if d := details[0]; d.BankPaymentID != "dso-1" || d.PaymentStatus != "InitiationPending" || d.Final || d.InstructionSetUp || d.Sequence != 1 {
		t.Errorf("created %+v", d)
	}
	if d := details[1]; d.PreviousPaymentStatus != "InitiationPending" || d.PaymentStatus != "InitiationCompleted" || !d.Final ||
		!d.InstructionSetUp || d.PaymentState != PaymentDone || d.Sequence != 2 || d.Status != StatusAuthorised {
		t.Errorf("set up %+v", d)
	}
	if c, _ := s.GetConsent(ctx, "c-dso"); c.EventSequence != 2 {
		t.Errorf("consent's event sequence %d, want 2", c.EventSequence)
	}

	paymentConsent(t, s, "c-dp", "DP")
	r := &Payment{ConsentID: "c-dp", IdempotencyKey: "k2", RequestHash: "h", Journey: "DP", State: PaymentSent}
	if err := s.CreatePayment(ctx, r); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordPaymentStatus(ctx, r, PaymentUpdate{State: PaymentFailed}); err != nil {
		t.Fatal(err)
	}
	names, details = paymentDetails(t, s, "c-dp")
	if !slices.Equal(names, []string{EventPaymentStatusChanged + " payment.refused"}) || details[0].PaymentState != PaymentFailed ||
		!details[0].Final || details[0].BankPaymentID != "" {
		t.Errorf("refused: %q %+v", names, details)
	}
}
