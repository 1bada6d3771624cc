package main

import (
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/httpapi"
)

// GET payment answers from the connector's record without a bank call, found
// by the bank's payment id or by the Idempotency-Key, with the bank's OB body
// as last read (Data) beside the record's fields; ?refresh=true reads the
// order at the bank now and records the change in the history.
func TestGetPaymentFromRecord(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.paymentConsent(owner, "DP")
	if err := f.env.Bank.SetPaymentPlan(c.ID, []sandbox.PaymentStep{{Status: "Pending"},
		{Status: "AcceptedSettlementCompleted", After: time.Minute}}); err != nil {
		t.Fatal(err)
	}
	id, _ := wantOK(t, f.call(pay(c, "order-9", "")), http.StatusCreated)["paymentId"].(string)
	get := func(pid, query string) request {
		return request{method: http.MethodGet, route: "/consents/{id}/payments/{paymentId}", who: owner,
			params: map[string]string{"id": c.ID, "paymentId": pid}, query: query}
	}
	f.env.Bank.Advance(2 * time.Minute) // the bank has settled it meanwhile
	f.env.Bank.ResetRequests()
	for _, pid := range []string{id, "order-9"} {
		m := wantOK(t, f.call(get(pid, "")), http.StatusOK)
		data, _ := m["Data"].(map[string]any)
		if m["paymentId"] != id || m["status"] != "Pending" || m["state"] != "done" || m["final"] != false || data["Status"] != "Pending" {
			t.Errorf("GET %s from the record: %v", pid, m)
		}
	}
	if n := len(f.env.Bank.Requests()); n != 0 {
		t.Errorf("GET without refresh made %d bank requests, want 0", n)
	}
	m := wantOK(t, f.call(get(id, "refresh=true")), http.StatusOK)
	hist, _ := m["history"].([]any)
	if m["status"] != "AcceptedSettlementCompleted" || m["final"] != true || len(hist) != 2 {
		t.Fatalf("GET ?refresh=true: %v", m)
	}
	last, _ := hist[1].(map[string]any)
	if last["status"] != "AcceptedSettlementCompleted" || last["event"] != "payment.settled" {
		t.Errorf("history's last entry %v", last)
	}
	if m := wantOK(t, f.call(get(id, "")), http.StatusOK); m["status"] != "AcceptedSettlementCompleted" {
		t.Errorf("the refresh was not recorded: %v", m)
	}
	for _, q := range []string{"refresh=yes", "refresh=true&refresh=true", "other=1"} {
		wantProblem(t, f.call(get(id, q)), http.StatusBadRequest, httpapi.TypeInvalidRequest, "")
	}
}
