package refreshtest

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/exchange"
	"github.com/coop-ob/connector/shared/jws"
)

// AuthoriseDP creates a domestic payment consent (10.50 GBP) at the bank
// (signed, client-credentials token) and in the store, authorises it through
// the bank's pages as alice and exchanges the code as the callback does. It
// returns the stored consent, ready to pay (shared/payment).
func AuthoriseDP(t testing.TB, env *testenv.Env) *consent.Consent {
	t.Helper()
	ctx := context.Background()
	d := env.Deps
	body := []byte(`{"Data":{"Initiation":{"InstructionIdentification":"INSTR-1","EndToEndIdentification":"E2E-1",` +
		`"InstructedAmount":{"Amount":"10.50","Currency":"GBP"},"CreditorAccount":{"SchemeName":"UK.OBIE.SortCodeAccountNumber",` +
		`"Identification":"40400411223344","Name":"Test Beneficiary"},"RemittanceInformation":{"Reference":"INV-1"}}},` +
		`"Risk":{"PaymentContextCode":"EcommerceGoods"}}`)
	cc, err := d.OAuth.ClientCredentials(ctx, "payments")
	if err != nil {
		t.Fatal(err)
	}
	creds, err := d.Credentials.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := jws.Sign(body, creds.SigningKey, creds.SigningKeyID, creds.OrganisationID+"/"+creds.SoftwareStatementID, d.Now())
	if err != nil {
		t.Fatal(err)
	}
	resp, err := d.Bank.Do(ctx, bankapi.Request{Method: http.MethodPost, Path: bankapi.PISPPath + "/domestic-payment-consents",
		Body: body, AccessToken: cc.AccessToken, JWSSignature: sig, IdempotencyKey: testenv.Random(8)})
	if err != nil {
		t.Fatalf("create consent at the bank: %v", err)
	}
	var out bankapi.PaymentConsentResponse
	if err := json.Unmarshal(resp.Body, &out); err != nil {
		t.Fatal(err)
	}
	c := &consent.Consent{ID: out.Data.ConsentID, Owner: Owner, Brand: "coop", Type: "payments", Journey: "DP",
		BenName: "Test Beneficiary", Amount: "10.50", Request: body}
	if _, err := consent.Apply(c, consent.Created, d.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if err := d.Store.CreateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	s := &authflow.Starter{Store: d.Store, Credentials: d.Credentials, Config: d.Config, Now: d.Now}
	u, _, err := s.Start(ctx, c, false)
	if err != nil {
		t.Fatal(err)
	}
	back, err := env.Bank.Journey(ctx, u, sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001"}})
	if err != nil {
		t.Fatalf("journey: %v", err)
	}
	sess, err := d.Store.ClaimAuthSession(ctx, consent.HashState(back.Query().Get("state")))
	if err != nil {
		t.Fatal(err)
	}
	e := &exchange.Exchanger{Store: d.Store, OAuth: d.OAuth, Now: d.Now, Logger: d.Logger, Lookahead: d.Config.RefreshLookahead}
	if err := e.Complete(ctx, sess, back.Query().Get("code")); err != nil {
		t.Fatalf("exchange: %v", err)
	}
	got, err := d.Store.GetConsent(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}
