package main

import (
	"testing"

	"github.com/coop-ob/connector/dev/stack"
	"github.com/coop-ob/connector/shared/payment"
)

// TestSendLeaseCoversTheFunctionTimeout ties the payment send lease to template.yaml: a record
// marked "sent" may be taken over only once the request that marked it has certainly stopped,
// i.e. after the Lambda timeout. Raising ProxyFunction's Timeout past payment.SendLease would let a
// retry resend while the first request is still sending, so it fails here first.
func TestSendLeaseCoversTheFunctionTimeout(t *testing.T) {
	t.Parallel()
	tpl, err := stack.LoadTemplate("../../template.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	fn, ok := tpl.Functions["ProxyFunction"]
	if !ok {
		t.Fatal("template.yaml has no ProxyFunction")
	}
	if fn.Timeout > payment.SendLease {
		t.Errorf("ProxyFunction timeout %s exceeds the payment send lease %s (shared/payment/claim.go)", fn.Timeout, payment.SendLease)
	}
	if budget >= fn.Timeout {
		t.Errorf("request budget %s is not below the function timeout %s", budget, fn.Timeout)
	}
}
