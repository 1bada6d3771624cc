package bankapi

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/metrics/metricstest"
)

// TestOperation: every endpoint the connector calls falls in one of a few operations (the
// Operation dimension stays small), whichever API it is in.
func TestOperation(t *testing.T) {
	t.Parallel()
	const token = "/apis/oauth/v1/oauth2/token"
	for _, c := range []struct{ method, path, want string }{
		{"POST", token, OpToken},
		{"POST", AISPPath + "/account-access-consents", OpConsentCreate},
		{"GET", AISPPath + "/account-access-consents/c1", OpConsentRead},
		{"DELETE", AISPPath + "/account-access-consents/c1", OpConsentDelete},
		{"POST", PISPPath + "/domestic-payment-consents", OpConsentCreate},
		{"GET", PISPPath + "/domestic-scheduled-payment-consents/c1", OpConsentRead},
		{"GET", PISPPath + "/domestic-payment-consents/c1/funds-confirmation", OpFundsConfirmation},
		{"POST", CBPIIPath + "/funds-confirmation-consents", OpConsentCreate},
		{"DELETE", CBPIIPath + "/funds-confirmation-consents/c1", OpConsentDelete},
		{"POST", CBPIIPath + "/funds-confirmations", OpFundsConfirmation},
		{"GET", AISPPath + "/accounts", OpAccountRead},
		{"GET", AISPPath + "/accounts/1001/transactions", OpAccountRead},
		{"GET", AISPPath + "/accounts/1001/standing-orders", OpAccountRead},
		{"POST", PISPPath + "/domestic-payments", OpPaymentCreate},
		{"POST", PISPPath + "/domestic-standing-orders", OpPaymentCreate},
		{"GET", PISPPath + "/domestic-scheduled-payments/p1", OpPaymentRead},
		{"GET", "/somewhere/else", OpOther},
	} {
		u := &url.URL{Scheme: "https", Host: "bank.example", Path: c.path}
		if got := Operation(c.method, u, token); got != c.want {
			t.Errorf("%s %s: %s, want %s", c.method, c.path, got, c.want)
		}
	}
}

// TestObservedTransport: each exchange through the transport is one bank-call line with its
// operation, status class and the bank's interaction id; a call that gets no answer is
// "network" and counts as a bank error; without a Recorder in the context nothing is written.
func TestObservedTransport(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set(HeaderInteractionID, "bank-echo-"+r.Header.Get(HeaderInteractionID))
		if r.URL.Path == AISPPath+"/accounts" {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	buf := &bytes.Buffer{}
	rec := metrics.New(buf, "", "sandbox")
	hc := &http.Client{Transport: Observed(http.DefaultTransport, "/token")}
	ctx := metrics.With(context.Background(), rec)

	send := func(ctx context.Context, method, target, iid string) {
		req, _ := http.NewRequestWithContext(ctx, method, target, nil)
		req.Header.Set(HeaderInteractionID, iid)
		if resp, err := hc.Do(req); err == nil {
			resp.Body.Close()
		}
	}
	send(ctx, "POST", srv.URL+"/token", "i1")
	send(ctx, "GET", srv.URL+AISPPath+"/accounts", "i2")
	send(context.Background(), "GET", srv.URL+AISPPath+"/accounts", "unrecorded")
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	send(ctx, "GET", deadURL+PISPPath+"/domestic-payments/p1", "i3")

	pts := metricstest.Parse(buf.String())
	for _, c := range []struct {
		name  string
		dims  []string
		value float64
	}{
		{metrics.BankCalls, []string{"Operation", OpToken, "StatusClass", "2xx"}, 1},
		{metrics.BankErrors, []string{"Operation", OpToken}, 0},
		{metrics.BankCalls, []string{"Operation", OpAccountRead, "StatusClass", "5xx"}, 1},
		{metrics.BankErrors, []string{"Operation", OpAccountRead}, 1},
		{metrics.BankCalls, []string{"Operation", OpPaymentRead, "StatusClass", "network"}, 1},
		{metrics.BankErrors, []string{"Operation", OpPaymentRead}, 1},
	} {
		if got := metricstest.Sum(pts, c.name, c.dims...); got != c.value {
			t.Errorf("%s %v = %v, want %v", c.name, c.dims, got, c.value)
		}
	}
	if got := len(metricstest.Select(pts, metrics.BankCalls)); got != 0 {
		t.Errorf("%d BankCalls without Operation", got)
	}
	if n := len(metricstest.Select(pts, metrics.BankLatency, "Operation", OpAccountRead)); n != 1 {
		t.Errorf("%d account-read latencies, want 1 (the call without a Recorder is not recorded)", n)
	}
	iids := map[string]bool{}
	for _, p := range metricstest.Select(pts, metrics.BankCalls, "Operation", OpAccountRead, "StatusClass", "5xx") {
		iids[p.Line["interactionId"].(string)] = true
	}
	if !iids["bank-echo-i2"] {
		t.Errorf("account-read interaction ids %v, want the bank's echo bank-echo-i2", iids)
	}
}

// TestRetryCountsRetries: each retry bankapi.Retry makes is one BankRetries.
func TestRetryCountsRetries(t *testing.T) {
	t.Parallel()
	buf := &bytes.Buffer{}
	ctx := metrics.With(context.Background(), metrics.New(buf, "", "sandbox"))
	p := RetryPolicy{Max: 2, Sleep: func(context.Context, time.Duration) error { return nil }}
	calls := 0
	err := Retry(ctx, p, func() error {
		calls++
		return &Error{Status: http.StatusServiceUnavailable}
	})
	var be *Error
	if !errors.As(err, &be) || calls != 3 {
		t.Fatalf("calls %d, err %v", calls, err)
	}
	if got := metricstest.Sum(metricstest.Parse(buf.String()), metrics.BankRetries); got != 2 {
		t.Errorf("BankRetries = %v, want 2", got)
	}
}
