// Package metrics publishes the connector's CloudWatch metrics as embedded-metric-format lines
// (shared/emf) on the function's stdout: one line per happening (a bank call, a problem answered,
// a callback outcome, a payment result, a refresh, a failed AWS call), each also a log line
// carrying the request's ids. Lambda's log agent turns the lines into metrics without an API
// call. Every metric is in the stack's namespace (METRICS_NAMESPACE) and carries the Environment
// dimension; docs/performance.md counts what the dimensions cost.
//
// A function builds one Recorder per cold start (shared/setup) and puts it in each request's
// context at its edge (With), so that shared code records through From(ctx) without being wired
// for it. A nil Recorder (no edge, a package test that did not ask) records nothing.
package metrics

import (
	"context"
	"io"
	"sync"
	"time"

	"github.com/coop-ob/connector/shared/emf"
	"github.com/coop-ob/connector/shared/lambdactx"
)

// DefaultNamespace is the namespace when METRICS_NAMESPACE is not set: the one the tokens
// function's metrics have always used (emf.Namespace), so a stack upgraded without setting it
// keeps its metrics and alarms.
const DefaultNamespace = emf.Namespace

// Recorder writes metric lines. Build it with New; it is safe for concurrent use.
type Recorder struct {
	out         io.Writer
	namespace   string
	environment string
	now         func() time.Time
	mu          sync.Mutex
}

// New returns a Recorder writing to out (os.Stdout in Lambda) in namespace, with the
// Environment dimension set to environment.
func New(out io.Writer, namespace, environment string) *Recorder {
	if namespace == "" {
		namespace = DefaultNamespace
	}
	return &Recorder{out: out, namespace: namespace, environment: environment, now: time.Now}
}

type recorderKey struct{}

// With returns ctx carrying r, for From.
func With(ctx context.Context, r *Recorder) context.Context {
	if r == nil {
		return ctx
	}
	return context.WithValue(ctx, recorderKey{}, r)
}

// From returns the Recorder of ctx, or nil (which records nothing).
func From(ctx context.Context) *Recorder {
	if ctx == nil {
		return nil
	}
	r, _ := ctx.Value(recorderKey{}).(*Recorder)
	return r
}

// set is one directive of a line: metrics and the dimension names (besides Environment) of each
// set they are published under.
type set struct {
	dims    [][]string
	metrics []emf.Metric
}

// emit writes one line: the Environment dimension and dims' values, props as properties, the
// request ids of ctx and msg, and the sets' metrics. A write error is dropped: a metric is
// never worth failing a request for.
func (r *Recorder) emit(ctx context.Context, msg string, dims map[string]string, props map[string]any, sets ...set) {
	if r == nil {
		return
	}
	members := make(map[string]any, len(dims)+len(props)+5)
	for k, v := range props {
		members[k] = v
	}
	for k, v := range dims {
		members[k] = v
	}
	members[emf.DimEnvironment] = r.environment
	members["msg"] = msg
	lambdaID, apiID := lambdactx.RequestIDs(ctx)
	if lambdaID != "" {
		members[lambdactx.KeyLambdaRequestID] = lambdaID
	}
	if apiID != "" {
		members[lambdactx.KeyAPIRequestID] = apiID
	}
	at := r.now()
	members["time"] = at.UTC().Format(time.RFC3339Nano)
	dirs := make([]emf.Directive, len(sets))
	for i, s := range sets {
		ds := make([][]string, len(s.dims))
		for j, d := range s.dims {
			ds[j] = append([]string{emf.DimEnvironment}, d...)
		}
		dirs[i] = emf.Directive{Dimensions: ds, Metrics: s.metrics}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	_ = emf.WriteLine(r.out, emf.Line{Namespace: r.namespace, At: at, Directives: dirs, Members: members})
}

// Count publishes name = 1 (unit Count) under the Environment dimension and dims (name, value
// pairs), as one line whose msg is name. Use the catalogue's names (catalogue.go).
func (r *Recorder) Count(ctx context.Context, name string, dims ...string) {
	r.emitCount(ctx, name, nil, dims...)
}

// emitCount is Count with properties.
func (r *Recorder) emitCount(ctx context.Context, name string, props map[string]any, dims ...string) {
	if r == nil {
		return
	}
	m := map[string]string{}
	names := make([]string, 0, len(dims)/2)
	for i := 0; i+1 < len(dims); i += 2 {
		m[dims[i]] = dims[i+1]
		names = append(names, dims[i])
	}
	r.emit(ctx, name, m, props, set{dims: [][]string{names}, metrics: []emf.Metric{{Name: name, Unit: UnitCount, Value: 1}}})
}
