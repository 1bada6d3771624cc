package main

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/createonce"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/obconsent"
)

const aisConsents = bankapi.AISPPath + "/account-access-consents"

// createWithKey posts body with an Idempotency-Key header.
func (f *fixture) createWithKey(t *testing.T, sub, key, body string) events.APIGatewayV2HTTPResponse {
	t.Helper()
	req := request(routeCreate, sub, "", body)
	req.Headers = map[string]string{"idempotency-key": key} // API Gateway lower-cases header names
	resp, err := f.h.Handle(context.Background(), req)
	if err != nil {
		t.Fatalf("Handle: %v", err)
	}
	return resp
}

func created(t *testing.T, resp events.APIGatewayV2HTTPResponse) createResponse {
	t.Helper()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("status %d, want 201: %s", resp.StatusCode, resp.Body)
	}
	var out createResponse
	if err := json.Unmarshal([]byte(resp.Body), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCreateIdempotencyKey: a retried POST /consents with the same key and
// request creates one consent at the bank and answers it again with a
// working authorization URL; another request under the key is a 409, the
// same key of another caller is another consent; the record is kept 24 h
// and holds no URL.
func TestCreateIdempotencyKey(t *testing.T) {
	f := newFixture(t)
	body := `{"brand":"coop","type":"accounts"}`
	f.env.Bank.ResetRequests()
	first := f.createWithKey(t, "alice-app", "order-7781", body)
	a := created(t, first)
	// Spacing and field order are not part of the request.
	again := f.createWithKey(t, "alice-app", "order-7781", `{ "type":"accounts", "brand":"coop" }`)
	b := created(t, again)
	if b.ConsentID != a.ConsentID || again.Headers["Idempotent-Replayed"] != "true" || first.Headers["Idempotent-Replayed"] != "" {
		t.Fatalf("replay: %s (%v), first %s", b.ConsentID, again.Headers, a.ConsentID)
	}
	if again.Headers["Location"] != "/consents/"+a.ConsentID {
		t.Errorf("Location %q", again.Headers["Location"])
	}
	if n := len(f.requestsTo(aisConsents)); n != 1 {
		t.Errorf("the bank got %d consent POSTs, want 1", n)
	}
	// The replayed URL is a working one for the same consent.
	if _, p := params(t, b.BankAuthorizationURL); p["display"] != a.ConsentID {
		t.Errorf("replayed URL for %s", p["display"])
	}
	f.journey(t, b.BankAuthorizationURL)

	resp := f.createWithKey(t, "alice-app", "order-7781", `{"brand":"smile","type":"accounts"}`)
	p := problem(t, resp)
	if resp.StatusCode != http.StatusConflict || p.Type != httpapi.TypeConflict ||
		!slices.ContainsFunc(p.Errors, func(e httpapi.FieldError) bool { return e.Field == "Idempotency-Key" }) {
		t.Errorf("another request under the key: %d %+v", resp.StatusCode, p)
	}
	if other := created(t, f.createWithKey(t, "bob-app", "order-7781", body)); other.ConsentID == a.ConsentID {
		t.Error("another caller's key answered alice's consent")
	}
	if n := len(f.requestsTo(aisConsents)); n != 2 {
		t.Errorf("the bank got %d consent POSTs, want 2", n)
	}

	rec, err := f.env.Deps.Store.GetCreateKey(context.Background(), consent.HashCreateKey("alice-app", "order-7781"))
	if err != nil {
		t.Fatal(err)
	}
	if rec.State != consent.CreateKeyDone || rec.ConsentID != a.ConsentID || rec.TTL.Sub(rec.CreatedAt) < 24*time.Hour {
		t.Errorf("record %+v", rec)
	}
	raw, _ := json.Marshal(rec)
	if strings.Contains(string(raw), "oauthRedirect") || strings.Contains(string(raw), "order-7781") {
		t.Errorf("record holds the URL or the key itself: %s", raw)
	}

	// Once authorised, a replay no longer offers a journey: 409 naming the consent.
	f.authorise(t, f.create(t, "carol-app", body).BankAuthorizationURL) // unrelated consent: the fixture still works
	c := created(t, f.createWithKey(t, "carol-app", "k-2", body))
	f.authorise(t, c.BankAuthorizationURL)
	resp = f.createWithKey(t, "carol-app", "k-2", body)
	if p := problem(t, resp); resp.StatusCode != http.StatusConflict || p.Type != httpapi.TypeConflict ||
		resp.Headers["Location"] != "/consents/"+c.ConsentID {
		t.Errorf("replay of an authorised consent: %d %v %+v", resp.StatusCode, resp.Headers, p)
	}
}

// TestCreateIdempotencyKeyMalformed: a bad key is a 400 naming the header;
// nothing is sent or stored.
func TestCreateIdempotencyKeyMalformed(t *testing.T) {
	f := newFixture(t)
	before := f.countItems(t)
	f.env.Bank.ResetRequests()
	for _, key := range []string{"", strings.Repeat("k", 65), "a b", "a,b", "ключ", "k/1", "k\n"} {
		t.Run(strconv.Quote(key), func(t *testing.T) {
			resp := f.createWithKey(t, "alice-app", key, `{"brand":"coop","type":"accounts"}`)
			p := problem(t, resp)
			if resp.StatusCode != 400 || p.Type != httpapi.TypeInvalidRequest || len(p.Errors) != 1 || p.Errors[0].Field != "Idempotency-Key" {
				t.Errorf("%d %+v", resp.StatusCode, p)
			}
		})
	}
	// With a bad body as well, both are named at once.
	resp := f.createWithKey(t, "alice-app", "a b", `{"brand":"coop"}`)
	var fields []string
	for _, e := range problem(t, resp).Errors {
		fields = append(fields, e.Field)
	}
	if slices.Sort(fields); !slices.Equal(fields, []string{"Idempotency-Key", "type"}) {
		t.Errorf("fields %v", fields)
	}
	created(t, f.createWithKey(t, "alice-app", strings.Repeat("k", 64), `{"brand":"coop","type":"accounts"}`))
	if n := len(f.requestsTo(aisConsents)); n != 1 {
		t.Errorf("the bank got %d consent POSTs, want 1 (the valid key)", n)
	}
	if n := f.countItems(t); n != before+4 { // consent, its Created event, session, key record
		t.Errorf("table has %d items, had %d", n, before)
	}
}

// TestCreateIdempotencyKeyReleased: a first attempt that failed (here the
// bank's 503) frees its key, so the retry with the same key creates the
// consent; a claim whose request died is taken over once it ends, and
// until then the retry is told to come back (503, Retry-After).
func TestCreateIdempotencyKeyReleased(t *testing.T) {
	f := newFixture(t)
	body := `{"brand":"coop","type":"accounts"}`
	f.env.Bank.ResetRequests()
	f.env.Bank.Fail(aisConsents, sandbox.Fault{Status: 503})
	resp := f.createWithKey(t, "alice-app", "k-1", body)
	if p := problem(t, resp); resp.StatusCode != 503 || p.Type != httpapi.TypeRetryLater {
		t.Fatalf("bank 503: %d %+v", resp.StatusCode, p)
	}
	created(t, f.createWithKey(t, "alice-app", "k-1", body))
	if n := len(f.requestsTo(aisConsents)); n != 2 {
		t.Errorf("the bank got %d consent POSTs, want 2", n)
	}

	// A request that claimed the key and died (no finish, no release).
	var r obconsent.Request
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatal(err)
	}
	store := f.env.Deps.Store
	dead := &consent.CreateKey{KeyHash: consent.HashCreateKey("alice-app", "k-2"), Owner: "alice-app", RequestHash: createonce.RequestHash(&r), Claim: "dead"}
	if _, err := store.ClaimCreateKey(context.Background(), dead, createonce.ClaimFor); err != nil {
		t.Fatal(err)
	}
	f.env.Bank.ResetRequests()
	resp = f.createWithKey(t, "alice-app", "k-2", body)
	if p := problem(t, resp); resp.StatusCode != 503 || p.Action != httpapi.ActionRetryLater {
		t.Fatalf("while claimed: %d %+v", resp.StatusCode, p)
	}
	if after, _ := strconv.Atoi(resp.Headers["Retry-After"]); after < 1 || after > int(createonce.ClaimFor/time.Second) {
		t.Errorf("Retry-After %q", resp.Headers["Retry-After"])
	}
	f.env.Bank.Advance(createonce.ClaimFor)
	created(t, f.createWithKey(t, "alice-app", "k-2", body))
	if n := len(f.requestsTo(aisConsents)); n != 1 {
		t.Errorf("the bank got %d consent POSTs, want 1", n)
	}
}

// TestCreateIdempotencyKeyConcurrent: two requests with the same key at the
// same time create one consent at the bank; the one that did not claim the
// key is told to retry, and its retry gets the same consent.
func TestCreateIdempotencyKeyConcurrent(t *testing.T) {
	f := newFixture(t)
	body := `{"brand":"coop","type":"accounts"}`
	f.env.Bank.ResetRequests()
	f.env.Bank.Fail(aisConsents, sandbox.Fault{Delay: 2 * time.Second}) // the first POST is slow, then handled
	var wg sync.WaitGroup
	resps := make([]events.APIGatewayV2HTTPResponse, 2)
	for i := range resps {
		wg.Go(func() { resps[i] = f.createWithKey(t, "alice-app", "same", body) })
	}
	wg.Wait()
	codes := []int{resps[0].StatusCode, resps[1].StatusCode}
	slices.Sort(codes)
	if !slices.Equal(codes, []int{201, 503}) {
		t.Fatalf("statuses %v, want one 201 and one 503: %s / %s", codes, resps[0].Body, resps[1].Body)
	}
	if n := len(f.requestsTo(aisConsents)); n != 1 {
		t.Errorf("the bank got %d consent POSTs, want 1", n)
	}
	won := resps[0]
	if won.StatusCode != 201 {
		won = resps[1]
	}
	if retry := created(t, f.createWithKey(t, "alice-app", "same", body)); retry.ConsentID != created(t, won).ConsentID {
		t.Errorf("retry answered %s", retry.ConsentID)
	}
}
