package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// TestPaymentBadSignature (the stack runs PIS_SIGNATURE=verify): the bank
// makes the payment but its answer carries a signature that does not verify.
// The proxy treats the answer as unusable: the payment is in doubt, and it
// sends the same order again under the same x-idempotency-key, whose
// properly signed answer settles it. The app gets the payment, its retry the
// same one, and the bank holds exactly one payment order.
func TestPaymentBadSignature(t *testing.T) {
	c := newCaller(t)
	cr := c.createConsent(t, paymentBody("DP", "4.56"))
	id := cr.ConsentId
	expectOutcome(t, journey(t, cr.AuthorizationUrl, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001"}}), id, "authorised")
	st.Bank().Fail("/apis/retail/open-banking/v3.1/pisp/domestic-payments", sandbox.Fault{Count: 1, CorruptSignature: true})
	t.Cleanup(st.Bank().ClearFaults)
	key := uuid.NewString()
	n0 := len(st.Bank().Requests())
	first := c.pay(t, id, key)
	sent := map[string]int{} // x-idempotency-key → payment orders sent
	for _, r := range st.Bank().Requests()[n0:] {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/domestic-payments") {
			sent[r.IdempotencyKey]++
		}
	}
	if len(sent) != 1 {
		t.Errorf("the proxy sent the payment order with %d different x-idempotency-keys, want 1 (%v)", len(sent), sent)
	}
	for _, count := range sent {
		if count != 2 {
			t.Errorf("the payment order was sent %d times, want 2: the answer with the bad signature, then the settling resend", count)
		}
	}
	again := c.pay(t, id, key)
	var n int
	for _, p := range st.Bank().Payments() {
		if p.ConsentID == id {
			n++
		}
	}
	if n != 1 || again.PaymentId != first.PaymentId {
		t.Errorf("after a bad signature: %d payment orders at the bank, payments %s and %s; want one", n, first.PaymentId, again.PaymentId)
	}
}
