package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// fixture is one isolated environment (kumo table, sandbox bank, secret) and
// the handler wired from it exactly as main.go wires it.
type fixture struct {
	env *testenv.Env
	h   *Handler
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	env := testenv.Start(t, testenv.Options{})
	return &fixture{env: env, h: New(env.Deps)}
}

// request builds an API Gateway v2 event as the HTTP API with a JWT authorizer sends it.
func request(routeKey, sub, id, body string) events.APIGatewayV2HTTPRequest {
	r := events.APIGatewayV2HTTPRequest{RouteKey: routeKey, Body: body}
	if id != "" {
		r.PathParameters = map[string]string{"id": id}
	}
	if sub != "" {
		r.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: map[string]string{"sub": sub}},
		}
	}
	return r
}

func (f *fixture) do(t *testing.T, routeKey, sub, id, body string) events.APIGatewayV2HTTPResponse {
	t.Helper()
	resp, err := f.h.Handle(context.Background(), request(routeKey, sub, id, body))
	if err != nil {
		t.Fatalf("%s: Handle error: %v", routeKey, err)
	}
	return resp
}

// create posts body and requires 201.
func (f *fixture) create(t *testing.T, sub, body string) createResponse {
	t.Helper()
	resp := f.do(t, routeCreate, sub, "", body)
	if resp.StatusCode != 201 {
		t.Fatalf("POST /consents = %d %s", resp.StatusCode, resp.Body)
	}
	var out createResponse
	if err := json.Unmarshal([]byte(resp.Body), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// problem decodes a problem response and checks its media type.
func problem(t *testing.T, resp events.APIGatewayV2HTTPResponse) httpapi.Problem {
	t.Helper()
	if ct := resp.Headers["Content-Type"]; ct != httpapi.ContentTypeProblem {
		t.Fatalf("Content-Type = %q, want %s (status %d, body %s)", ct, httpapi.ContentTypeProblem, resp.StatusCode, resp.Body)
	}
	var p httpapi.Problem
	if err := json.Unmarshal([]byte(resp.Body), &p); err != nil {
		t.Fatal(err)
	}
	if p.Status != resp.StatusCode {
		t.Errorf("problem status %d, response %d", p.Status, resp.StatusCode)
	}
	return p
}

// countItems counts every item of the test table (a Scan is fine in a test).
func (f *fixture) countItems(t *testing.T) int {
	t.Helper()
	out, err := f.env.DDB.Scan(context.Background(), &dynamodb.ScanInput{TableName: aws.String(f.env.Table)})
	if err != nil {
		t.Fatal(err)
	}
	return len(out.Items)
}

// params decodes an authorization URL's data parameter into a map (authurl.Decode,
// which also rejects duplicate and unknown names).
func params(t *testing.T, authURL string) (endpoint string, p map[string]string) {
	t.Helper()
	u, err := url.Parse(authURL)
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Query()) != 1 {
		t.Fatalf("authorization URL has query %q, want only data=", u.RawQuery)
	}
	pairs, err := authurl.Decode(u.Query().Get("data"))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	p = map[string]string{}
	for _, kv := range pairs {
		p[kv[0]] = kv[1]
	}
	u.RawQuery = ""
	return u.String(), p
}

// rawData returns the decoded (not unescaped) parameter string of a URL.
func rawData(t *testing.T, authURL string) (endpoint, data string) {
	t.Helper()
	ep, q, _ := strings.Cut(authURL, "?data=")
	b, err := base64URL.DecodeString(q)
	if err != nil {
		t.Fatal(err)
	}
	return ep, string(b)
}

// journey drives the bank's consent pages as alice (choosing her current account) and returns the redirect's query.
func (f *fixture) journey(t *testing.T, authURL string) url.Values {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	// One account: payment and CBPII journeys take exactly one (alice's current account).
	loc, err := f.env.Bank.Journey(ctx, authURL, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001"}})
	if err != nil {
		t.Fatalf("bank refused the authorization URL: %v", err)
	}
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != testenv.RedirectURI {
		t.Fatalf("redirect to %s, want %s", got, testenv.RedirectURI)
	}
	q := loc.Query()
	if q.Get("code") == "" || q.Get("error") != "" {
		t.Fatalf("redirect without a code: error %q", q.Get("error"))
	}
	return q
}

// journeyError drives a URL the bank must refuse and returns the rule it names.
func (f *fixture) journeyError(t *testing.T, authURL string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	loc, err := f.env.Bank.Journey(ctx, authURL, sandbox.JourneyOptions{User: "alice", Password: "password"})
	var je *sandbox.JourneyError
	if !errors.As(err, &je) {
		t.Fatalf("bank accepted a broken URL (redirect %v, err %v)", loc, err)
	}
	return je.Rule
}

// authorise completes a journey the way the callback does: claim the
// session, exchange the code, store the tokens and mark the consent Authorised.
func (f *fixture) authorise(t *testing.T, authURL string) *consent.Tokens {
	t.Helper()
	ctx := context.Background()
	q := f.journey(t, authURL)
	store := f.env.Deps.Store
	sess, err := store.ClaimAuthSession(ctx, consent.HashState(q.Get("state")))
	if err != nil {
		t.Fatalf("claim session: %v", err)
	}
	tok, err := f.env.Deps.OAuth.Exchange(ctx, q.Get("code"), sess.Verifier)
	if err != nil {
		t.Fatalf("exchange: %v", err)
	}
	c, err := store.GetConsent(ctx, sess.ConsentID)
	if err != nil {
		t.Fatal(err)
	}
	what := consent.Authorised // as shared/exchange does
	if sess.StepUp {
		what = consent.SteppedUp
	}
	if _, err := consent.Apply(c, what, f.env.Bank.Now(), ""); err != nil {
		t.Fatal(err)
	}
	tokens := &consent.Tokens{ConsentID: c.ID, Owner: c.Owner, AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken,
		AccessExpiresAt: tok.ExpiresAt, StepUp: sess.StepUp}
	if err := store.AuthoriseWithTokens(ctx, c, tokens, sess.StateHash); err != nil {
		t.Fatalf("authorise: %v", err)
	}
	return tokens
}

// workingDay returns the first working day (isWorkingDay) at least days ahead.
func workingDay(now time.Time, days int) string {
	return workingDayFrom(banklimits.Today(now).AddDate(0, 0, days), 1)
}

// workingDayFrom walks from d, step days at a time (1 forward, -1 back), to
// the first working day.
func workingDayFrom(d time.Time, step int) string {
	for !isWorkingDay(d) {
		d = d.AddDate(0, 0, step)
	}
	return d.Format(time.DateOnly)
}

// isWorkingDay reports a weekday that is neither an England and Wales bank
// holiday nor a fixed-date one the sandbox refuses.
func isWorkingDay(d time.Time) bool {
	return banklimits.NewCalendar().IsWorkingDay(d) &&
		(d.Month() != time.December || d.Day() < 25) && (d.Month() != time.January || d.Day() != 1)
}

// twoYearsAhead is the last execution date a scheduled payment may have: the
// UTC date of now plus two years, as both the connector and the bank count it.
func twoYearsAhead(now time.Time) time.Time { return banklimits.LastExecutionDate(now) }

// requestsTo returns the bank requests whose path starts with prefix.
func (f *fixture) requestsTo(prefix string) []sandbox.RequestLog {
	var out []sandbox.RequestLog
	for _, r := range f.env.Bank.Requests() {
		if strings.HasPrefix(r.Path, prefix) {
			out = append(out, r)
		}
	}
	return out
}

var base64URL = base64.RawURLEncoding

// newTokenCache returns a token client like the fixture's but with an empty cache.
func newTokenCache(f *fixture) bankapi.ClientCredentials {
	return f.env.Deps.TokenClient(f.env.Deps.HTTP, f.env.Deps.Config.BankTokenURL)
}

// ptrTrue reports whether an optional flag is present and true.
func ptrTrue(b *bool) bool { return b != nil && *b }
