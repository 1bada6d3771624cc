package payment_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
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

// paymentEvents is the payment events of details, as "detail-type change status".
func paymentEvents(types []string, details []consent.EventDetail) []string {
	var out []string
	for i, d := range details {
		if d.IdempotencyKey != "" {
			out = append(out, types[i]+" "+d.Change+" "+d.PaymentStatus)
		}
	}
	return out
}

// TestPaymentEvents: every change RecordPaymentStatus records stores its one event in the
// consent's outbox with it, named by the history's change: the order the bank took is Payment
// Created (before the consent's Consumed), a poll that learns nothing stores none, the later
// status Payment Status Changed (previous status, final). Events and history agree one to one.
func TestPaymentEvents(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.dpConsent()
	ctx := t.Context()
	if err := f.env.Bank.SetPaymentPlan(c.ID, []sandbox.PaymentStep{{Status: "AcceptedSettlementInProcess"},
		{Status: "AcceptedSettlementCompleted", After: time.Minute}}); err != nil {
		t.Fatal(err)
	}
	_, before := f.events(c.ID)
	res, err := f.p.Start(ctx, c, "k-1")
	if err != nil || res.Outcome != payment.Done {
		t.Fatalf("Start: %+v %v", res, err)
	}
	types, details := f.events(c.ID)
	if got, want := types[len(before):], []string{consent.EventPaymentCreated, consent.EventConsentConsumed}; !slices.Equal(got, want) {
		t.Fatalf("events after the payment %v, want %v", got, want)
	}
	rec := f.record(c.ID, "k-1")
	if d := details[len(before)]; d.IdempotencyKey != "k-1" || d.BankPaymentID != rec.BankPaymentID || d.PaymentStatus != "AcceptedSettlementInProcess" ||
		d.PaymentState != consent.PaymentDone || d.Change != "payment.created" || d.Final || d.Owner != c.Owner || d.ConsentType != "payments" {
		t.Errorf("Payment Created %+v", d)
	}
	if got, err := f.p.Poll(ctx, c, rec); err != nil || got.Event != "" {
		t.Fatalf("poll before the change: %+v %v", got, err)
	}
	if n, _ := f.events(c.ID); len(n) != len(types) {
		t.Errorf("a poll that learnt nothing stored events: %v", n[len(types):])
	}
	f.env.Bank.Advance(61 * time.Second)
	if got, err := f.p.Poll(ctx, c, rec); err != nil || got.Event != "payment.settled" {
		t.Fatalf("poll after the settlement: %+v %v", got, err)
	}
	types, details = f.events(c.ID)
	last := details[len(details)-1]
	if types[len(types)-1] != consent.EventPaymentStatusChanged || last.PreviousPaymentStatus != "AcceptedSettlementInProcess" ||
		last.PaymentStatus != "AcceptedSettlementCompleted" || last.Change != "payment.settled" || !last.Final || last.InstructionSetUp {
		t.Errorf("after the settlement: %v, %+v", types, last)
	}
	rec = f.record(c.ID, "k-1")
	var history []string
	for _, h := range rec.History {
		history = append(history, h.Event)
	}
	var changes []string
	for _, d := range details {
		if d.IdempotencyKey != "" {
			changes = append(changes, d.Change)
		}
	}
	if !slices.Equal(history, changes) {
		t.Errorf("history %v, events %v: want one event per change", history, changes)
	}
}

// TestPaymentUnconfirmedEvent: a payment in doubt that a poll settles from the consent's
// status (the token gone, the consent Consumed at the bank) stores Payment Unconfirmed, final,
// with the record's state; the payment's only event.
func TestPaymentUnconfirmedEvent(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.dpConsent()
	ctx := t.Context()
	f.env.Bank.Fail(orders, sandbox.Fault{DropAfterProcessing: true, Count: 100})
	if res, _ := f.p.Start(ctx, c, "k-1"); res.Outcome != payment.BankFailed {
		t.Fatalf("Start: %+v, want in doubt", res)
	}
	f.env.Bank.ClearFaults()
	f.env.Bank.Advance(31 * time.Minute)
	if got, err := f.p.Poll(ctx, c, f.record(c.ID, "k-1")); err != nil || got.Event != "payment.unconfirmed" {
		t.Fatalf("poll: %+v %v", got, err)
	}
	types, details := f.events(c.ID)
	if got, want := paymentEvents(types, details), []string{consent.EventPaymentUnconfirmed + " payment.unconfirmed "}; !slices.Equal(got, want) {
		t.Fatalf("payment events %q, want %q", got, want)
	}
	for i, d := range details {
		if types[i] == consent.EventPaymentUnconfirmed && (d.PaymentState != consent.PaymentUnconfirmed || !d.Final || d.IdempotencyKey != "k-1") {
			t.Errorf("Payment Unconfirmed %+v", d)
		}
	}
}
