package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/jws"
)

// tokenPath is the bank's token endpoint path (its request log filters on it).
const tokenPath = "/apis/oauth/v1/oauth2/token"

const owner = "app-user-1"

// fixture is one test environment and the handler under test.
type fixture struct {
	t   *testing.T
	env *testenv.Env
	h   *Handler
	ctx context.Context
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	env := testenv.Start(t, testenv.Options{})
	return &fixture{t: t, env: env, h: New(env.Deps), ctx: t.Context()}
}

// consent types as stored (Consent.Type).
const (
	typeAIS   = "accounts"
	typePIS   = "payments"
	typeCBPII = "fundsconfirmations"
)

// createConsent creates a consent of type typ at the sandbox bank with a
// client-credentials token and stores it locally, as POST /consents will.
func (f *fixture) createConsent(typ string) *consent.Consent {
	f.t.Helper()
	d := f.env.Deps
	c := &consent.Consent{Owner: owner, Brand: "coop", Type: typ, BankStatus: consent.StatusAwaitingAuthorisation,
		Status: consent.StatusAwaitingAuthorisation}
	var path, scope string
	var body []byte
	req := bankapi.Request{Method: http.MethodPost}
	switch typ {
	case typeAIS:
		c.Permissions = []string{"ReadAccountsDetail", "ReadBalances", "ReadTransactionsDetail", "ReadTransactionsCredits", "ReadTransactionsDebits"}
		body = []byte(`{"Data":{"Permissions":["ReadAccountsDetail","ReadBalances","ReadTransactionsDetail","ReadTransactionsCredits","ReadTransactionsDebits"]},"Risk":{}}`)
		path, scope = bankapi.AISPPath+"/account-access-consents", "accounts"
	case typePIS:
		c.Journey, c.BenName, c.Amount = authurl.JourneyDomestic, "Test Beneficiary", "165.88"
		body = []byte(`{"Data":{"Initiation":{"InstructionIdentification":"ACME412","EndToEndIdentification":"FRESCO.21302.GFX.20",` +
			`"InstructedAmount":{"Amount":"165.88","Currency":"GBP"},` +
			`"CreditorAccount":{"SchemeName":"UK.OBIE.SortCodeAccountNumber","Identification":"08080021325698","Name":"Test Beneficiary"},` +
			`"RemittanceInformation":{"Reference":"FRESCO-101"}}},"Risk":{}}`)
		path, scope = bankapi.PISPPath+"/domestic-payment-consents", "payments"
		creds, err := d.Credentials.Get(f.ctx)
		if err != nil {
			f.t.Fatal(err)
		}
		sig, err := jws.Sign(body, creds.SigningKey, creds.SigningKeyID, creds.OrganisationID+"/"+creds.SoftwareStatementID, d.Now())
		if err != nil {
			f.t.Fatal(err)
		}
		req.JWSSignature, req.IdempotencyKey = sig, testenv.Random(8)
	case typeCBPII:
		body = []byte(`{"Data":{"DebtorAccount":{"SchemeName":"UK.OBIE.SortCodeAccountNumber","Identification":"08999912345678"}}}`)
		path, scope = bankapi.CBPIIPath+"/funds-confirmation-consents", "fundsconfirmations"
	}
	tok, err := d.OAuth.ClientCredentials(f.ctx, scope)
	if err != nil {
		f.t.Fatalf("client credentials: %v", err)
	}
	req.Path, req.Body, req.AccessToken = path, body, tok.AccessToken
	resp, err := d.Bank.Do(f.ctx, req)
	if err != nil {
		f.t.Fatalf("create %s consent: %v", typ, err)
	}
	var out struct{ Data struct{ ConsentId string } }
	if err := json.Unmarshal(resp.Body, &out); err != nil || out.Data.ConsentId == "" {
		f.t.Fatalf("consent response: %v", err)
	}
	c.ID, c.Request = out.Data.ConsentId, body
	if err := d.Store.CreateConsent(f.ctx, c); err != nil {
		f.t.Fatal(err)
	}
	return c
}

// journey is one started authorization journey.
type journey struct {
	consentID, state, verifier, url string
}

// start begins a journey for c with shared/authflow, as POST /consents and
// POST /consents/{id}/authorize do: a consent already Authorised makes it a
// re-authentication; stepUp asks for the bank's step-up (AIS).
func (f *fixture) start(c *consent.Consent, stepUp bool) journey {
	f.t.Helper()
	d := f.env.Deps
	stored, err := d.Store.GetConsent(f.ctx, c.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	st := &authflow.Starter{Store: d.Store, Credentials: d.Credentials, Config: d.Config, Now: d.Now}
	u, _, err := st.Start(f.ctx, stored, stepUp)
	if err != nil {
		f.t.Fatalf("start journey: %v", err)
	}
	// The state is inside the URL's data parameter; the verifier in the session.
	parsed, err := url.Parse(u)
	if err != nil {
		f.t.Fatal(err)
	}
	params, err := authurl.Decode(parsed.Query().Get(authurl.ParamData))
	if err != nil {
		f.t.Fatal(err)
	}
	j := journey{consentID: c.ID, url: u}
	for _, kv := range params {
		if kv[0] == authurl.ParamState {
			j.state = kv[1]
		}
	}
	j.verifier = f.session(j).Verifier
	if j.state == "" || j.verifier == "" {
		f.t.Fatal("journey without state or verifier")
	}
	return j
}

var alice = sandbox.JourneyOptions{User: "alice", Password: "password"}

// drive runs the bank's consent pages and returns the bank's redirect to
// the registered redirect URI.
func (f *fixture) drive(j journey, o sandbox.JourneyOptions) *url.URL {
	f.t.Helper()
	u, err := f.env.Bank.Journey(f.ctx, j.url, o)
	if err != nil {
		f.t.Fatalf("bank journey: %v", err)
	}
	if got := u.Scheme + "://" + u.Host + u.Path; got != testenv.RedirectURI {
		f.t.Fatalf("bank redirected to %s, want the redirect URI", got)
	}
	return u
}

// request is the API Gateway event of the browser's GET to u.
func request(u *url.URL) events.APIGatewayV2HTTPRequest {
	params := map[string]string{}
	for k, v := range u.Query() {
		params[k] = strings.Join(v, ",")
	}
	return events.APIGatewayV2HTTPRequest{
		Version: "2.0", RouteKey: routeCallback, RawPath: "/callback", RawQueryString: u.RawQuery,
		QueryStringParameters: params,
		RequestContext: events.APIGatewayV2HTTPRequestContext{RequestID: "req-" + testenv.Random(4),
			HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: http.MethodGet, Path: "/callback"}},
	}
}

// callback sends the browser's GET to u to the handler.
func (f *fixture) callback(u *url.URL) events.APIGatewayV2HTTPResponse {
	f.t.Helper()
	resp, err := f.h.Handle(f.ctx, request(u))
	if err != nil {
		f.t.Fatalf("Handle returned an error: %v", err)
	}
	f.checkHeaders(resp)
	return resp
}

// checkHeaders: every callback response is uncacheable and sends no referrer.
func (f *fixture) checkHeaders(resp events.APIGatewayV2HTTPResponse) {
	f.t.Helper()
	if resp.Headers["Cache-Control"] != "no-store" || resp.Headers["Referrer-Policy"] != "no-referrer" {
		f.t.Errorf("headers %v: want Cache-Control no-store and Referrer-Policy no-referrer", resp.Headers)
	}
}

// wantResult checks a 302 to RESULT_URL?consentId=…&outcome=….
func (f *fixture) wantResult(resp events.APIGatewayV2HTTPResponse, consentID, outcome string) {
	f.t.Helper()
	want := testenv.ResultURL + "?" + url.Values{"consentId": {consentID}, "outcome": {outcome}}.Encode()
	if resp.StatusCode != http.StatusFound || resp.Headers["Location"] != want {
		f.t.Fatalf("response %d Location %q, want 302 %q (body %.200q)", resp.StatusCode, resp.Headers["Location"], want, resp.Body)
	}
}

// wantPage checks an HTML error page with status 400 naming the problem.
func (f *fixture) wantPage(resp events.APIGatewayV2HTTPResponse, p page) {
	f.t.Helper()
	if resp.StatusCode != p.Status || !strings.HasPrefix(resp.Headers["Content-Type"], "text/html") ||
		!strings.Contains(resp.Body, p.Title) || !strings.Contains(resp.Body, "start again") {
		f.t.Fatalf("response %d %q body %.300q: want the %q page", resp.StatusCode, resp.Headers["Content-Type"], resp.Body, p.Title)
	}
	if _, ok := resp.Headers["Location"]; ok {
		f.t.Errorf("an error page carries a Location header")
	}
}

// codeRequests are the authorization_code requests the bank's token endpoint received.
func (f *fixture) codeRequests() []sandbox.RequestLog {
	var out []sandbox.RequestLog
	for _, r := range f.env.Bank.Requests() {
		if r.Path == tokenPath && r.GrantType == "authorization_code" {
			out = append(out, r)
		}
	}
	return out
}

// checkTokenRequests: every token request used client_secret_basic and no
// credentials in the body (the bank's "Tokens" rule).
func (f *fixture) checkTokenRequests() {
	f.t.Helper()
	for _, r := range f.env.Bank.Requests() {
		if r.Path != tokenPath {
			continue
		}
		if !r.BasicAuth || slices.Contains(r.FormFields, "client_id") || slices.Contains(r.FormFields, "client_secret") {
			f.t.Errorf("token request (%s): basic %v, form fields %v: want Basic auth and no client_id/client_secret in the body",
				r.GrantType, r.BasicAuth, r.FormFields)
		}
	}
}

// authorised runs a whole successful journey for a new consent of type typ.
func (f *fixture) authorised(typ string) (*consent.Consent, *consent.Tokens) {
	f.t.Helper()
	c := f.createConsent(typ)
	j := f.start(c, false)
	f.wantResult(f.callback(f.drive(j, alice)), c.ID, OutcomeAuthorised)
	return c, f.tokens(c.ID)
}

func (f *fixture) consent(id string) *consent.Consent {
	f.t.Helper()
	c, err := f.env.Deps.Store.GetConsent(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func (f *fixture) tokens(id string) *consent.Tokens {
	f.t.Helper()
	t, err := f.env.Deps.Store.GetTokens(f.ctx, id)
	if err != nil {
		f.t.Fatalf("tokens of %s: %v", id, err)
	}
	return t
}

// session reads a journey's session whatever its state (GetAuthSession
// refuses expired ones).
func (f *fixture) session(j journey) *consent.AuthSession {
	f.t.Helper()
	s, err := f.env.Deps.Store.GetAuthSession(f.ctx, consent.HashState(j.state))
	if err != nil {
		f.t.Fatalf("session: %v", err)
	}
	return s
}

// accountsStatus calls GET /accounts with an access token and returns the HTTP status.
func (f *fixture) accountsStatus(access string) int {
	f.t.Helper()
	_, err := f.env.Deps.Bank.Do(f.ctx, bankapi.Request{Method: http.MethodGet, Path: bankapi.AISPPath + "/accounts", AccessToken: access})
	if err == nil {
		return http.StatusOK
	}
	var be *bankapi.Error
	if !errors.As(err, &be) {
		f.t.Fatalf("GET /accounts: %v", err)
	}
	return be.Status
}

// between reports whether t is within [from, to] at one-second resolution
// (the store keeps expiries as epoch seconds).
func between(t, from, to time.Time) bool {
	return !t.Before(from.Truncate(time.Second)) && !t.After(to)
}
