package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/exchange"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/jws"
)

const owner = "app-user-1"

// fixture is one environment (kumo table, sandbox bank, Deps) and the
// handler under test. Retry waits are recorded instead of slept.
type fixture struct {
	t   testing.TB
	env *testenv.Env
	h   *Handler

	mu    sync.Mutex
	waits []time.Duration
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{t: t, env: testenv.Start(t, testenv.Options{})}
	f.h = New(f.env.Deps)
	record := func(_ context.Context, d time.Duration) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.waits = append(f.waits, d)
		return nil
	}
	f.h.retry.Sleep = record
	f.h.payWait = record
	return f
}

func (f *fixture) recordedWaits() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.waits...)
}

var aisPermissions = []string{"ReadAccountsDetail", "ReadBalances", "ReadTransactionsDetail", "ReadTransactionsCredits",
	"ReadTransactionsDebits", "ReadDirectDebits", "ReadStandingOrdersDetail", "ReadScheduledPaymentsDetail"}

// createAtBank posts a consent with a client-credentials token and returns the bank's answer.
func (f *fixture) createAtBank(scope, path string, body []byte, signed bool) []byte {
	f.t.Helper()
	ctx := context.Background()
	d := f.env.Deps
	cc, err := d.OAuth.ClientCredentials(ctx, scope)
	if err != nil {
		f.t.Fatalf("client credentials: %v", err)
	}
	req := bankapi.Request{Method: http.MethodPost, Path: path, Body: body, AccessToken: cc.AccessToken}
	if signed {
		creds, err := d.Credentials.Get(ctx)
		if err != nil {
			f.t.Fatal(err)
		}
		req.JWSSignature, err = jws.Sign(body, creds.SigningKey, creds.SigningKeyID, creds.OrganisationID+"/"+creds.SoftwareStatementID, d.Now())
		if err != nil {
			f.t.Fatal(err)
		}
		req.IdempotencyKey = testenv.Random(8)
	}
	resp, err := d.Bank.Do(ctx, req)
	if err != nil {
		f.t.Fatalf("create consent at the bank: %v", err)
	}
	return resp.Body
}

func (f *fixture) store(c *consent.Consent) *consent.Consent {
	f.t.Helper()
	if err := f.env.Deps.Store.CreateConsent(context.Background(), c); err != nil {
		f.t.Fatal(err)
	}
	return c
}

// aisConsent creates an accounts consent with aisPermissions at the bank and
// in the store, then authorises it through the bank's pages (with step-up
// when asked).
func (f *fixture) aisConsent(who string, stepUp bool) *consent.Consent {
	f.t.Helper()
	return f.aisConsentWith(who, aisPermissions, stepUp)
}

// aisConsentWith is aisConsent with the given permissions.
func (f *fixture) aisConsentWith(who string, perms []string, stepUp bool) *consent.Consent {
	f.t.Helper()
	body, _ := json.Marshal(bankapi.OBReadConsent1{Data: bankapi.OBReadConsent1Data{Permissions: perms}})
	var out bankapi.OBReadConsentResponse1
	if err := json.Unmarshal(f.createAtBank("accounts", bankapi.AISPPath+"/account-access-consents", body, false), &out); err != nil {
		f.t.Fatal(err)
	}
	c := f.store(&consent.Consent{ID: out.Data.ConsentID, Owner: who, Brand: "coop", Type: typeAccounts,
		BankStatus: consent.StatusAwaitingAuthorisation, Status: consent.StatusAwaitingAuthorisation,
		Permissions: out.Data.Permissions, Request: body})
	c = f.authorise(c, false, nil)
	if stepUp { // a step-up authorises an already authorised consent again
		c = f.authorise(c, true, nil)
	}
	return c
}

// paymentConsent creates a DP, DSP or DSO consent and authorises it from account 1001.
func (f *fixture) paymentConsent(who, journey string) *consent.Consent {
	f.t.Helper()
	now := f.env.Bank.Now()
	creditor := `{"SchemeName":"UK.OBIE.SortCodeAccountNumber","Identification":"40400411223344","Name":"Test Beneficiary"}`
	c := &consent.Consent{Owner: who, Brand: "coop", Type: typePayments, Journey: journey,
		BankStatus: consent.StatusAwaitingAuthorisation, Status: consent.StatusAwaitingAuthorisation}
	var body, path string
	switch journey {
	case "DP":
		c.BenName, c.Amount = "Test Beneficiary", "10.50"
		path = "/domestic-payment-consents"
		body = `{"Data":{"Initiation":{"InstructionIdentification":"INSTR-1","EndToEndIdentification":"E2E-1",` +
			`"InstructedAmount":{"Amount":"10.50","Currency":"GBP"},"CreditorAccount":` + creditor +
			`,"RemittanceInformation":{"Reference":"INV-1"}}},"Risk":{"PaymentContextCode":"EcommerceGoods"}}`
	case "DSP":
		day := now.AddDate(0, 0, 3)
		for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday || (day.Month() == time.December && day.Day() >= 25) || (day.Month() == time.January && day.Day() == 1) {
			day = day.AddDate(0, 0, 1)
		}
		c.BenName, c.Amount, c.PaymentDate = "Test Beneficiary", "20.00", day.Format("2006-01-02")+"T00:00:00+00:00"
		path = "/domestic-scheduled-payment-consents"
		body = `{"Data":{"Permission":"Create","Initiation":{"InstructionIdentification":"INSTR-2",` +
			`"RequestedExecutionDateTime":"` + c.PaymentDate + `","InstructedAmount":{"Amount":"20.00","Currency":"GBP"},` +
			`"CreditorAccount":` + creditor + `}},"Risk":{}}`
	case "DSO":
		path = "/domestic-standing-order-consents"
		body = `{"Data":{"Permission":"Create","Initiation":{"Frequency":"IntrvlMnthDay:01:15","Reference":"RENT",` +
			`"NumberOfPayments":"12","FirstPaymentDateTime":"` + now.AddDate(0, 1, 0).Format("2006-01-02") + `T00:00:00+00:00",` +
			`"FirstPaymentAmount":{"Amount":"25.00","Currency":"GBP"},"CreditorAccount":` + creditor + `}},"Risk":{}}`
	}
	var out bankapi.PaymentConsentResponse
	if err := json.Unmarshal(f.createAtBank("payments", bankapi.PISPPath+path, []byte(body), true), &out); err != nil {
		f.t.Fatal(err)
	}
	c.ID, c.Request = out.Data.ConsentID, []byte(body)
	f.store(c)
	return f.authorise(c, false, []string{"1001"})
}

// fundsConsent creates a CBPII consent on account 1001 and authorises it.
func (f *fixture) fundsConsent(who string) *consent.Consent {
	f.t.Helper()
	body := []byte(`{"Data":{"DebtorAccount":{"SchemeName":"UK.OBIE.SortCodeAccountNumber","Identification":"08999912345678"}}}`)
	var out bankapi.OBFundsConfirmationConsentResponse1
	if err := json.Unmarshal(f.createAtBank("fundsconfirmations", bankapi.CBPIIPath+"/funds-confirmation-consents", body, false), &out); err != nil {
		f.t.Fatal(err)
	}
	c := f.store(&consent.Consent{ID: out.Data.ConsentID, Owner: who, Brand: "coop", Type: typeFunds,
		BankStatus: consent.StatusAwaitingAuthorisation, Status: consent.StatusAwaitingAuthorisation, Request: body})
	return f.authorise(c, false, []string{"1001"})
}

// authorise starts a journey for c (shared/authflow), and completes it.
func (f *fixture) authorise(c *consent.Consent, stepUp bool, accounts []string) *consent.Consent {
	f.t.Helper()
	d := f.env.Deps
	s := &authflow.Starter{Store: d.Store, Credentials: d.Credentials, Config: d.Config, Now: d.Now}
	u, _, err := s.Start(context.Background(), c, stepUp)
	if err != nil {
		f.t.Fatalf("start journey: %v", err)
	}
	return f.complete(c.ID, u, accounts)
}

// complete drives the bank's pages for an authorization URL as alice,
// exchanges the code as the callback does and returns the stored consent.
func (f *fixture) complete(consentID, authURL string, accounts []string) *consent.Consent {
	f.t.Helper()
	ctx := context.Background()
	d := f.env.Deps
	back, err := f.env.Bank.Journey(ctx, authURL, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: accounts})
	if err != nil {
		f.t.Fatalf("journey: %v", err)
	}
	code, state := back.Query().Get("code"), back.Query().Get("state")
	if code == "" {
		f.t.Fatalf("journey ended without a code: %s", back.Query().Encode())
	}
	sess, err := d.Store.ClaimAuthSession(ctx, consent.HashState(state))
	if err != nil {
		f.t.Fatal(err)
	}
	e := &exchange.Exchanger{Store: d.Store, OAuth: d.OAuth, Now: d.Now, Logger: d.Logger, Lookahead: d.Config.RefreshLookahead}
	if err := e.Complete(ctx, sess, code); err != nil {
		f.t.Fatalf("exchange: %v", err)
	}
	return f.consent(consentID)
}

func (f *fixture) consent(id string) *consent.Consent {
	f.t.Helper()
	c, err := f.env.Deps.Store.GetConsent(context.Background(), id)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func (f *fixture) tokens(id string) *consent.Tokens {
	f.t.Helper()
	tk, err := f.env.Deps.Store.GetTokens(context.Background(), id)
	if err != nil {
		f.t.Fatal(err)
	}
	return tk
}

// request is one call to the proxy.
type request struct {
	method, route string            // route template as in template.yaml
	who           string            // JWT sub; "" sends none
	params        map[string]string // path parameters
	query         string            // raw query string
	headers       map[string]string
	body          string
}

func (r request) event() events.APIGatewayV2HTTPRequest {
	path := r.route
	for k, v := range r.params {
		path = strings.ReplaceAll(path, "{"+k+"}", v)
	}
	e := events.APIGatewayV2HTTPRequest{RouteKey: r.method + " " + r.route, RawPath: path, RawQueryString: r.query,
		PathParameters: r.params, Headers: r.headers, Body: r.body}
	if r.who != "" {
		e.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: map[string]string{"sub": r.who}}}
	}
	return e
}

// call sends r through Handle.
func (f *fixture) call(r request) events.APIGatewayV2HTTPResponse {
	f.t.Helper()
	resp, err := f.h.Handle(context.Background(), r.event())
	if err != nil {
		f.t.Fatalf("Handle returned an error: %v", err)
	}
	if resp.Headers[bankapi.HeaderInteractionID] == "" {
		f.t.Errorf("%s %s: no x-fapi-interaction-id response header", r.method, r.route)
	}
	return resp
}

// aisGet is a GET of an AIS route of consent c as its owner.
func aisGet(c *consent.Consent, suffix, accountID, query string) request {
	route := "/consents/{id}/accounts"
	params := map[string]string{"id": c.ID}
	if accountID != "" {
		route += "/{accountId}" + suffix
		params["accountId"] = accountID
	}
	return request{method: http.MethodGet, route: route, who: c.Owner, params: params, query: query}
}

func problemOf(t testing.TB, resp events.APIGatewayV2HTTPResponse) httpapi.Problem {
	t.Helper()
	var p httpapi.Problem
	if resp.Headers["Content-Type"] != httpapi.ContentTypeProblem {
		t.Fatalf("status %d, Content-Type %q: not a problem: %s", resp.StatusCode, resp.Headers["Content-Type"], resp.Body)
	}
	if err := json.Unmarshal([]byte(resp.Body), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// wantProblem checks status, type and action of a problem response.
func wantProblem(t testing.TB, resp events.APIGatewayV2HTTPResponse, status int, typ, action string) httpapi.Problem {
	t.Helper()
	p := problemOf(t, resp)
	if resp.StatusCode != status || p.Type != typ || p.Action != action {
		t.Fatalf("got %d %s action %q (%s), want %d %s action %q", resp.StatusCode, p.Type, p.Action, p.Detail, status, typ, action)
	}
	return p
}

func wantOK(t testing.TB, resp events.APIGatewayV2HTTPResponse, status int) map[string]any {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d: %s", resp.StatusCode, status, resp.Body)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(resp.Body), &m); err != nil {
		t.Fatalf("body is not JSON: %v", err)
	}
	return m
}

// resourceCalls counts the bank requests under path prefix since the last reset.
func resourceCalls(b *sandbox.Bank, prefix string) int {
	n := 0
	for _, r := range b.Requests() {
		if strings.HasPrefix(r.Path, prefix) {
			n++
		}
	}
	return n
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprint(err))
	}
	return string(b)
}
