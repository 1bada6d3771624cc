package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/metrics/metricstest"
)

// observed sends r as Lambda would (a request id in the context, API Gateway's in the event)
// and returns the response, the metric points and the log lines the call wrote.
func (f *fixture) observed(r request, lambdaID, apiID string) (events.APIGatewayV2HTTPResponse, []metricstest.Point, []map[string]any) {
	f.t.Helper()
	m0, l0 := len(f.env.Metrics.String()), len(f.env.Logs.String())
	ev := r.event()
	ev.RequestContext.RequestID = apiID
	ctx := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: lambdaID})
	resp, err := f.h.Handle(ctx, ev)
	if err != nil {
		f.t.Fatal(err)
	}
	var logs []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(f.env.Logs.String()[l0:]), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) == nil {
			logs = append(logs, m)
		}
	}
	return resp, metricstest.Parse(f.env.Metrics.String()[m0:]), logs
}

// wantPoints checks the sums of the named points (name, then its dimension pairs).
func wantPoints(t *testing.T, pts []metricstest.Point, want map[float64][][]string) {
	t.Helper()
	for v, cases := range want {
		for _, c := range cases {
			if got := metricstest.Sum(pts, c[0], c[1:]...); got != v {
				t.Errorf("%s %v = %v, want %v", c[0], c[1:], got, v)
			}
		}
	}
}

// TestMetricsOfMainPaths pins what the proxy publishes on its main paths: a read (one bank call
// by operation and class, its latency, no problem), an on-demand refresh, a bank failing every
// attempt (5xx on each, the retries, the retry-later problem: what the bank alarms watch), a
// refused refresh grant (the re-consent alarm's metric), an unknown consent and a payment; every
// log and metric line of a request carries both request ids.
func TestMetricsOfMainPaths(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.aisConsent(owner, false)
	read := aisGet(c, "/balances", "1001", "")

	t.Run("read", func(t *testing.T) {
		resp, pts, logs := f.observed(read, "lambda-read", "api-read")
		wantOK(t, resp, http.StatusOK)
		wantPoints(t, pts, map[float64][][]string{
			1: {{metrics.BankCalls, "Operation", bankapi.OpAccountRead, "StatusClass", "2xx"}},
			0: {{metrics.BankErrors, "Operation", bankapi.OpAccountRead}, {metrics.BankRetries}, {metrics.Problems, "Type", "retry-later", "Action", "retryLater"}},
		})
		if n := len(metricstest.Select(pts, metrics.BankLatency, "Operation", bankapi.OpAccountRead)); n != 1 {
			t.Errorf("%d latency points, want 1", n)
		}
		bankLine := metricstest.Select(pts, metrics.BankCalls, "Operation", bankapi.OpAccountRead, "StatusClass", "2xx")[0].Line
		if bankLine["interactionId"] != resp.Headers[bankapi.HeaderInteractionID] || bankLine["msg"] != "bank call" {
			t.Errorf("bank call line %v; want the request's interaction id %s", bankLine, resp.Headers[bankapi.HeaderInteractionID])
		}
		everyLineHasIDs(t, pts, logs, "lambda-read", "api-read")
	})

	t.Run("on-demand refresh", func(t *testing.T) {
		f.env.Bank.Advance(31 * time.Minute)
		resp, pts, _ := f.observed(read, "l2", "a2")
		wantOK(t, resp, http.StatusOK)
		wantPoints(t, pts, map[float64][][]string{1: {
			{metrics.BankCalls, "Operation", bankapi.OpToken, "StatusClass", "2xx"},
			{metrics.Refreshes, "Result", metrics.RefreshRefreshed},
		}})
	})

	t.Run("bank failing", func(t *testing.T) {
		f.env.Bank.Fail(balancesPath, sandbox.Fault{Status: http.StatusServiceUnavailable, Count: 3})
		defer f.env.Bank.ClearFaults()
		resp, pts, logs := f.observed(read, "l3", "a3")
		wantProblem(t, resp, http.StatusServiceUnavailable, httpapi.TypeRetryLater, httpapi.ActionRetryLater)
		wantPoints(t, pts, map[float64][][]string{
			3: {{metrics.BankCalls, "Operation", bankapi.OpAccountRead, "StatusClass", "5xx"}, {metrics.BankErrors, "Operation", bankapi.OpAccountRead}},
			2: {{metrics.BankRetries}},
			1: {{metrics.Problems, "Type", "retry-later", "Action", "retryLater"}},
		})
		everyLineHasIDs(t, pts, logs, "l3", "a3")
	})

	t.Run("unknown consent", func(t *testing.T) {
		other := *c
		other.ID = "00000000-0000-4000-8000-000000000000"
		resp, pts, _ := f.observed(aisGet(&other, "/balances", "1001", ""), "l4", "a4")
		wantProblem(t, resp, http.StatusNotFound, httpapi.TypeNotFound, "")
		wantPoints(t, pts, map[float64][][]string{1: {{metrics.Problems, "Type", "not-found", "Action", "none"}}})
		if n := len(metricstest.Select(pts, metrics.BankCalls, "Operation", bankapi.OpAccountRead, "StatusClass", "2xx")); n != 0 {
			t.Errorf("%d bank calls for an unknown consent", n)
		}
	})

	t.Run("refused refresh", func(t *testing.T) {
		if err := f.env.Bank.RevokeTokens(c.ID); err != nil {
			t.Fatal(err)
		}
		f.env.Bank.Advance(31 * time.Minute) // the access token lapses: the proxy refreshes first
		resp, pts, _ := f.observed(read, "l5", "a5")
		wantProblem(t, resp, http.StatusForbidden, httpapi.TypeReauthenticationRequired, httpapi.ActionReauthenticate)
		wantPoints(t, pts, map[float64][][]string{1: {
			{metrics.Refreshes, "Result", metrics.RefreshRefused},
			{metrics.BankCalls, "Operation", bankapi.OpToken, "StatusClass", "4xx"},
			{metrics.Problems, "Type", "reauthentication-required", "Action", "reauthenticate"},
		}})
	})

	t.Run("payment resent", func(t *testing.T) {
		pc := f.paymentConsent(owner, "DP")
		// Two drops: net/http resends once itself on a reused connection, so at least one
		// reaches the payment protocol, which resends under the same key.
		f.env.Bank.Fail(bankapi.PISPPath+"/domestic-payments", sandbox.Fault{DropAfterProcessing: true, Count: 2})
		defer f.env.Bank.ClearFaults()
		resp, pts, _ := f.observed(pay(pc, "order-r", ""), "l7", "a7")
		wantOK(t, resp, http.StatusCreated)
		if got := metricstest.Sum(pts, metrics.BankRetries); got < 1 {
			t.Errorf("BankRetries = %v, want at least 1 (the protocol's resend)", got)
		}
		if got := metricstest.Sum(pts, metrics.BankErrors, "Operation", bankapi.OpPaymentCreate); got < 1 {
			t.Errorf("BankErrors payment-create = %v, want at least 1", got)
		}
		wantPoints(t, pts, map[float64][][]string{1: {{metrics.Payments, "Result", "done"}}})
	})

	t.Run("payment", func(t *testing.T) {
		pc := f.paymentConsent(owner, "DP")
		resp, pts, _ := f.observed(pay(pc, "order-m", ""), "l6", "a6")
		wantOK(t, resp, http.StatusCreated)
		wantPoints(t, pts, map[float64][][]string{1: {
			{metrics.Payments, "Result", "done"},
			{metrics.BankCalls, "Operation", bankapi.OpPaymentCreate, "StatusClass", "2xx"},
		}})
	})
}

// everyLineHasIDs fails unless every log line and metric line carries both request ids.
func everyLineHasIDs(t *testing.T, pts []metricstest.Point, logs []map[string]any, lambdaID, apiID string) {
	t.Helper()
	if len(logs) == 0 {
		t.Error("no log line")
	}
	for _, l := range logs {
		if l["awsRequestId"] != lambdaID || l["apiRequestId"] != apiID {
			t.Errorf("log line without both request ids: %v", l)
		}
	}
	for _, p := range pts {
		if p.Line["awsRequestId"] != lambdaID || p.Line["apiRequestId"] != apiID {
			t.Errorf("metric line without both request ids: %v", p.Line)
		}
	}
}

// TestKMSFailureIsAnAWSError: KMS failing past the SDK's retries when a cold container needs a
// data key to write tokens is counted as AWSErrors (Service KMS, Kind throttled) through the
// recorder of the call's context, like the store's and the secret's failures.
func TestKMSFailureIsAnAWSError(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	f := newFaultFixture(t, inj)
	c := f.aisConsent(owner, false)
	cold := f.coldDeps()
	var buf bytes.Buffer
	ctx := metrics.With(context.Background(), metrics.New(&buf, "", "sandbox"))
	tk, err := cold.Store.GetTokens(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	inj.Add(awsfault.Rule{Service: "kms", Operation: "GenerateDataKey", Kind: awsfault.Throttling, Times: 3})
	defer inj.Clear()
	if err := cold.Store.PutTokens(ctx, tk); err == nil {
		t.Fatal("PutTokens with GenerateDataKey throttled succeeded")
	}
	if got := metricstest.Sum(metricstest.Parse(buf.String()), metrics.AWSErrors, metrics.DimService, "KMS", metrics.DimKind, "throttled"); got != 1 {
		t.Errorf("AWSErrors KMS throttled = %v, want 1: %s", got, buf.String())
	}
}
