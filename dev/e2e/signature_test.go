package e2e

import (
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// TestPaymentBadSignature (the stack runs PIS_SIGNATURE=verify): the bank
// makes the payment but its answer carries a signature that does not verify.
// The proxy treats the answer as unusable: the payment is in doubt, and it
// sends the same order again under the same x-idempotency-key, whose
// properly signed answer settles it. The app gets the payment, its retry the
// same one, and the bank holds exactly one payment order.
func TestPaymentBadSignature(t *testing.T) {
	sent, orders, first, again := faultedPayment(t, "4.56", sandbox.Fault{CorruptSignature: true})
	if len(sent) != 1 {
		t.Errorf("the proxy sent the payment order with %d different x-idempotency-keys, want 1 (%v)", len(sent), sent)
	}
	for _, count := range sent {
		if count != 2 {
			t.Errorf("the payment order was sent %d times, want 2: the answer with the bad signature, then the settling resend", count)
		}
	}
	if orders != 1 || again.PaymentId != first.PaymentId {
		t.Errorf("after a bad signature: %d payment orders at the bank, payments %s and %s; want one", orders, first.PaymentId, again.PaymentId)
	}
}
