package sandbox

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// authorisedDP creates and authorises a DP consent; it returns consent, initiation and auth-code token.
func (f *fixture) authorisedDP() (string, map[string]any, string) {
	f.t.Helper()
	in := dpInitiation(nil)
	id := f.createPIS(kindDP, in)
	p := f.params(id, "payments").set("jrn_typ", "DP").set("ben_name", "Test Beneficiary").set("amount", "165.88")
	return id, in, f.authorise(p, JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001"}}).AccessToken
}

func orderBody(t *testing.T, id string, in map[string]any) []byte {
	return mustJSON(t, map[string]any{"Data": map[string]any{"ConsentId": id, "Initiation": in}, "Risk": map[string]any{"PaymentContextCode": "EcommerceGoods"}})
}

func TestJWSVerification(t *testing.T) {
	f := newFixture(t)
	cc := f.ccToken("payments")
	body := mustJSON(t, map[string]any{"Data": map[string]any{"Initiation": dpInitiation(nil)}, "Risk": map[string]any{}})
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	tests := []struct {
		name   string
		header func(map[string]any)
		key    *rsa.PrivateKey
		body   []byte
		sig    string
		code   string
	}{
		{name: "valid"},
		{name: "missing", sig: "-", code: "UK.OBIE.Signature.Missing"},
		{name: "not detached", sig: "a.b.c", code: "UK.OBIE.Signature.Malformed"},
		{name: "alg RS256", header: func(h map[string]any) { h["alg"] = "RS256" }, code: "UK.OBIE.Signature.InvalidClaim"},
		{name: "missing crit", header: func(h map[string]any) { delete(h, "crit") }, code: "UK.OBIE.Signature.MissingClaim"},
		{name: "crit short", header: func(h map[string]any) { h["crit"] = []string{claimIat, claimIss} }, code: "UK.OBIE.Signature.InvalidClaim"},
		{name: "wrong kid", header: func(h map[string]any) { h["kid"] = "other" }, code: "UK.OBIE.Signature.InvalidClaim"},
		{name: "wrong iss", header: func(h map[string]any) { h[claimIss] = "org/other" }, code: "UK.OBIE.Signature.InvalidClaim"},
		{name: "wrong tan", header: func(h map[string]any) { h[claimTan] = "example.com" }, code: "UK.OBIE.Signature.InvalidClaim"},
		{name: "old iat", header: func(h map[string]any) { h[claimIat] = time.Now().Add(-2 * time.Hour).Unix() }, code: "UK.OBIE.Signature.InvalidClaim"},
		{name: "b64 false", header: func(h map[string]any) { h["b64"] = false }, code: "UK.OBIE.Signature.InvalidClaim"},
		{name: "other key", key: other, code: "UK.OBIE.Signature.Invalid"},
		{name: "body tampered", body: []byte(strings.Replace(string(body), "165.88", "965.88", 1)), code: "UK.OBIE.Signature.Invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := f.header()
			if tt.header != nil {
				tt.header(h)
			}
			key := f.b.mat.signingKey
			if tt.key != nil {
				key = tt.key
			}
			sig := sign(t, key, h, body)
			if tt.sig == "-" {
				sig = ""
			} else if tt.sig != "" {
				sig = tt.sig
			}
			sent := body
			if tt.body != nil {
				sent = tt.body
			}
			s, raw := f.do("POST", pispBase+"/domestic-payment-consents", cc, sent, map[string]string{"x-idempotency-key": randomHex(8), "x-jws-signature": sig})
			if tt.code == "" {
				if s != 201 {
					t.Errorf("valid signature refused: %d %s", s, raw)
				}
				return
			}
			if s != 400 {
				t.Fatalf("status %d %s", s, raw)
			}
			if code, _ := obCode(t, raw); code != tt.code {
				t.Errorf("code %s, want %s", code, tt.code)
			}
		})
	}
	t.Run("go-jose signer", func(t *testing.T) {
		opts := (&jose.SignerOptions{}).WithType("JOSE").WithContentType("application/json").
			WithHeader("kid", f.b.mat.SigningKeyID).WithHeader(claimIat, f.b.Now().Unix()).
			WithHeader(claimIss, f.b.mat.OrganisationID+"/"+f.b.mat.SoftwareStatementID).WithHeader(claimTan, obTan).
			WithCritical(claimIat, claimIss, claimTan)
		signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.PS256, Key: f.b.mat.signingKey}, opts)
		if err != nil {
			t.Fatal(err)
		}
		obj, err := signer.Sign(body)
		if err != nil {
			t.Fatal(err)
		}
		sig, err := obj.DetachedCompactSerialize()
		if err != nil {
			t.Fatal(err)
		}
		if s, raw := f.do("POST", pispBase+"/domestic-payment-consents", cc, body, map[string]string{"x-idempotency-key": randomHex(8), "x-jws-signature": sig}); s != 201 {
			t.Errorf("go-jose signature refused: %d %s", s, raw)
		}
	})
}

func TestPISConsentValidation(t *testing.T) {
	f := newFixture(t)
	cc := f.ccToken("payments")
	post := func(k kind, in map[string]any, key string) (int, string) {
		data := map[string]any{"Initiation": in}
		if k != kindDP {
			data["Permission"] = "Create"
		}
		body := mustJSON(t, map[string]any{"Data": data, "Risk": map[string]any{}})
		s, raw := f.do("POST", pispBase+"/"+pisPaths[k].consents, cc, body, map[string]string{"x-idempotency-key": key,
			"x-jws-signature": sign(t, f.b.mat.signingKey, f.header(), body)})
		if s == 201 {
			return s, ""
		}
		code, _ := obCode(t, raw)
		return s, code
	}
	mod := func(base map[string]any, k string, v any) map[string]any {
		out := map[string]any{}
		for kk, vv := range base {
			out[kk] = vv
		}
		if v == nil {
			delete(out, k)
		} else {
			out[k] = v
		}
		return out
	}
	today := f.b.Now().Truncate(24 * time.Hour)
	sat := today.AddDate(0, 0, 7)
	for sat.Weekday() != time.Saturday {
		sat = sat.AddDate(0, 0, 1)
	}
	dsp := f.dspInitiation()
	dso := dsoInitiation(today.AddDate(0, 0, 5))
	tests := []struct {
		name string
		k    kind
		in   map[string]any
		code string
	}{
		{"DP valid", kindDP, dpInitiation(nil), ""},
		{"EUR", kindDP, mod(dpInitiation(nil), "InstructedAmount", map[string]any{"Amount": "1.00", "Currency": "EUR"}), "UK.OBIE.Unsupported.Currency"},
		{"three decimals", kindDP, mod(dpInitiation(nil), "InstructedAmount", map[string]any{"Amount": "1.001", "Currency": "GBP"}), "UK.OBIE.Field.Invalid"},
		{"zero", kindDP, mod(dpInitiation(nil), "InstructedAmount", map[string]any{"Amount": "0.00", "Currency": "GBP"}), "UK.OBIE.Field.Invalid"},
		{"short account", kindDP, mod(dpInitiation(nil), "CreditorAccount", map[string]any{"SchemeName": "UK.OBIE.SortCodeAccountNumber", "Identification": "0808001", "Name": "X"}), "UK.OBIE.Field.Invalid"},
		{"IBAN", kindDP, mod(dpInitiation(nil), "CreditorAccount", map[string]any{"SchemeName": "UK.OBIE.IBAN", "Identification": "GB29NWBK60161331926819", "Name": "X"}), "UK.OBIE.Unsupported.Scheme"},
		{"no EndToEnd", kindDP, mod(dpInitiation(nil), "EndToEndIdentification", nil), "UK.OBIE.Field.Missing"},
		{"DSP valid", kindDSP, dsp, ""},
		{"DSP today", kindDSP, mod(dsp, "RequestedExecutionDateTime", obTime(today.Add(20*time.Hour))), "UK.OBIE.Field.InvalidDate"},
		{"DSP weekend", kindDSP, mod(dsp, "RequestedExecutionDateTime", obTime(sat)), "UK.OBIE.Field.InvalidDate"},
		{"DSP three years out", kindDSP, mod(dsp, "RequestedExecutionDateTime", obTime(nextWeekday(today.AddDate(3, 0, 0)))), "UK.OBIE.Field.InvalidDate"},
		{"DSO valid", kindDSO, dso, ""},
		{"DSO open-ended", kindDSO, mod(dso, "NumberOfPayments", "999"), ""},
		{"DSO daily", kindDSO, mod(dso, "Frequency", "EvryDay"), "UK.OBIE.Unsupported.Frequency"},
		{"DSO every 3 weeks", kindDSO, mod(dso, "Frequency", "IntrvlWkDay:03:01"), "UK.OBIE.Unsupported.Frequency"},
		{"DSO 1000 payments", kindDSO, mod(dso, "NumberOfPayments", "1000"), "UK.OBIE.Field.Invalid"},
		{"DSO 0 payments", kindDSO, mod(dso, "NumberOfPayments", "0"), "UK.OBIE.Field.Invalid"},
		{"DSO no reference", kindDSO, mod(dso, "Reference", nil), "UK.OBIE.Field.Missing"},
		{"DSO no first amount", kindDSO, mod(dso, "FirstPaymentAmount", nil), "UK.OBIE.Field.Missing"},
		{"DSO end date", kindDSO, mod(dso, "FinalPaymentDateTime", obTime(today.AddDate(1, 0, 0))), "UK.OBIE.Field.Unexpected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, code := post(tt.k, tt.in, randomHex(8))
			if code != tt.code || (tt.code == "" && s != 201) {
				t.Errorf("got %d %q, want %q", s, code, tt.code)
			}
		})
	}
	t.Run("idempotency", func(t *testing.T) {
		in := dpInitiation(nil)
		body := mustJSON(t, map[string]any{"Data": map[string]any{"Initiation": in}, "Risk": map[string]any{}})
		s1, r1 := f.signedPost(pispBase+"/domestic-payment-consents", cc, "key-1", body)
		s2, r2 := f.signedPost(pispBase+"/domestic-payment-consents", cc, "key-1", body)
		if s1 != 201 || s2 != 201 || consentID(t, r1) != consentID(t, r2) {
			t.Errorf("same key and body: %d %d, ids differ", s1, s2)
		}
		in["EndToEndIdentification"] = "changed"
		changed := mustJSON(t, map[string]any{"Data": map[string]any{"Initiation": in}, "Risk": map[string]any{}})
		s3, r3 := f.signedPost(pispBase+"/domestic-payment-consents", cc, "key-1", changed)
		if code, _ := obCode(t, r3); s3 != 400 || code != "UK.OBIE.Field.Invalid" {
			t.Errorf("same key, other body: %d %s", s3, r3)
		}
		if s, code := post(kindDP, dpInitiation(nil), strings.Repeat("k", 41)); s != 400 || code != "UK.OBIE.Header.Invalid" {
			t.Errorf("41-char key: %d %s", s, code)
		}
		if s, code := post(kindDP, dpInitiation(nil), ""); s != 400 || code != "UK.OBIE.Header.Missing" {
			t.Errorf("no key: %d %s", s, code)
		}
	})
}

func TestPaymentOrder(t *testing.T) {
	f := newFixture(t)
	id, in, at := f.authorisedDP()
	s, raw := f.do("GET", pispBase+"/domestic-payment-consents/"+id+"/funds-confirmation", at, nil, nil)
	if s != 200 || !strings.Contains(string(raw), `"FundsAvailable":true`) {
		t.Errorf("funds confirmation: %d %s", s, raw)
	}
	if s, _ := f.do("GET", pispBase+"/domestic-payment-consents/"+id+"/funds-confirmation", f.ccToken("payments"), nil, nil); s != 403 {
		t.Errorf("funds confirmation with a CC token: %d", s)
	}
	wrong := dpInitiation(nil)
	wrong["InstructedAmount"] = map[string]any{"Amount": "165.89", "Currency": "GBP"}
	s, raw = f.signedPost(pispBase+"/domestic-payments", at, "o-1", orderBody(t, id, wrong))
	if code, _ := obCode(t, raw); s != 400 || code != "UK.OBIE.Resource.ConsentMismatch" {
		t.Errorf("mismatched order: %d %s", s, raw)
	}
	if s, _ := f.signedPost(pispBase+"/domestic-payments", f.ccToken("payments"), "o-2", orderBody(t, id, in)); s != 403 {
		t.Errorf("order with a CC token: %d", s)
	}
	// The bank makes the payment, then the connection drops; the retry gets the same payment.
	// A fresh connection: net/http replays a POST carrying x-idempotency-key by itself
	// when a reused connection drops, which would hide the drop.
	f.b.Fail(pispBase+"/domestic-payments", Fault{DropAfterProcessing: true})
	req, _ := http.NewRequestWithContext(f.ctx, "POST", f.b.APIURL()+pispBase+"/domestic-payments", strings.NewReader(string(orderBody(t, id, in))))
	body := orderBody(t, id, in)
	req.Header.Set("Authorization", "Bearer "+at)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("x-idempotency-key", "o-3")
	req.Header.Set("x-jws-signature", sign(t, f.b.mat.signingKey, f.header(), body))
	if resp, err := clientWith(f.b, f.b.TransportCert()).Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("dropped connection answered %d", resp.StatusCode)
	}
	if got := f.b.Payments(); len(got) != 1 || got[0].Amount != "165.88" || got[0].DebtorAccountID != "1001" {
		t.Fatalf("payments after the drop: %+v", got)
	}
	s, raw = f.signedPost(pispBase+"/domestic-payments", at, "o-3", body)
	var r struct{ Data map[string]any }
	_ = json.Unmarshal(raw, &r)
	if s != 201 || r.Data["DomesticPaymentId"] != f.b.Payments()[0].PaymentID || len(f.b.Payments()) != 1 {
		t.Errorf("retry: %d %s (payments %d)", s, raw, len(f.b.Payments()))
	}
	if info, _ := f.b.Consent(id); info.Status != statusConsumed {
		t.Errorf("consent after payment: %s", info.Status)
	}
	// The bank makes a payment and a front end answers 200 with an HTML page: the
	// payment exists all the same, and the same key gets it back.
	f.b.Fail(pispBase+"/domestic-payments", Fault{AnswerAfterProcessing: true, Status: 200, HTML: true})
	s, raw = f.signedPost(pispBase+"/domestic-payments", at, "o-3", body)
	if s != 200 || !strings.Contains(string(raw), "<html") {
		t.Errorf("answer after processing: %d %s", s, raw)
	}
	if len(f.b.Payments()) != 1 {
		t.Errorf("payments after the replaced answer: %d, want the one made", len(f.b.Payments()))
	}
	s, raw = f.signedPost(pispBase+"/domestic-payments", at, "o-4", body)
	if code, _ := obCode(t, raw); s != 400 || code != "UK.OBIE.Resource.InvalidConsentStatus" {
		t.Errorf("second payment on a consumed consent: %d %s", s, raw)
	}
	if s, raw := f.do("GET", pispBase+"/domestic-payments/"+f.b.Payments()[0].PaymentID, f.ccToken("payments"), nil, nil); s != 200 || !strings.Contains(string(raw), "AcceptedSettlementCompleted") {
		t.Errorf("GET payment: %d %s", s, raw)
	}
}

func TestScheduledAndStandingOrders(t *testing.T) {
	f := newFixture(t)
	dsp := f.dspInitiation()
	id := f.createPIS(kindDSP, dsp)
	p := f.params(id, "payments").set("jrn_typ", "DSP").set("ben_name", "Test Beneficiary").set("amount", "165.88").set("pymt_dt", dsp["RequestedExecutionDateTime"].(string))
	at := f.authorise(p, alice).AccessToken
	if s, raw := f.signedPost(pispBase+"/domestic-scheduled-payments", at, "s-1", orderBody(t, id, dsp)); s != 201 || !strings.Contains(string(raw), "DomesticScheduledPaymentId") {
		t.Errorf("scheduled payment: %d %s", s, raw)
	}
	dso := dsoInitiation(f.b.Now().AddDate(0, 0, 5))
	id = f.createPIS(kindDSO, dso)
	at = f.authorise(f.params(id, "payments").set("jrn_typ", "DSO"), alice).AccessToken
	if s, raw := f.signedPost(pispBase+"/domestic-standing-orders", at, "s-2", orderBody(t, id, dso)); s != 201 || !strings.Contains(string(raw), "DomesticStandingOrderId") {
		t.Errorf("standing order: %d %s", s, raw)
	}
	if got := f.b.Payments(); len(got) != 2 || got[0].Kind != "DSP" || got[1].Kind != "DSO" || got[1].Amount != "500.00" {
		t.Errorf("payments: %+v", got)
	}
}

func TestCBPII(t *testing.T) {
	f := newFixture(t)
	id := f.createCBPII("08999912345678")
	at := f.authorise(f.params(id, "fundsconfirmations+offline"), alice).AccessToken
	for amt, want := range map[string]string{"10.00": "true", "999999.00": "false"} {
		body := mustJSON(t, map[string]any{"Data": map[string]any{"ConsentId": id, "Reference": "chk", "InstructedAmount": map[string]any{"Amount": amt, "Currency": "GBP"}}})
		s, raw := f.do("POST", cbpiiBase+"/funds-confirmations", at, body, nil)
		if s != 201 || !strings.Contains(string(raw), `"FundsAvailable":`+want) {
			t.Errorf("%s: %d %s", amt, s, raw)
		}
	}
	_ = f.b.CloseAccount("1001")
	body := mustJSON(t, map[string]any{"Data": map[string]any{"ConsentId": id, "Reference": "chk", "InstructedAmount": map[string]any{"Amount": "1.00", "Currency": "GBP"}}})
	s, raw := f.do("POST", cbpiiBase+"/funds-confirmations", at, body, nil)
	if _, msg := obCode(t, raw); s != 400 || msg != "AccountPermanentlyUnavailable" {
		t.Errorf("closed debtor: %d %s", s, raw)
	}
}
