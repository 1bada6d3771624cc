package main

import (
	"net/url"
	"testing"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/metrics/metricstest"
)

// TestCallbackMetrics pins what the callback publishes: the outcome of each journey (the one
// sent to the app, or no_journey for a link without one), the code exchange as a token call,
// and a store that stays throttled as AWSErrors with the unavailable outcome.
func TestCallbackMetrics(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	env := testenv.Start(t, testenv.Options{Faults: inj})
	f := &fixture{t: t, env: env, h: New(env.Deps), ctx: t.Context()}
	since := func(run func()) []metricstest.Point {
		n := len(env.Metrics.String())
		run()
		return metricstest.Parse(env.Metrics.String()[n:])
	}

	pts := since(func() { f.authorised(typeAIS) })
	for _, c := range [][]string{
		{metrics.CallbackOutcomes, metrics.DimOutcome, OutcomeAuthorised},
		{metrics.BankCalls, "Operation", bankapi.OpToken, "StatusClass", "2xx"},
	} {
		if got := metricstest.Sum(pts, c[0], c[1:]...); got != 1 {
			t.Errorf("authorised journey: %s %v = %v, want 1", c[0], c[1:], got)
		}
	}

	pts = since(func() { f.callback(&url.URL{Path: "/callback", RawQuery: "state=unknown-state-value&code=x"}) })
	if got := metricstest.Sum(pts, metrics.CallbackOutcomes, metrics.DimOutcome, "no_journey"); got != 1 {
		t.Errorf("unknown state: no_journey = %v, want 1", got)
	}

	c := f.createConsent(typeAIS)
	j := f.start(c, false)
	back := f.drive(j, alice)
	inj.Add(awsfault.Rule{Service: "dynamodb", Operation: "UpdateItem", Contains: consent.HashState(j.state),
		Kind: awsfault.Throttle, Times: awsfault.DynamoDBAttempts})
	defer inj.Clear()
	pts = since(func() { f.callback(back) })
	if got := metricstest.Sum(pts, metrics.CallbackOutcomes, metrics.DimOutcome, "unavailable"); got != 1 {
		t.Errorf("throttled store: unavailable = %v, want 1", got)
	}
	if got := metricstest.Sum(pts, metrics.AWSErrors, metrics.DimService, "DynamoDB", metrics.DimKind, "throttled"); got != 1 {
		t.Errorf("throttled store: AWSErrors DynamoDB throttled = %v, want 1", got)
	}
}
