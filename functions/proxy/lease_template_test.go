package main

import (
	"testing"

	"github.com/coop-ob/connector/dev/stack"
)

// TestSendLeaseCoversTheFunctionTimeout ties the payment send lease to template.yaml: a record
// marked "sent" may be taken over only once the request that marked it has certainly stopped,
// i.e. after the Lambda timeout. Raising ProxyFunction's Timeout past sendLease would let a
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
	if fn.Timeout > sendLease {
		t.Errorf("ProxyFunction timeout %s exceeds the payment send lease %s (functions/proxy/claim.go)", fn.Timeout, sendLease)
	}
	if budget >= fn.Timeout {
		t.Errorf("request budget %s is not below the function timeout %s", budget, fn.Timeout)
	}
}
