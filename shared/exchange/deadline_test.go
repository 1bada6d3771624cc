package exchange

import (
	"context"
	"testing"
	"time"
)

// TestStoreContext: the store phase outlives the caller's cancellation but
// never the invocation: it ends by StoreTimeout or by the deadline read from
// the caller's context (or given with WithStoreDeadline) minus StoreMargin,
// whichever comes first.
func TestStoreContext(t *testing.T) {
	t.Parallel()
	// Minutes, not seconds: parallel tests may start late, and "near" must
	// still be ahead when they run.
	const timeout = 10 * time.Minute
	e := &Exchanger{StoreTimeout: timeout}
	far := time.Now().Add(time.Hour)
	near := time.Now().Add(5 * time.Minute) // less than StoreTimeout away
	tests := []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want time.Time // zero: StoreTimeout from now
	}{
		{"no deadline", func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }, time.Time{}},
		{"far deadline", func() (context.Context, context.CancelFunc) { return context.WithDeadline(context.Background(), far) }, time.Time{}},
		{"near deadline", func() (context.Context, context.CancelFunc) { return context.WithDeadline(context.Background(), near) }, near.Add(-StoreMargin)},
		{"store deadline past the caller's", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Millisecond))
			return WithStoreDeadline(ctx, near), cancel
		}, near.Add(-StoreMargin)},
		{"store deadline far", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithDeadline(context.Background(), near)
			return WithStoreDeadline(ctx, far), cancel
		}, time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := tc.ctx()
			before := time.Now()
			wctx, wcancel := e.storeContext(ctx)
			after := time.Now()
			defer wcancel()
			cancel() // the caller gives up
			got, ok := wctx.Deadline()
			if !ok {
				t.Fatal("the store phase has no deadline")
			}
			if tc.want.IsZero() {
				if got.Before(before.Add(timeout)) || got.After(after.Add(timeout)) {
					t.Errorf("deadline %v, want StoreTimeout from now (%v)", got, before.Add(timeout))
				}
			} else if !got.Equal(tc.want) {
				t.Errorf("deadline %v, want %v (the invocation's deadline minus StoreMargin)", got, tc.want)
			}
			if wctx.Err() != nil {
				t.Errorf("the store phase ended with the caller: %v", wctx.Err())
			}
		})
	}
}

// TestStoreContextPastDeadline: with less than StoreMargin left, the store
// phase is over before it starts: Lambda would stop the writes anyway.
func TestStoreContextPastDeadline(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(StoreMargin/2))
	defer cancel()
	wctx, wcancel := (&Exchanger{}).storeContext(ctx)
	defer wcancel()
	if wctx.Err() == nil {
		t.Error("store phase still open past the invocation's deadline minus StoreMargin")
	}
}
