package main

import (
	"net/http"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/metrics/metricstest"
)

// TestConsentsMetrics pins what the consents function publishes: a created consent is a token
// call and a consent-create call; a revoke a consent-delete call; a bad body an invalid-request
// problem without a bank call; the bank failing the create, its 5xx and the retry-later problem.
func TestConsentsMetrics(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	since := func(run func()) []metricstest.Point {
		n := len(f.env.Metrics.String())
		run()
		return metricstest.Parse(f.env.Metrics.String()[n:])
	}
	const body = `{"brand":"coop","type":"accounts","permissions":["ReadAccountsDetail","ReadBalances"]}`
	var id string
	check := func(step string, pts []metricstest.Point, want map[string]float64, dims map[string][]string) {
		t.Helper()
		for name, v := range want {
			if got := metricstest.Sum(pts, metricName(name), dims[name]...); got != v {
				t.Errorf("%s: %s %v = %v, want %v", step, metricName(name), dims[name], got, v)
			}
		}
	}
	pts := since(func() { id = f.create(t, "app-1", body).ConsentID })
	check("create", pts, map[string]float64{"token": 1, "create": 1, "problems": 0},
		map[string][]string{"token": {"Operation", bankapi.OpToken, "StatusClass", "2xx"},
			"create": {"Operation", bankapi.OpConsentCreate, "StatusClass", "2xx"}, "problems": {"Type", "invalid-request", "Action", "none"}})

	pts = since(func() { f.do(t, routeCreate, "app-1", "", `{"brand":"coop"`) })
	check("bad body", pts, map[string]float64{"problems": 1, "create": 0},
		map[string][]string{"problems": {"Type", "invalid-request", "Action", "none"}, "create": {"Operation", bankapi.OpConsentCreate, "StatusClass", "2xx"}})

	pts = since(func() { f.do(t, routeDelete, "app-1", id, "") })
	check("revoke", pts, map[string]float64{"delete": 1},
		map[string][]string{"delete": {"Operation", bankapi.OpConsentDelete, "StatusClass", "2xx"}})

	f.env.Bank.Fail(bankapi.AISPPath+"/account-access-consents", sandbox.Fault{Status: http.StatusInternalServerError, Count: 5})
	defer f.env.Bank.ClearFaults()
	pts = since(func() { f.do(t, routeCreate, "app-1", "", body) })
	check("bank failing", pts, map[string]float64{"errors": 1, "retryLater": 1},
		map[string][]string{"errors": {"Operation", bankapi.OpConsentCreate, "StatusClass", "5xx"}, "retryLater": {"Type", "retry-later", "Action", "retryLater"}})
	if got := metricstest.Sum(pts, metrics.BankErrors, "Operation", bankapi.OpConsentCreate); got < 1 {
		t.Errorf("bank failing: BankErrors consent-create = %v, want ≥ 1", got)
	}
}

// metricName maps the test's keys to the catalogue.
func metricName(key string) string {
	switch key {
	case "problems", "retryLater":
		return metrics.Problems
	}
	return metrics.BankCalls
}
