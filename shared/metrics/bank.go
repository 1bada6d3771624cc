package metrics

import (
	"context"
	"time"

	"github.com/coop-ob/connector/shared/emf"
)

// Status classes (DimStatusClass) of a bank call.
const (
	Class2xx     = "2xx"
	Class3xx     = "3xx"
	Class4xx     = "4xx"
	Class5xx     = "5xx"
	ClassNetwork = "network" // no HTTP answer: refused, reset, timed out, TLS failure
)

// StatusClass is the class of an HTTP status; 0 (no answer) is ClassNetwork.
func StatusClass(status int) string {
	switch {
	case status >= 500:
		return Class5xx
	case status >= 400:
		return Class4xx
	case status >= 300:
		return Class3xx
	case status >= 200:
		return Class2xx
	}
	return ClassNetwork
}

// BankFailure reports whether a call with this status (0: no answer) failed on the bank's
// side: a 5xx, a 429 (the bank shedding load) or no answer. Other 4xx are answers about the
// request or the consent.
func BankFailure(status int) bool {
	return status == 0 || status >= 500 || status == 429
}

// BankCall is one HTTP exchange with the bank.
type BankCall struct {
	Operation     string // a fixed, short name (bankapi.Operation)
	Method        string
	Status        int // 0: no answer
	Duration      time.Duration
	InteractionID string // x-fapi-interaction-id: the bank's echo, or the one sent
}

// BankCall publishes c as one line that is also the call's log line ("bank call", with the
// interaction id that joins it to the bank's logs): BankCalls by Operation and StatusClass,
// BankErrors and BankLatency by Operation.
func (r *Recorder) BankCall(ctx context.Context, c BankCall) {
	if r == nil {
		return
	}
	failed := 0.0
	if BankFailure(c.Status) {
		failed = 1
	}
	ms := float64(c.Duration.Microseconds()) / 1000
	props := map[string]any{"method": c.Method, "durationMs": ms, "interactionId": c.InteractionID}
	if c.Status != 0 {
		props["status"] = c.Status
	}
	if failed == 1 {
		props["level"] = "WARN"
	}
	r.emit(ctx, "bank call", map[string]string{DimOperation: c.Operation, DimStatusClass: StatusClass(c.Status)}, props,
		set{dims: [][]string{{DimOperation, DimStatusClass}}, metrics: []emf.Metric{{Name: BankCalls, Unit: UnitCount, Value: 1}}},
		set{dims: [][]string{{DimOperation}}, metrics: []emf.Metric{
			{Name: BankErrors, Unit: UnitCount, Value: failed},
			{Name: BankLatency, Unit: UnitMilliseconds, Value: ms},
		}})
}

// BankRetry publishes BankRetries once: a bank read is about to be sent again after a failure
// with the given status (0: no answer).
func (r *Recorder) BankRetry(ctx context.Context, status int) {
	if r == nil {
		return
	}
	props := map[string]any{"statusClass": StatusClass(status)}
	r.emit(ctx, BankRetries, nil, props, set{dims: [][]string{{}}, metrics: []emf.Metric{{Name: BankRetries, Unit: UnitCount, Value: 1}}})
}
