package payment_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/coop-ob/connector/dev/eventschema"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/payment"
)

// events returns consent id's stored events (detail-types and details), each checked against
// its schema and numbered 1, 2, … in order.
func (f *fixture) events(id string) ([]string, []consent.EventDetail) {
	f.t.Helper()
	list, err := f.env.Deps.Store.ConsentEvents(f.t.Context(), id)
	if err != nil {
		f.t.Fatal(err)
	}
	var types []string
	var details []consent.EventDetail
	for i, ev := range list {
		if err := eventschema.Validate(ev.DetailType, []byte(ev.Detail)); err != nil {
			f.t.Error(err)
		}
		var d consent.EventDetail
		if err := json.Unmarshal([]byte(ev.Detail), &d); err != nil {
			f.t.Fatal(err)
		}
		if d.Sequence != int64(i+1) {
			f.t.Errorf("event %d has sequence %d", i+1, d.Sequence)
		}
		types = append(types, ev.DetailType)
		details = append(details, d)
	}
	return types, details
}

// TestPaymentEvents: the payment the bank took is a Payment Created event, written with the
// record (its key, the bank's id and status), before the consent's Consumed event; a read of
// the order that finds the bank's status changed is a Payment Status Changed event, and one
// that finds it unchanged is none.
func TestPaymentEvents(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.dpConsent()
	ctx := t.Context()
	_, before := f.events(c.ID)
	res, err := f.p.Start(ctx, c, "k-1")
	if err != nil || res.Outcome != payment.Done {
		t.Fatalf("Start: %+v %v", res, err)
	}
	types, details := f.events(c.ID)
	got := types[len(before):]
	if want := []string{consent.EventPaymentCreated, consent.EventConsentConsumed}; !slices.Equal(got, want) {
		t.Fatalf("events after the payment %v, want %v", got, want)
	}
	rec := f.record(c.ID, "k-1")
	if d := details[len(before)]; d.IdempotencyKey != "k-1" || d.BankPaymentID != rec.BankPaymentID || d.PaymentStatus != rec.Status ||
		d.PaymentState != consent.PaymentDone || d.Owner != c.Owner || d.ConsentType != "payments" {
		t.Errorf("Payment Created %+v", d)
	}
	if _, err := f.p.Status(ctx, c, rec.BankPaymentID); err != nil {
		t.Fatal(err)
	}
	if n, _ := f.events(c.ID); len(n) != len(types) {
		t.Errorf("an unchanged status made events: %v", n[len(types):])
	}
	// The record saw an earlier status; the bank now reports its own.
	rec.Status = "Pending"
	if err := f.env.Deps.Store.UpdatePayment(ctx, rec); err != nil {
		t.Fatal(err)
	}
	if _, err := f.p.Status(ctx, c, rec.BankPaymentID); err != nil {
		t.Fatal(err)
	}
	types, details = f.events(c.ID)
	last := details[len(details)-1]
	if types[len(types)-1] != consent.EventPaymentStatusChanged || last.PreviousPaymentStatus != "Pending" ||
		last.PaymentStatus == "Pending" || last.BankPaymentID != rec.BankPaymentID {
		t.Errorf("after the status changed: %v, %+v", types, last)
	}
	if got := f.record(c.ID, "k-1"); got.Status != last.PaymentStatus {
		t.Errorf("record status %q, want the bank's %q", got.Status, last.PaymentStatus)
	}
}
