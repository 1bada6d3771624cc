package bankapi

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestRetry(t *testing.T) {
	t.Parallel()
	throttled := func(ra time.Duration) error { e := rawErr(429, "", ""); e.RetryAfter = ra; return e }
	tests := []struct {
		name      string
		errs      []error // returned by successive calls; nil = success
		max       int
		wantCalls int
		wantWaits []time.Duration
		wantErr   bool
	}{
		{"success first", []error{nil}, 3, 1, nil, false},
		{"exponential then success", []error{rawErr(503, "", ""), rawErr(500, "", ""), nil}, 3, 3,
			[]time.Duration{100 * time.Millisecond, 200 * time.Millisecond}, false},
		{"stops at Max", []error{rawErr(503, "", ""), rawErr(503, "", ""), rawErr(503, "", ""), nil}, 2, 3,
			[]time.Duration{100 * time.Millisecond, 200 * time.Millisecond}, true},
		{"honours Retry-After", []error{throttled(700 * time.Millisecond), nil}, 3, 2, []time.Duration{700 * time.Millisecond}, false},
		{"Retry-After equal to Cap waited", []error{throttled(time.Second), nil}, 3, 2, []time.Duration{time.Second}, false},
		{"Retry-After beyond Cap: no retry", []error{throttled(time.Hour), nil}, 3, 1, nil, true},
		{"Retry-After beyond Cap after a backoff", []error{rawErr(503, "", ""), throttled(30 * time.Second), nil}, 3, 2,
			[]time.Duration{100 * time.Millisecond}, true},
		{"backoff capped", []error{rawErr(503, "", ""), rawErr(503, "", ""), rawErr(503, "", ""), rawErr(503, "", ""), rawErr(503, "", ""), nil}, 5, 6,
			[]time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, time.Second}, false},
		{"no retry on reconsent", []error{obErr(400, "400", CodeInvalidConsentStatus, ""), nil}, 3, 1, nil, true},
		{"no retry on 401", []error{rawErr(401, "", ""), nil}, 3, 1, nil, true},
		{"unusable 2xx retried", []error{&UnusableError{Method: "GET", Status: 200, BodyKind: BodyHTML}, nil}, 1, 2,
			[]time.Duration{100 * time.Millisecond}, false},
		{"transient transport retried", []error{&TransportError{Transient: true, Cause: errors.New("reset")}, nil}, 1, 2,
			[]time.Duration{100 * time.Millisecond}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var waits []time.Duration
			p := RetryPolicy{Max: tc.max, Base: 100 * time.Millisecond, Cap: time.Second,
				Sleep:  func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil },
				Jitter: func(d time.Duration) time.Duration { return d }}
			calls := 0
			err := Retry(context.Background(), p, func() error { calls++; return tc.errs[calls-1] })
			if calls != tc.wantCalls || (err != nil) != tc.wantErr {
				t.Errorf("calls %d err %v; want %d calls, error %v", calls, err, tc.wantCalls, tc.wantErr)
			}
			if diff := cmp.Diff(tc.wantWaits, waits); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
		})
	}
}

// The bank's Retry-After is honoured with the default policy: 1 s is waited
// between attempts; 30 s (beyond the 2 s Cap) is not retried early but
// returned at once, with the Retry-After for the caller to pass on.
func TestRetryDefaultPolicyRetryAfter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		retryAfter time.Duration
		wantCalls  int
		wantWaits  []time.Duration
	}{
		{time.Second, 1 + DefaultRetryPolicy().Max, []time.Duration{time.Second, time.Second}},
		{30 * time.Second, 1, nil},
	}
	for _, tc := range tests {
		t.Run(tc.retryAfter.String(), func(t *testing.T) {
			t.Parallel()
			p := DefaultRetryPolicy()
			var waits []time.Duration
			p.Sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
			calls := 0
			err := Retry(context.Background(), p, func() error {
				calls++
				e := rawErr(429, "", "")
				e.RetryAfter = tc.retryAfter
				return e
			})
			var be *Error
			if !errors.As(err, &be) || be.RetryAfter != tc.retryAfter || Classify(err) != ActionRetryLater {
				t.Errorf("err %v, want the 429 with Retry-After %v", err, tc.retryAfter)
			}
			if calls != tc.wantCalls {
				t.Errorf("%d calls, want %d", calls, tc.wantCalls)
			}
			if diff := cmp.Diff(tc.wantWaits, waits); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
		})
	}
}

// A Retry-After within Cap but beyond what is left of the context is not
// waited for: the caller answers before its deadline.
func TestRetryAfterBeyondContextDeadline(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	p := RetryPolicy{Max: 3, Cap: 2 * time.Minute,
		Sleep: func(context.Context, time.Duration) error { t.Error("waited"); return nil }}
	calls := 0
	err := Retry(ctx, p, func() error { calls++; e := rawErr(503, "", ""); e.RetryAfter = 90 * time.Second; return e })
	if calls != 1 || Classify(err) != ActionRetryLater {
		t.Errorf("calls %d err %v; want 1 call and the 503", calls, err)
	}
}

func TestRetryStopsWhenContextEnds(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := 0
	err := Retry(ctx, RetryPolicy{Max: 5}, func() error { calls++; return rawErr(503, "", "") })
	if calls != 1 || !errors.Is(err, context.Canceled) || Classify(err) != ActionRetryLater {
		t.Errorf("calls %d err %v", calls, err)
	}
}

func TestDefaultJitterWithinBounds(t *testing.T) {
	t.Parallel()
	p := RetryPolicy{Max: 1, Base: 100 * time.Millisecond, Cap: time.Second}
	for range 200 {
		var got time.Duration
		p.Sleep = func(_ context.Context, d time.Duration) error { got = d; return nil }
		n := 0
		_ = Retry(context.Background(), p, func() error { n++; return rawErr(503, "", "") })
		if got < 50*time.Millisecond || got > 100*time.Millisecond {
			t.Fatalf("jittered wait %v outside [50ms, 100ms]", got)
		}
	}
}
