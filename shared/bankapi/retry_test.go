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
		{"caps Retry-After", []error{throttled(time.Hour), nil}, 3, 2, []time.Duration{time.Second}, false},
		{"backoff capped", []error{rawErr(503, "", ""), rawErr(503, "", ""), rawErr(503, "", ""), rawErr(503, "", ""), rawErr(503, "", ""), nil}, 5, 6,
			[]time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, time.Second}, false},
		{"no retry on reconsent", []error{obErr(400, "400", CodeInvalidConsentStatus, ""), nil}, 3, 1, nil, true},
		{"no retry on 401", []error{rawErr(401, "", ""), nil}, 3, 1, nil, true},
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
