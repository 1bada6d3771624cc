package main

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/coop-ob/connector/dev/eventschema"
	"github.com/coop-ob/connector/shared/consent"
)

// TestConsentEvents: POST /consents stores the consent's Consent Created event with it, an
// authorisation its Consent Authorised event, DELETE /consents/{id} its Consent Revoked event,
// each once, numbered in order, valid against its schema and naming the caller as the owner;
// a refused request (another caller's DELETE) stores none.
func TestConsentEvents(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.create(t, "alice-app", `{"brand":"coop","type":"accounts"}`)
	f.authorise(t, c.BankAuthorizationURL)
	if resp := f.do(t, routeDelete, "mallory-app", c.ConsentID, ""); resp.StatusCode != 404 {
		t.Fatalf("another caller's DELETE = %d", resp.StatusCode)
	}
	if resp := f.do(t, routeDelete, "alice-app", c.ConsentID, ""); resp.StatusCode/100 != 2 {
		t.Fatalf("DELETE = %d %s", resp.StatusCode, resp.Body)
	}
	list, err := f.env.Deps.Store.ConsentEvents(context.Background(), c.ConsentID)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for i, ev := range list {
		if err := eventschema.Validate(ev.DetailType, []byte(ev.Detail)); err != nil {
			t.Error(err)
		}
		var d consent.EventDetail
		_ = json.Unmarshal([]byte(ev.Detail), &d)
		if d.Sequence != int64(i+1) || d.Owner != "alice-app" || d.ConsentID != c.ConsentID {
			t.Errorf("event %d: %+v", i+1, d)
		}
		types = append(types, ev.DetailType)
	}
	want := []string{consent.EventConsentCreated, consent.EventConsentAuthorised, consent.EventConsentRevoked}
	if !slices.Equal(types, want) {
		t.Errorf("events %v, want %v", types, want)
	}
}
