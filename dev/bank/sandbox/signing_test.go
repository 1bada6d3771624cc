package sandbox

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/jws"
)

// TestSignedAnswers: every 2xx answer of the PIS endpoints carries an
// x-jws-signature that the connector's verifier accepts with the keys and
// organisation the bank publishes in its secret (a JWKS of two keys); AIS
// answers and error answers carry none; the corruptSignature fault makes the
// signature fail while the answer is otherwise the bank's.
func TestSignedAnswers(t *testing.T) {
	f := newFixture(t)
	creds, err := credentials.Parse(f.b.SecretJSON(), f.b.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(creds.BankKeys) != bankKeyCount || creds.BankOrganisationID != f.b.BankOrganisationID() {
		t.Fatalf("secret publishes %d bank keys and organisation %q", len(creds.BankKeys), creds.BankOrganisationID)
	}
	expect := jws.Expect{Keys: creds.BankKeys, Issuer: creds.BankOrganisationID, Now: f.b.Now()}
	check := func(what string, status int, body []byte, h http.Header, wantSigned bool) {
		t.Helper()
		sig := h.Get("x-jws-signature")
		switch {
		case !wantSigned && sig != "":
			t.Errorf("%s (%d): signed, want no signature", what, status)
		case wantSigned:
			if err := jws.Verify(sig, body, expect); err != nil {
				t.Errorf("%s (%d): %v", what, status, err)
			}
		}
	}
	id, in, tok := f.authorisedDP()
	cc := f.ccToken("payments")
	s, body, h := f.call(f.client, "GET", pispBase+"/domestic-payment-consents/"+id, cc, nil, nil)
	check("consent GET", s, body, h, s == 200)
	issued := f.b.IssuedSecrets()
	if last := issued[len(issued)-1]; last.Kind != SecretResponseSignature || !strings.HasSuffix(h.Get("x-jws-signature"), ".."+last.Value) {
		t.Errorf("the signature is not on the leak list: last issued %s", last.Kind)
	}
	s, body, h = f.call(f.client, "GET", pispBase+"/domestic-payment-consents/"+id+"/funds-confirmation", tok, nil, nil)
	check("funds confirmation", s, body, h, s == 200)
	order := orderBody(t, id, in)
	hdr := map[string]string{"x-idempotency-key": "k-1", "x-jws-signature": sign(t, f.b.mat.signingKey, f.header(), order)}
	s, body, h = f.call(f.client, "POST", pispBase+"/domestic-payments", tok, order, hdr)
	check("payment order", s, body, h, s == 201)
	s, body, h = f.call(f.client, "GET", pispBase+"/domestic-payments/"+paymentID(t, body), cc, nil, nil)
	check("payment GET", s, body, h, s == 200)
	s, body, h = f.call(f.client, "GET", pispBase+"/domestic-payments/nope", cc, nil, nil)
	check("unknown payment (error answer)", s, body, h, false)
	if s < 400 {
		t.Errorf("unknown payment: %d", s)
	}
	s, body, h = f.call(f.client, "POST", aispBase+"/account-access-consents", f.ccToken("accounts"),
		mustJSON(t, map[string]any{"Data": map[string]any{"Permissions": []string{"ReadAccountsBasic"}}, "Risk": map[string]any{}}), nil)
	check("AIS consent", s, body, h, false)

	f.b.Fail(pispBase+"/domestic-payments", Fault{CorruptSignature: true})
	s, body, h = f.call(f.client, "POST", pispBase+"/domestic-payments", tok, order, hdr)
	if s != 201 || h.Get("x-jws-signature") == "" || jws.Verify(h.Get("x-jws-signature"), body, expect) == nil {
		t.Errorf("corruptSignature: %d, signature verifies = %v", s, jws.Verify(h.Get("x-jws-signature"), body, expect) == nil)
	}
	if n := len(f.b.Payments()); n != 1 {
		t.Errorf("%d payments at the bank, want 1 (the resend under the same key is the same payment)", n)
	}
}

// TestMaterialGainsBankKeys: material written before the bank signed its
// answers gets signing keys on the next start, and keeps them afterwards.
func TestMaterialGainsBankKeys(t *testing.T) {
	dir := t.TempDir()
	b, err := Start(t.Context(), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	_ = b.Close()
	m, err := loadOrGenerate(dir, b.Now())
	if err != nil {
		t.Fatal(err)
	}
	m.BankSigningKeys, m.BankOrganisationID, m.bankKeys = nil, "", nil
	if err := m.write(dir); err != nil {
		t.Fatal(err)
	}
	again, err := loadOrGenerate(dir, b.Now())
	if err != nil || len(again.bankKeys) != bankKeyCount || again.BankOrganisationID == "" {
		t.Fatalf("reload: %v, %d keys", err, len(again.bankKeys))
	}
	third, err := loadOrGenerate(dir, b.Now())
	if err != nil || third.BankSigningKeys[0].Kid != again.BankSigningKeys[0].Kid {
		t.Fatalf("keys not kept: %v", err)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "secret.json"))
	if c, err := credentials.Parse(raw, b.Now()); err != nil || len(c.BankKeys) != bankKeyCount {
		t.Fatalf("secret.json after the upgrade: %v", err)
	}
}

func paymentID(t *testing.T, raw []byte) string {
	t.Helper()
	var r struct {
		Data struct{ DomesticPaymentId string }
	}
	if err := json.Unmarshal(raw, &r); err != nil || r.Data.DomesticPaymentId == "" {
		t.Fatalf("no DomesticPaymentId in %s", raw)
	}
	return r.Data.DomesticPaymentId
}
