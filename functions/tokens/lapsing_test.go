package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/eventschema"
	"github.com/coop-ob/connector/shared/consent"
)

// TestRefreshTokenLapsingEvent: an idle consent whose keep-alive refresh fails (the bank's
// token endpoint unavailable) gets one Consent Refresh Token Lapsing event naming its refresh
// token's expiry, however many runs fail; a keep-alive that succeeds adds none.
func TestRefreshTokenLapsingEvent(t *testing.T) {
	t.Parallel()
	f, id, tk := idleFixture(t, sandbox.RefreshRotateOneTime)
	u, err := url.Parse(f.env.Bank.TokenURL())
	if err != nil {
		t.Fatal(err)
	}
	lapsing := func() []consent.EventDetail {
		t.Helper()
		list, err := f.env.Deps.Store.ConsentEvents(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		var out []consent.EventDetail
		for _, ev := range list {
			if err := eventschema.Validate(ev.DetailType, []byte(ev.Detail)); err != nil {
				t.Error(err)
			}
			if ev.DetailType == consent.EventRefreshTokenLapsing {
				var d consent.EventDetail
				_ = json.Unmarshal([]byte(ev.Detail), &d)
				out = append(out, d)
			}
		}
		return out
	}
	f.advanceTo(tk.RefreshDue)
	f.env.Bank.Fail(u.Path, sandbox.Fault{Status: http.StatusServiceUnavailable, Count: 1000})
	f.run(t)
	f.advance(31 * time.Minute)
	f.run(t)
	got := lapsing()
	if len(got) != 1 || got[0].ActionBy == nil || !got[0].ActionBy.Equal(tk.RefreshExpiresAt.Truncate(time.Second)) ||
		got[0].Deadline != consent.DeadlineRefreshToken || got[0].Status != consent.StatusAuthorised {
		t.Fatalf("lapsing events %+v; want one naming %v", got, tk.RefreshExpiresAt)
	}
	f.env.Bank.ClearFaults()
	f.advance(31 * time.Minute)
	if s := f.run(t); s.Refreshed != 1 {
		t.Fatalf("keep-alive after the bank came back: %+v", pick(s))
	}
	if n := len(lapsing()); n != 1 {
		t.Errorf("%d lapsing events after a successful keep-alive, want still 1", n)
	}
}

// lastEvent is consent id's last stored event, checked against its schema.
func (f *fixture) lastEvent(t *testing.T, id string) (string, consent.EventDetail) {
	t.Helper()
	list, err := f.env.Deps.Store.ConsentEvents(context.Background(), id)
	if err != nil || len(list) == 0 {
		t.Fatalf("events of %s: %d, %v", id, len(list), err)
	}
	ev := list[len(list)-1]
	if err := eventschema.Validate(ev.DetailType, []byte(ev.Detail)); err != nil {
		t.Error(err)
	}
	var d consent.EventDetail
	_ = json.Unmarshal([]byte(ev.Detail), &d)
	return ev.DetailType, d
}
