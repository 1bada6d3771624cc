package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// TestPaymentPlan: a payment order moves through its consent's plan on the bank
// clock (a rejection after AcceptedSettlementInProcess here), each status with the
// bank time it was reached; a plan with an unknown status is refused.
func TestPaymentPlan(t *testing.T) {
	f := newFixture(t)
	id, in, at := f.authorisedDP()
	if err := f.b.SetPaymentPlan(id, []PaymentStep{{Status: "InitiationCompleted"}}); err == nil {
		t.Error("a DP plan with a standing order's status was accepted")
	}
	plan := `{"steps":[{"status":"AcceptedSettlementInProcess","afterSeconds":0},{"status":"Rejected","afterSeconds":60}]}`
	resp, err := http.Post(f.b.AdminURL()+"/admin/consents/"+id+"/payment-plan", "application/json", bytes.NewReader([]byte(plan)))
	if err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatalf("POST payment-plan: %v %v", resp, err)
	}
	resp.Body.Close()
	s, raw := f.signedPost(pispBase+"/domestic-payments", at, "o-1", orderBody(t, id, in))
	var r struct{ Data map[string]any }
	if err := json.Unmarshal(raw, &r); s != 201 || err != nil || r.Data["Status"] != "AcceptedSettlementInProcess" {
		t.Fatalf("order: %d %s", s, raw)
	}
	pid := r.Data["DomesticPaymentId"].(string)
	read := func() (string, string) {
		s, raw := f.do("GET", pispBase+"/domestic-payments/"+pid, f.ccToken("payments"), nil, nil)
		var r struct{ Data map[string]any }
		if err := json.Unmarshal(raw, &r); s != 200 || err != nil {
			t.Fatalf("GET payment: %d %s", s, raw)
		}
		return r.Data["Status"].(string), r.Data["StatusUpdateDateTime"].(string)
	}
	if st, _ := read(); st != "AcceptedSettlementInProcess" {
		t.Errorf("before the delay: %s", st)
	}
	created := f.b.Payments()[0].Created
	f.b.Advance(61 * time.Second)
	st, when := read()
	if st != "Rejected" || when != obTime(created.Add(time.Minute)) {
		t.Errorf("after the delay: %s at %s, want Rejected at %s", st, when, obTime(created.Add(time.Minute)))
	}
	if got := f.b.Payments()[0]; got.Status != "Rejected" {
		t.Errorf("Payments() status %s", got.Status)
	}
}
