package main

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/metrics/metricstest"
)

// TestRunMetrics pins what a scheduled run publishes besides its summary: one Refreshes point per
// refresh grant by result (refreshed, refused by the bank, failed), the token calls by class with
// the bank's failures as BankErrors; and every line, summary included, in METRICS_NAMESPACE.
func TestRunMetrics(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshKeep, map[string]string{"METRICS_NAMESPACE": "Test/Connector"})
	refreshtest.Authorise(t, f.env)
	revoked := refreshtest.Authorise(t, f.env)
	if err := f.env.Bank.RevokeTokens(revoked); err != nil {
		t.Fatal(err)
	}
	f.advance(25 * time.Minute) // both due
	if s := f.run(t); s.Due != 2 || s.Refreshed != 1 || s.ReauthRequired != 1 {
		t.Fatalf("first run %+v; want 2 due: 1 refreshed, 1 reauthRequired", pick(s))
	}
	first := len(f.env.Metrics.String())

	// The token endpoint fails every call: the refreshed consent is due again, with a new one.
	refreshtest.Authorise(t, f.env)
	f.advance(25 * time.Minute)
	tokenURL, err := url.Parse(f.env.Deps.Config.BankTokenURL)
	if err != nil {
		t.Fatal(err)
	}
	f.env.Bank.Fail(tokenURL.Path, sandbox.Fault{Status: http.StatusServiceUnavailable, Count: 10})
	if s := f.run(t); s.Due != 2 || s.RetryLater != 2 {
		t.Fatalf("second run %+v; want 2 due, both retryLater", pick(s))
	}
	f.env.Bank.ClearFaults()

	all := f.env.Metrics.String()
	for _, c := range []struct {
		out   string
		name  string
		dims  []string
		value float64
	}{
		{all[:first], metrics.Refreshes, []string{"Result", metrics.RefreshRefreshed}, 1},
		{all[:first], metrics.Refreshes, []string{"Result", metrics.RefreshRefused}, 1},
		{all[:first], metrics.BankCalls, []string{"Operation", bankapi.OpToken, "StatusClass", "2xx"}, 1},
		{all[:first], metrics.BankCalls, []string{"Operation", bankapi.OpToken, "StatusClass", "4xx"}, 1},
		{all[:first], metrics.BankErrors, []string{"Operation", bankapi.OpToken}, 0},
		{all[first:], metrics.Refreshes, []string{"Result", metrics.RefreshFailed}, 2},
		{all[first:], metrics.BankCalls, []string{"Operation", bankapi.OpToken, "StatusClass", "5xx"}, 2},
		{all[first:], metrics.BankErrors, []string{"Operation", bankapi.OpToken}, 2},
	} {
		if got := metricstest.Sum(metricstest.Parse(c.out), c.name, c.dims...); got != c.value {
			t.Errorf("%s %v = %v, want %v", c.name, c.dims, got, c.value)
		}
	}
	pts := metricstest.Parse(all)
	summary := metricstest.Parse(f.metrics.String())
	if len(summary) == 0 {
		t.Fatal("no summary metrics")
	}
	for _, p := range append(pts, summary...) {
		if p.Namespace != "Test/Connector" {
			t.Errorf("%s in namespace %s, want METRICS_NAMESPACE Test/Connector", p.Name, p.Namespace)
		}
	}
	if got := metricstest.Sum(summary, "Refreshed"); got != 1 {
		t.Errorf("summary Refreshed = %v, want 1 (the run's metric names are kept)", got)
	}
}
