package lambdactx_test

import (
	"context"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/lambdactx"
)

func TestDetach(t *testing.T) {
	t.Parallel()
	far := time.Now().Add(time.Hour)
	for _, tc := range []struct {
		name    string
		parent  func() (context.Context, context.CancelFunc)
		d       time.Duration
		wantEnd func(start time.Time) (lo, hi time.Time)
	}{
		{"no parent deadline: d", func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) },
			time.Minute, func(s time.Time) (time.Time, time.Time) { return s.Add(time.Minute), time.Now().Add(time.Minute) }},
		{"parent deadline later than d: d", func() (context.Context, context.CancelFunc) {
			return context.WithDeadline(context.Background(), far)
		}, time.Minute, func(s time.Time) (time.Time, time.Time) { return s.Add(time.Minute), time.Now().Add(time.Minute) }},
		{"parent deadline sooner: deadline - margin", func() (context.Context, context.CancelFunc) {
			return context.WithDeadline(context.Background(), far)
		}, 2 * time.Hour, func(time.Time) (time.Time, time.Time) { return far.Add(-lambdactx.Margin), far.Add(-lambdactx.Margin) }},
		{"marked deadline beats a shorter budget", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithDeadline(context.Background(), far)
			ctx, cancel2 := context.WithTimeout(lambdactx.Mark(ctx), time.Millisecond)
			return ctx, func() { cancel2(); cancel() }
		}, 2 * time.Hour, func(time.Time) (time.Time, time.Time) { return far.Add(-lambdactx.Margin), far.Add(-lambdactx.Margin) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			parent, cancelParent := tc.parent()
			start := time.Now()
			ctx, cancel := lambdactx.Detach(parent, tc.d)
			defer cancel()
			lo, hi := tc.wantEnd(start)
			end, ok := ctx.Deadline()
			if !ok || end.Before(lo) || end.After(hi) {
				t.Errorf("deadline %v (set %v), want within [%v, %v]", end, ok, lo, hi)
			}
			cancelParent()
			if err := ctx.Err(); err != nil {
				t.Errorf("detached context ended with its parent: %v", err)
			}
		})
	}
}

func TestDetachPastDeadline(t *testing.T) {
	t.Parallel()
	parent, cancel := context.WithDeadline(context.Background(), time.Now().Add(lambdactx.Margin/2))
	defer cancel()
	ctx, cancel2 := lambdactx.Detach(parent, time.Minute)
	defer cancel2()
	select {
	case <-ctx.Done():
	default:
		t.Error("a detached context past the hard deadline is still live")
	}
}

func TestMarkWithoutDeadline(t *testing.T) {
	t.Parallel()
	if _, ok := lambdactx.Deadline(lambdactx.Mark(context.Background())); ok {
		t.Error("Mark invented a deadline")
	}
}

// TestWithBudget: the budget ends the context when the deadline is far; margin before the
// deadline ends it when that comes first.
func TestWithBudget(t *testing.T) {
	t.Parallel()
	far, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	near, cancel2 := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel2()
	for _, tt := range []struct {
		name string
		ctx  context.Context
		want time.Duration // from now, within a second
	}{
		{"budget first", far, 12 * time.Second},
		{"deadline first", near, 9 * time.Second},
		{"no deadline", context.Background(), 12 * time.Second},
	} {
		ctx, cancel := lambdactx.WithBudget(tt.ctx, 12*time.Second, time.Second)
		d, ok := ctx.Deadline()
		cancel()
		if left := time.Until(d); !ok || left > tt.want || left < tt.want-time.Second {
			t.Errorf("%s: %v left, want about %v", tt.name, left, tt.want)
		}
	}
}
