package sandbox

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestErrorsWithoutState: with the setting on (the admin API's POST /admin/redirects), an
// error redirect carries only error and error_description, like the bank's own examples; a
// code still carries state. Off again, errors carry state again.
func TestErrorsWithoutState(t *testing.T) {
	f := newFixture(t)
	admin := &http.Client{Timeout: 5 * time.Second}
	set := func(body string) int {
		resp, err := admin.Post(f.b.AdminURL()+"/admin/redirects", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := set(`{}`); s != http.StatusBadRequest {
		t.Errorf("no setting: %d, want 400", s)
	}
	if s := set(`{"errorsWithoutState":true}`); s != http.StatusNoContent {
		t.Fatalf("set: %d", s)
	}
	loc, err := f.b.Journey(f.ctx, f.authURL(f.params(f.createAIS(), "accounts+offline")), JourneyOptions{Cancel: true})
	if err != nil || loc.Query().Has("state") || loc.RawQuery != "error=Authentication+declined&error_description=User+declined+authentication" {
		t.Errorf("error redirect %v (%v): want error and error_description only", loc, err)
	}
	p := f.params(f.createAIS(), "accounts+offline")
	loc, err = f.b.Journey(f.ctx, f.authURL(p), alice)
	if err != nil || loc.Query().Get("state") != p[4][1] || loc.Query().Get("code") == "" {
		t.Errorf("code redirect %v (%v): want code and state", loc, err)
	}
	set(`{"errorsWithoutState":false}`)
	p = f.params(f.createAIS(), "accounts+offline")
	loc, err = f.b.Journey(f.ctx, f.authURL(p), JourneyOptions{Cancel: true})
	if err != nil || loc.Query().Get("state") != p[4][1] {
		t.Errorf("error redirect %v (%v): want state again", loc, err)
	}
}
