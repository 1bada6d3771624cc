package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/oauth2"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
	"github.com/coop-ob/connector/shared/consent"
)

// TestCreateEachTypeAndJourney creates every consent type and payment
// journey, checks what was sent and stored, decodes the authorization URL
// rule by rule and has the sandbox bank accept it (a redirect with code and
// the same state).
func TestCreateEachTypeAndJourney(t *testing.T) {
	f := newFixture(t)
	now := f.env.Bank.Now()
	dsp := workingDay(now, 10)
	first := workingDay(now, 20)
	creds, err := f.env.Deps.Credentials.Get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body     string
		brand, scope   string
		bankPath       string
		signed         bool
		wantPerms      []string
		wantURL        map[string]string // payment parameters expected in the URL ("" = absent)
		wantInitiation map[string]any    // a few Initiation fields of the stored request
	}{
		{name: "accounts default", body: `{"brand":"coop","type":"accounts"}`, brand: "coop", scope: "accounts+offline",
			bankPath: bankapi.AISPPath + "/account-access-consents", wantPerms: banklimits.DefaultPermissions()},
		{name: "accounts explicit smile",
			body: `{"brand":"smile","type":"accounts","permissions":["ReadAccountsBasic","ReadTransactionsBasic","ReadStandingOrdersDetail"],` +
				`"expirationDateTime":"2099-12-31T00:00:00Z","transactionFromDateTime":"2025-01-01T00:00:00+00:00","transactionToDateTime":"2025-12-31T00:00:00+01:00"}`,
			brand: "smile", scope: "accounts+offline", bankPath: bankapi.AISPPath + "/account-access-consents",
			wantPerms: []string{"ReadAccountsBasic", "ReadTransactionsBasic", "ReadStandingOrdersDetail", "ReadTransactionsCredits", "ReadTransactionsDebits"}},
		{name: "DP", body: `{"brand":"coop","type":"payments","journey":"DP","amount":"10.50","currency":"GBP",` +
			`"creditor":{"name":"Test Beneficiary & Co","sortCode":"080800","accountNumber":"21325698"},"reference":"INV-42"}`,
			brand: "coop", scope: "payments", bankPath: bankapi.PISPPath + "/domestic-payment-consents", signed: true,
			wantURL: map[string]string{"jrn_typ": "DP", "ben_name": "Test Beneficiary & Co", "amount": "10.50", "pymt_dt": ""}},
		{name: "DSP", body: `{"brand":"coop","type":"payments","journey":"DSP","amount":"250","executionDate":"` + dsp + `",` +
			`"creditor":{"name":"Landlord Ltd","sortCode":"123456","accountNumber":"12345678"},"paymentContextCode":"BillPayment"}`,
			brand: "coop", scope: "payments", bankPath: bankapi.PISPPath + "/domestic-scheduled-payment-consents", signed: true,
			wantURL: map[string]string{"jrn_typ": "DSP", "ben_name": "Landlord Ltd", "amount": "250", "pymt_dt": dsp + "T00:00:00+00:00"}},
		{name: "DSO", body: `{"brand":"smile","type":"payments","journey":"DSO","amount":"500.00","reference":"Rent",` +
			`"creditor":{"name":"Landlord","sortCode":"080800","accountNumber":"21325698"},` +
			`"standingOrder":{"frequency":"IntrvlMnthDay:01:15","numberOfPayments":12,"firstPaymentDate":"` + first + `"}}`,
			brand: "smile", scope: "payments", bankPath: bankapi.PISPPath + "/domestic-standing-order-consents", signed: true,
			wantURL:        map[string]string{"jrn_typ": "DSO", "ben_name": "", "amount": "", "pymt_dt": ""},
			wantInitiation: map[string]any{"Frequency": "IntrvlMnthDay:01:15", "NumberOfPayments": "12", "Reference": "Rent"}},
		{name: "fundsconfirmations", body: `{"brand":"coop","type":"fundsconfirmations",` +
			`"debtorAccount":{"sortCode":"089999","accountNumber":"12345678","name":"Alice Smith"},"expirationDateTime":"2099-01-01T00:00:00+00:00"}`,
			brand: "coop", scope: "fundsconfirmations+offline", bankPath: bankapi.CBPIIPath + "/funds-confirmation-consents"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			f.env.Bank.ResetRequests()
			sub := "user-" + testenv.Random(4)
			out := f.create(t, sub, tt.body)
			if len(out.ConsentID) != 36 {
				t.Fatalf("consentId %q is not 36 characters", out.ConsentID)
			}

			// What the bank received.
			posts := f.requestsTo(tt.bankPath)
			if len(posts) != 1 || posts[0].Method != "POST" || posts[0].Status != 201 {
				t.Fatalf("bank consent POSTs = %+v, want one 201", posts)
			}
			h := posts[0].Headers
			if h.Get("x-fapi-interaction-id") == "" || !posts[0].BearerAuth {
				t.Errorf("consent POST lacks interaction id or bearer token")
			}
			if got := h.Get("x-jws-signature") != "" && h.Get("x-idempotency-key") != ""; got != tt.signed {
				t.Errorf("signed and idempotent = %v, want %v", got, tt.signed)
			}
			if k := h.Get("x-idempotency-key"); len(k) > 40 {
				t.Errorf("idempotency key %d chars", len(k))
			}

			// What was stored.
			c, err := f.env.Deps.Store.GetConsent(ctx, out.ConsentID)
			if err != nil {
				t.Fatal(err)
			}
			if c.Owner != sub || c.Brand != tt.brand || c.Status != consent.StatusAwaitingAuthorisation ||
				c.BankStatus != bankapi.StatusAwaitingAuthorisation {
				t.Errorf("stored consent %+v", c)
			}
			if tt.wantPerms != nil {
				if diff := cmp.Diff(tt.wantPerms, c.Permissions); diff != "" {
					t.Errorf("permissions (-want +got):\n%s", diff)
				}
			}
			var sent map[string]map[string]json.RawMessage
			if err := json.Unmarshal(c.Request, &sent); err != nil {
				t.Fatalf("stored request is not JSON: %v", err)
			}
			if tt.signed {
				order, err := bankapi.OrderBody(c.Request, c.ID)
				if err != nil || !strings.Contains(string(order), string(sent["Data"]["Initiation"])) {
					t.Errorf("OrderBody from the stored request: %v", err)
				}
				var ini map[string]any
				_ = json.Unmarshal(sent["Data"]["Initiation"], &ini)
				for k, v := range tt.wantInitiation {
					if ini[k] != v {
						t.Errorf("Initiation.%s = %v, want %v", k, ini[k], v)
					}
				}
			}

			// The URL, rule by rule.
			endpoint, p := params(t, out.BankAuthorizationURL)
			if endpoint != f.env.Bank.AuthURL(tt.brand) {
				t.Errorf("endpoint %s, want %s", endpoint, f.env.Bank.AuthURL(tt.brand))
			}
			want := map[string]string{"response_type": "code", "client_id": creds.ClientID, "redirect_uri": testenv.RedirectURI,
				"scope": tt.scope, "code_challenge_method": "S256", "login_hint": tt.brand, "display": out.ConsentID}
			for k, v := range want {
				if p[k] != v {
					t.Errorf("%s = %q, want %q", k, p[k], v)
				}
			}
			if _, ok := p["stepUp"]; ok {
				t.Errorf("stepUp present on a first authorization")
			}
			for k, v := range tt.wantURL {
				if got, ok := p[k]; got != v || (v == "" && ok) {
					t.Errorf("%s = %q (present %v), want %q", k, got, ok, v)
				}
			}
			if len(p["state"]) < 43 {
				t.Errorf("state %d characters", len(p["state"]))
			}
			sess, err := f.env.Deps.Store.GetAuthSession(ctx, consent.HashState(p["state"]))
			if err != nil {
				t.Fatalf("auth session for the URL's state: %v", err)
			}
			if oauth2.S256ChallengeFromVerifier(sess.Verifier) != p["code_challenge"] {
				t.Errorf("code_challenge is not S256 of the stored verifier")
			}
			if sess.ConsentID != c.ID || sess.Owner != sub || sess.StepUp || sess.Reauth || !sess.TTL.Equal(out.ExpiresAt) {
				t.Errorf("session %+v, expiresAt %v", sess, out.ExpiresAt)
			}
			if d := sess.TTL.Sub(sess.CreatedAt); d > f.env.Deps.Config.AuthSessionTTL || d <= f.env.Deps.Config.AuthSessionTTL-time.Second {
				t.Errorf("session lifetime %v, want %v", d, f.env.Deps.Config.AuthSessionTTL)
			}

			// The bank accepts it.
			q := f.journey(t, out.BankAuthorizationURL)
			if q.Get("state") != p["state"] {
				t.Errorf("redirect state differs from the URL's")
			}
		})
	}
	f.env.AssertNoSecrets(t, creds.ClientSecret)
}
