package e2e

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/metrics/metricstest"
)

// invocation returns the lines fn wrote while serving the request API Gateway (the stack's
// gateway) answered with apiID: every line between the emulator's START and END lines of the
// Lambda request whose lines name apiID (an emulator runs one invocation at a time), with the
// Lambda request id. The emulator's own lines are left out; the function's are JSON.
func invocation(t *testing.T, fn, apiID string) (lambdaID string, lines []map[string]any) {
	t.Helper()
	prefix := fn + "| "
	deadline := time.Now().Add(5 * time.Second)
	for {
		var own []string
		for _, l := range st.Logs() {
			if s, ok := strings.CutPrefix(l, prefix); ok {
				own = append(own, s)
			}
		}
		if lambdaID == "" {
			for _, s := range own {
				var m map[string]any
				if json.Unmarshal([]byte(s), &m) == nil && m["apiRequestId"] == apiID {
					lambdaID, _ = m["awsRequestId"].(string)
					break
				}
			}
		}
		if lambdaID != "" {
			start, end := -1, -1
			for i, s := range own {
				switch {
				case strings.HasPrefix(s, "START RequestId: "+lambdaID):
					start = i
				case strings.HasPrefix(s, "END RequestId: "+lambdaID):
					end = i
				}
			}
			if start >= 0 && end > start {
				for _, s := range own[start+1 : end] {
					if !strings.HasPrefix(s, "{") {
						continue // the emulator's own lines
					}
					var m map[string]any
					if err := json.Unmarshal([]byte(s), &m); err != nil {
						t.Fatalf("%s wrote a line that is not JSON: %q", fn, s)
					}
					lines = append(lines, m)
				}
				return lambdaID, lines
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no complete %s invocation for API request %s (Lambda request %q) in the logs", fn, apiID, lambdaID)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestLogsJoinAndBankMetrics: through the whole stack, every line the proxy writes while
// serving a request (its log lines and its metric lines) carries the Lambda request id and API
// Gateway's request id (the gateway's Apigw-Requestid, the access log's requestId), and each
// bank call's line the bank's x-fapi-interaction-id. A sandbox fault run (the bank answering
// 503 to every attempt) raises the metrics the bank alarms watch: BankErrors of account-read,
// once per attempt, and the app's retry-later problem.
func TestLogsJoinAndBankMetrics(t *testing.T) {
	c := newCaller(t)
	id := c.authorisedAIS(t)
	path := "/consents/" + id + "/accounts/1001/balances"

	check := func(t *testing.T, r reply) []metricstest.Point {
		t.Helper()
		apiID := r.header.Get("Apigw-Requestid")
		if apiID == "" {
			t.Fatal("the gateway sent no Apigw-Requestid")
		}
		lambdaID, lines := invocation(t, "proxy", apiID)
		if len(lines) < 2 {
			t.Fatalf("%d lines for the request, want its bank call and its request line at least", len(lines))
		}
		var raw []string
		for _, l := range lines {
			if l["awsRequestId"] != lambdaID || l["apiRequestId"] != apiID {
				t.Errorf("a line of the request without both ids (awsRequestId %v, apiRequestId %v): msg %v", l["awsRequestId"], l["apiRequestId"], l["msg"])
			}
			b, _ := json.Marshal(l)
			raw = append(raw, string(b))
		}
		pts := metricstest.Parse(strings.Join(raw, "\n"))
		var calls []metricstest.Point
		for _, p := range pts {
			if p.Name == metrics.BankCalls {
				calls = append(calls, p)
			}
		}
		if len(calls) == 0 {
			t.Fatal("no bank call line")
		}
		for _, p := range calls {
			if iid, _ := p.Line["interactionId"].(string); iid != r.header.Get(bankapi.HeaderInteractionID) {
				t.Errorf("bank call line with interaction id %q, the answer's is %q", iid, r.header.Get(bankapi.HeaderInteractionID))
			}
		}
		return pts
	}

	t.Run("a read", func(t *testing.T) {
		r := c.get(t, path)
		mustStatus(t, r, http.StatusOK, "GET balances")
		pts := check(t, r)
		if got := metricstest.Sum(pts, metrics.BankCalls, "Operation", bankapi.OpAccountRead, "StatusClass", "2xx"); got != 1 {
			t.Errorf("BankCalls account-read 2xx = %v, want 1", got)
		}
	})

	t.Run("the bank failing", func(t *testing.T) {
		st.Bank().Fail(bankapi.AISPPath+"/accounts/1001/balances", sandbox.Fault{Status: http.StatusServiceUnavailable, Count: 3})
		defer st.Bank().ClearFaults()
		r := c.get(t, path)
		if p := problemOf(t, r, http.StatusServiceUnavailable); p.Action != "retryLater" {
			t.Fatalf("action %q, want retryLater", p.Action)
		}
		pts := check(t, r)
		for _, w := range []struct {
			name  string
			dims  []string
			value float64
		}{
			{metrics.BankErrors, []string{"Operation", bankapi.OpAccountRead}, 3},
			{metrics.BankCalls, []string{"Operation", bankapi.OpAccountRead, "StatusClass", "5xx"}, 3},
			{metrics.BankRetries, nil, 2},
			{metrics.Problems, []string{"Type", "retry-later", "Action", "retryLater"}, 1},
		} {
			if got := metricstest.Sum(pts, w.name, w.dims...); got != w.value {
				t.Errorf("%s %v = %v, want %v", w.name, w.dims, got, w.value)
			}
		}
		if n := len(metricstest.Select(pts, metrics.BankLatency, "Operation", bankapi.OpAccountRead)); n != 3 {
			t.Errorf("%d BankLatency points, want 3", n)
		}
	})
}
