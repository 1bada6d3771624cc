package e2e

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
)

// followed is one payment the background must follow to its end.
type followed struct {
	name, journey, key, id string
	plan                   []sandbox.PaymentStep
	wantStatus, wantState  string
	wantEvents             []string
}

// TestPaymentsFollowedInBackground: with no app call after the payment, the schedule's runs
// (through the refresh queue and its worker) follow each payment to its end: a DP the bank
// settles later reaches AcceptedSettlementCompleted, one it rejects after accepting it ends
// Rejected, a standing order reaches InitiationCompleted, a DP whose every answer was dropped
// after the bank made it is settled to the bank's payment with the same bank key, and a DP
// whose polls meet 503, 429, a dropped connection, an HTML 200 and a 200 of the wrong shape
// keeps its recorded status until the bank really answers. Each history is in order, and the
// bank holds exactly one payment order per consent. GET then answers from the record, without
// a bank call.
func TestPaymentsFollowedInBackground(t *testing.T) {
	c := newCaller(t)
	b := st.Bank()
	store := consent.New(table(), st.TableName())
	later := func(first, last string) []sandbox.PaymentStep {
		return []sandbox.PaymentStep{{Status: first}, {Status: last, After: 3 * time.Second}}
	}
	cases := []*followed{
		{name: "settled later", journey: "DP", plan: later("AcceptedSettlementInProcess", "AcceptedSettlementCompleted"),
			wantStatus: "AcceptedSettlementCompleted", wantState: "done",
			wantEvents: []string{"AcceptedSettlementInProcess payment.created", "AcceptedSettlementCompleted payment.settled"}},
		{name: "rejected", journey: "DP", plan: later("AcceptedSettlementInProcess", "Rejected"),
			wantStatus: "Rejected", wantState: "done",
			wantEvents: []string{"AcceptedSettlementInProcess payment.created", "Rejected payment.rejected"}},
		{name: "standing order", journey: "DSO", plan: later("InitiationPending", "InitiationCompleted"),
			wantStatus: "InitiationCompleted", wantState: "done",
			wantEvents: []string{"InitiationPending standing-order.created", "InitiationCompleted standing-order.instruction-set-up"}},
		{name: "answer lost", journey: "DP", wantStatus: "AcceptedSettlementCompleted", wantState: "done",
			wantEvents: []string{"AcceptedSettlementCompleted payment.created"}},
		{name: "bank faults", journey: "DP", plan: []sandbox.PaymentStep{{Status: "Pending"}, {Status: "AcceptedSettlementCompleted", After: 6 * time.Second}},
			wantStatus: "AcceptedSettlementCompleted", wantState: "done",
			wantEvents: []string{"Pending payment.created", "AcceptedSettlementCompleted payment.settled"}},
	}
	orders := bankapi.PISPPath + "/domestic-payments"
	for _, f := range cases {
		cr := c.createConsent(t, paymentBody(f.journey, "4.56"))
		f.id, f.key = cr.ConsentId, uuid.NewString()
		expectOutcome(t, journey(t, cr.AuthorizationUrl, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001"}}), f.id, "authorised")
		if f.plan != nil {
			if err := b.SetPaymentPlan(f.id, f.plan); err != nil {
				t.Fatal(err)
			}
		}
		if f.name == "answer lost" {
			b.Fail(orders, sandbox.Fault{DropAfterProcessing: true, Count: 100}) // every send of the request
			r := c.call(t, http.MethodPost, "/consents/"+f.id+"/payments", struct{}{}, map[string]string{"Idempotency-Key": f.key})
			b.ClearFaults()
			if r.status != http.StatusBadGateway {
				t.Fatalf("%s: POST payments = %s, want 502 retry later", f.name, r)
			}
			continue
		}
		p := c.pay(t, f.id, f.key)
		if f.name == "bank faults" {
			get := orders + "/" + p.PaymentId
			for _, fault := range []sandbox.Fault{{Status: http.StatusServiceUnavailable}, {Status: http.StatusTooManyRequests},
				{Drop: true}, {Status: http.StatusOK, HTML: true}, {Status: http.StatusOK, JSON: `{"Data":{"Status":"Rejected"}}`}} {
				fault.Count = 3 // a poll's read and its two retries
				b.Fail(get, fault)
			}
		}
	}
	t.Cleanup(b.ClearFaults)
	deadline := time.Now().Add(45 * time.Second)
	for {
		time.Sleep(time.Second)
		tickAndDrain(t)
		done := true
		for _, f := range cases {
			rec, err := store.GetPayment(t.Context(), f.id, f.key)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range rec.History {
				if h.Status != "" && h.Status != f.plan0() && h.Status != f.wantStatus {
					t.Fatalf("%s: recorded status %s, never reported by the bank (history %+v)", f.name, h.Status, rec.History)
				}
			}
			done = done && rec.State == f.wantState && rec.Status == f.wantStatus
		}
		if done || time.Now().After(deadline) {
			break
		}
	}
	for _, f := range cases {
		rec, err := store.GetPayment(t.Context(), f.id, f.key)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range rec.History {
			got = append(got, h.Status+" "+h.Event)
		}
		if rec.State != f.wantState || strings.Join(got, ", ") != strings.Join(f.wantEvents, ", ") || rec.PollShard != "" {
			t.Errorf("%s: %s %s history [%s] (poll entry %q); want %s %s [%s], out of the index", f.name, rec.State, rec.Status,
				strings.Join(got, ", "), rec.PollShard, f.wantState, f.wantStatus, strings.Join(f.wantEvents, ", "))
		}
		var made []sandbox.PaymentRecord
		for _, p := range b.Payments() {
			if p.ConsentID == f.id {
				made = append(made, p)
			}
		}
		// Each change of the history is one payment event, in the consent's sequence, and the
		// last one is final; a standing order's InitiationCompleted says no money moved.
		var changes []string
		var last seen
		for _, e := range consentEvents(t, f.id) {
			if e.Detail.IdempotencyKey == f.key {
				changes = append(changes, e.Detail.PaymentStatus+" "+e.Detail.Change)
				last = e
			}
		}
		var history []string
		for _, h := range rec.History {
			history = append(history, h.Status+" "+h.Event)
		}
		if !slices.Equal(changes, history) {
			t.Errorf("%s: payment events %q, want one per change of the history %q", f.name, changes, history)
		}
		if !last.Detail.Final || last.Detail.InstructionSetUp != (f.journey == "DSO") {
			t.Errorf("%s: last event %s %+v; want final (instructionSetUp for the standing order)", f.name, last, last.Detail)
		}
		if f.name == "settled later" {
			expectEvents(t, f.id, "Consent Created", "Consent Authorised", "Payment Created / payment.created", "Consent Consumed",
				"Payment Status Changed / payment.settled")
		}
		if len(made) != 1 || made[0].PaymentID != rec.BankPaymentID {
			t.Errorf("%s: the bank holds %d payment orders (%+v), want exactly the one recorded (%s)", f.name, len(made), made, rec.BankPaymentID)
		}
		if f.name == "bank faults" {
			var faulted int
			for _, r := range b.Requests() {
				if r.Method == http.MethodGet && r.Path == orders+"/"+rec.BankPaymentID && r.Status != http.StatusOK {
					faulted++
				}
			}
			if faulted < 3 {
				t.Errorf("%s: %d faulted polls reached the bank; the faults were not exercised", f.name, faulted)
			}
		}
	}
	// GET answers from the record (by the bank's id or the key), without a bank call.
	f := cases[0]
	rec, _ := store.GetPayment(t.Context(), f.id, f.key)
	n0 := len(b.Requests())
	for _, pid := range []string{rec.BankPaymentID, f.key} {
		mustContain(t, c.get(t, "/consents/"+f.id+"/payments/"+pid), "GET payment", `"status":"AcceptedSettlementCompleted"`, `"final":true`, `"payment.settled"`)
	}
	if n := len(b.Requests()) - n0; n != 0 {
		t.Errorf("GET payment from the record made %d bank requests, want 0", n)
	}
}

// plan0 is the first status of the payment's plan.
func (f *followed) plan0() string {
	if len(f.plan) == 0 {
		return ""
	}
	return f.plan[0].Status
}
