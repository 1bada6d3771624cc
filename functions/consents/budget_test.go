package main

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/httpapi"
)

// deadlineRecorder is the real bank client, recording the deadline of every call's context.
type deadlineRecorder struct {
	next      bankDoer
	mu        sync.Mutex
	deadlines []time.Time // zero: no deadline
}

func (d *deadlineRecorder) Do(ctx context.Context, r bankapi.Request) (*bankapi.Response, error) {
	dl, _ := ctx.Deadline()
	d.mu.Lock()
	d.deadlines = append(d.deadlines, dl)
	d.mu.Unlock()
	return d.next.Do(ctx, r)
}

// TestCreateWithinBudget: a consent POST the bank does not answer in time ends
// with retryLater before the invocation's deadline (less a margin to answer),
// or within the fixed budget when there is no deadline, and nothing is stored.
// The bank calls' contexts show the bound; the answer is asserted, not the time.
func TestCreateWithinBudget(t *testing.T) {
	f := newFixture(t)
	rec := &deadlineRecorder{next: f.h.bank}
	f.h.bank = rec
	f.create(t, "app", `{"brand":"coop","type":"accounts"}`) // warms the token cache
	before := f.countItems(t)
	path := bankapi.AISPPath + "/account-access-consents"

	t.Run("Lambda deadline", func(t *testing.T) {
		rec.deadlines = nil
		f.env.Bank.ResetRequests()
		f.env.Bank.Fail(path, sandbox.Fault{Delay: time.Minute})
		lambdaDeadline := time.Now().Add(2500 * time.Millisecond)
		ctx, cancel := context.WithDeadline(context.Background(), lambdaDeadline)
		defer cancel()
		resp, err := f.h.Handle(ctx, request(routeCreate, "app", "", `{"brand":"coop","type":"accounts"}`))
		if err != nil {
			t.Fatal(err)
		}
		p := problem(t, resp)
		if p.Status != http.StatusServiceUnavailable || p.Type != httpapi.TypeRetryLater || p.Action != httpapi.ActionRetryLater {
			t.Errorf("problem %+v, want 503 retryLater", p)
		}
		if posts := f.requestsTo(path); len(posts) != 1 || p.InteractionID != posts[0].InteractionID {
			t.Errorf("interactionId %q, bank saw %+v", p.InteractionID, posts)
		}
		if len(rec.deadlines) != 1 || rec.deadlines[0].IsZero() || rec.deadlines[0].After(lambdaDeadline.Add(-deadlineMargin)) {
			t.Errorf("bank call deadlines %v, want one at or before %v", rec.deadlines, lambdaDeadline.Add(-deadlineMargin))
		}
		if n := f.countItems(t); n != before {
			t.Errorf("table has %d items, had %d", n, before)
		}
		f.env.Bank.ClearFaults()
	})

	t.Run("no deadline: fixed budget", func(t *testing.T) {
		rec.deadlines = nil
		resp := f.do(t, routeCreate, "app", "", `{"brand":"coop","type":"accounts"}`)
		after := time.Now()
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("status %d: %s", resp.StatusCode, resp.Body)
		}
		if len(rec.deadlines) != 1 || rec.deadlines[0].IsZero() || rec.deadlines[0].After(after.Add(budget)) {
			t.Errorf("bank call deadlines %v, want one within %v of the request", rec.deadlines, budget)
		}
		before = f.countItems(t)
	})

	// The bank refuses the cached client-credentials token (401) so late that
	// a new token and a second POST would not fit: the POST is not resent, the
	// app gets retryLater, and the next request fetches a new token.
	t.Run("401 with too little time left", func(t *testing.T) {
		f.env.Bank.ResetRequests()
		f.env.Bank.Fail(path, sandbox.Fault{Status: http.StatusUnauthorized, Empty: true, Delay: time.Second})
		ctx, cancel := context.WithTimeout(context.Background(), deadlineMargin+bankapi.ResendMinTime)
		defer cancel()
		resp, err := f.h.Handle(ctx, request(routeCreate, "app", "", `{"brand":"coop","type":"accounts"}`))
		if err != nil {
			t.Fatal(err)
		}
		if p := problem(t, resp); p.Status != http.StatusServiceUnavailable || p.Action != httpapi.ActionRetryLater {
			t.Errorf("problem %+v, want 503 retryLater", p)
		}
		if posts := f.requestsTo(path); len(posts) != 1 {
			t.Errorf("%d consent POSTs, want 1 (no resend)", len(posts))
		}
		if n := f.countItems(t); n != before {
			t.Errorf("table has %d items, had %d", n, before)
		}
		f.create(t, "app", `{"brand":"coop","type":"accounts"}`)
		grants := 0
		for _, r := range f.env.Bank.Requests() {
			if r.GrantType == "client_credentials" {
				grants++
			}
		}
		if grants != 1 {
			t.Errorf("%d client-credentials grants after the refused token, want 1", grants)
		}
	})
}
