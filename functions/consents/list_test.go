package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/exchange"
	"github.com/coop-ob/connector/shared/httpapi"
)

// list calls GET /consents with query parameters q.
func (f *fixture) list(t *testing.T, sub string, q map[string]string) events.APIGatewayV2HTTPResponse {
	t.Helper()
	req := request(routeList, sub, "", "")
	req.QueryStringParameters = q
	resp, err := f.h.Handle(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// TestListPages: five consents with limit=2 come in three pages, oldest
// first, each id once, with nextCursor exactly while more remain; no list
// item carries stepUp (the list reads no tokens); bad paging parameters are
// 400 invalid-request naming the parameter.
func TestListPages(t *testing.T) {
	f := newFixture(t)
	const sub = "app-pages"
	var want []string
	for i := range 5 {
		out := f.create(t, sub, `{"brand":"coop","type":"accounts"}`)
		want = append(want, out.ConsentID)
		if i == 0 {
			f.authorise(t, out.BankAuthorizationURL) // an Authorised consent: still no stepUp in the list
		}
	}
	f.create(t, "someone-else", `{"brand":"coop","type":"accounts"}`)

	var pages [][]string
	cursor := ""
	for range 5 {
		q := map[string]string{"limit": "2"}
		if cursor != "" {
			q["cursor"] = cursor
		}
		resp := f.list(t, sub, q)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /consents = %d %s", resp.StatusCode, resp.Body)
		}
		if strings.Contains(resp.Body, `"stepUp"`) {
			t.Errorf("a list item has stepUp: %s", resp.Body)
		}
		var page listResponse
		if err := json.Unmarshal([]byte(resp.Body), &page); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, v := range page.Consents {
			ids = append(ids, v.ID)
		}
		pages = append(pages, ids)
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	if diff := cmp.Diff([][]string{want[0:2], want[2:4], want[4:5]}, pages); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}

	var all listResponse
	if err := json.Unmarshal([]byte(f.list(t, sub, nil).Body), &all); err != nil || len(all.Consents) != 5 || all.NextCursor != "" {
		t.Errorf("default limit: %d consents, next %q, %v; want all 5 and no cursor", len(all.Consents), all.NextCursor, err)
	}

	first := f.list(t, sub, map[string]string{"limit": "1"})
	var p1 listResponse
	_ = json.Unmarshal([]byte(first.Body), &p1)
	for name, tt := range map[string]struct {
		q     map[string]string
		field string
	}{
		"limit 0":            {map[string]string{"limit": "0"}, "limit"},
		"limit 101":          {map[string]string{"limit": "101"}, "limit"},
		"limit not a number": {map[string]string{"limit": "ten"}, "limit"},
		"limit signed":       {map[string]string{"limit": "+5"}, "limit"},
		"limit empty":        {map[string]string{"limit": ""}, "limit"},
		"cursor garbage":     {map[string]string{"cursor": "not-a-cursor!"}, "cursor"},
		"cursor edited":      {map[string]string{"cursor": p1.NextCursor[:len(p1.NextCursor)-2] + "zz"}, "cursor"},
		"cursor too long":    {map[string]string{"cursor": strings.Repeat("A", 600)}, "cursor"},
	} {
		resp := f.list(t, sub, tt.q)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", name, resp.StatusCode)
			continue
		}
		if p := problem(t, resp); p.Type != httpapi.TypeInvalidRequest || len(p.Errors) != 1 || p.Errors[0].Field != tt.field {
			t.Errorf("%s: problem %+v, want invalid-request naming %s", name, p, tt.field)
		}
	}
}

// TestLastError: a journey the customer declined is recorded (by the
// callback's exchange.Fail) as the consent's lastError, which GET
// /consents/{id} and the list show. What other writers store is shown only
// as a code: an outcome code, or the OB error code in the proxy's error
// summary; never other text.
func TestLastError(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	const sub = "app-lasterror"
	out := f.create(t, sub, `{"brand":"coop","type":"accounts"}`)
	loc, err := f.env.Bank.Journey(ctx, out.BankAuthorizationURL, sandbox.JourneyOptions{User: "alice", Password: "password", Decline: true})
	if err != nil || loc.Query().Get("error") == "" {
		t.Fatalf("declined journey: %v, %v", loc, err)
	}
	store := f.env.Deps.Store
	sess, err := store.ClaimAuthSession(ctx, consent.HashState(loc.Query().Get("state")))
	if err != nil {
		t.Fatal(err)
	}
	ex := &exchange.Exchanger{Store: store, OAuth: f.env.Deps.OAuth, Now: f.env.Deps.Now, Logger: f.env.Deps.Logger}
	if err := ex.Fail(ctx, sess, "consent_declined", true); err != nil {
		t.Fatal(err)
	}
	var v consentView
	if err := json.Unmarshal([]byte(f.do(t, routeGet, sub, out.ConsentID, "").Body), &v); err != nil {
		t.Fatal(err)
	}
	if v.LastError != "consent_declined" || v.Status != consent.StatusFailed {
		t.Errorf("after a declined journey: status %s lastError %q, want Failed and consent_declined", v.Status, v.LastError)
	}
	var page listResponse
	if err := json.Unmarshal([]byte(f.list(t, sub, nil).Body), &page); err != nil || len(page.Consents) != 1 ||
		page.Consents[0].LastError != "consent_declined" {
		t.Errorf("list after a declined journey: %+v, %v", page, err)
	}

	tests := []struct{ stored, want string }{
		{"exchange_failed", "exchange_failed"},
		{"invalid_grant", "invalid_grant"},
		{"bankapi: HTTP 400 400 Bad Request [UK.OBIE.Resource.NotFound] AccountPermanentlyUnavailable interaction 5d0c", "UK.OBIE.Resource.NotFound"},
		{"bankapi: HTTP 403 Alice Smith 12345678 [UK.OBIE.Reauthenticate] interaction x", "UK.OBIE.Reauthenticate"},
		{"bankapi: HTTP 403 Alice Smith 12345678", ""},
		{"step-up not held", ""},
		{"Account temporarily unavailable for Mr Smith", ""},
	}
	for _, tt := range tests {
		c, err := store.GetConsent(ctx, out.ConsentID)
		if err != nil {
			t.Fatal(err)
		}
		c.LastError = tt.stored
		if err := store.UpdateConsent(ctx, c); err != nil {
			t.Fatal(err)
		}
		resp := f.do(t, routeGet, sub, out.ConsentID, "")
		var v consentView
		if err := json.Unmarshal([]byte(resp.Body), &v); err != nil {
			t.Fatal(err)
		}
		if v.LastError != tt.want || (tt.want == "" && strings.Contains(resp.Body, `"lastError"`)) {
			t.Errorf("stored %q: lastError %q, want %q", tt.stored, v.LastError, tt.want)
		}
	}
}
