package main

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	awscreds "github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/coop-ob/connector/dev/resulttest"
	"github.com/coop-ob/connector/dev/testenv"
	ourkms "github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/resultsig"
)

// withSigner gives the fixture's handler a result signer over a fresh KMS key in kumo
// (ECC_NIST_P256, SIGN_VERIFY, as template.yaml declares it).
func (f *fixture) withSigner() {
	f.t.Helper()
	cfg := aws.Config{Region: "eu-west-2", Credentials: awscreds.NewStaticCredentialsProvider("test", "test", "")}
	out, err := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(testenv.KumoURL()) }).
		CreateKey(f.ctx, &kms.CreateKeyInput{KeySpec: kmstypes.KeySpecEccNistP256, KeyUsage: kmstypes.KeyUsageTypeSignVerify})
	if err != nil {
		f.t.Fatal(err)
	}
	client := ourkms.NewFromConfig(cfg, func(o *ourkms.Options) { o.Endpoint = testenv.KumoURL() }) // the connector's
	f.h.WithSigner(&resultsig.Signer{KMS: client, KeyID: aws.ToString(out.KeyMetadata.Arn), Now: f.env.Deps.Now})
}

func (f *fixture) jwks() events.APIGatewayV2HTTPResponse {
	f.t.Helper()
	resp, err := f.h.Handle(f.ctx, events.APIGatewayV2HTTPRequest{Version: "2.0", RouteKey: routeJWKS, RawPath: "/.well-known/jwks.json"})
	if err != nil {
		f.t.Fatal(err)
	}
	return resp
}

// TestSignedResult: the redirect to RESULT_URL carries, next to consentId and outcome, a
// compact JWS (ES256) whose kid names the key of GET /.well-known/jwks.json (public,
// cacheable) and whose claims are the consent, the outcome, the owner's sub, iat, exp five
// minutes later and a jti unique per result. It verifies; a result with an altered payload,
// or checked after its expiry, does not. Without a signer there is no result and no JWKS.
func TestSignedResult(t *testing.T) {
	f := newFixture(t)
	if resp := f.jwks(); resp.StatusCode != http.StatusNotFound {
		t.Errorf("JWKS without a signer: %d, want 404", resp.StatusCode)
	}
	f.withSigner()
	keys := f.jwks()
	if keys.StatusCode != http.StatusOK || keys.Headers["Cache-Control"] != "public, max-age=300" || keys.Headers["Content-Type"] != "application/json" {
		t.Fatalf("JWKS: %d %v", keys.StatusCode, keys.Headers)
	}
	var set struct{ Keys []map[string]string }
	if err := json.Unmarshal([]byte(keys.Body), &set); err != nil || len(set.Keys) != 1 || set.Keys[0]["kty"] != "EC" ||
		set.Keys[0]["crv"] != "P-256" || set.Keys[0]["alg"] != "ES256" || set.Keys[0]["use"] != "sig" || set.Keys[0]["kid"] == "" {
		t.Fatalf("JWKS body %s", keys.Body)
	}

	seen := map[string]bool{}
	for _, declined := range []bool{false, true} {
		c := f.createConsent(typeAIS)
		l := f.begin(c, false)
		a := browser{}
		f.open(a, l.Ref)
		o, outcome := alice, OutcomeAuthorised
		if declined {
			o.Decline, outcome = true, OutcomeConsentDeclined
		}
		resp := f.callbackIn(a, f.drive(l.journey, o))
		loc, err := url.Parse(resp.Headers["Location"])
		if err != nil || resp.StatusCode != http.StatusFound {
			t.Fatalf("callback: %d %v", resp.StatusCode, err)
		}
		q := loc.Query()
		result := q.Get("result")
		if q.Get("consentId") != c.ID || q.Get("outcome") != outcome || strings.Count(result, ".") != 2 {
			t.Fatalf("result URL query %v: want consentId, outcome and a compact JWS", q)
		}
		now := f.env.Deps.Now()
		std, own, err := resulttest.Verify([]byte(keys.Body), result, now)
		if err != nil {
			t.Fatalf("the signed result does not verify: %v", err)
		}
		header, _ := base64.RawURLEncoding.DecodeString(strings.Split(result, ".")[0])
		if !strings.Contains(string(header), `"kid":"`+set.Keys[0]["kid"]+`"`) || !strings.Contains(string(header), `"alg":"ES256"`) {
			t.Errorf("header %s: want alg ES256 and the JWKS's kid", header)
		}
		if own.ConsentID != c.ID || own.Outcome != outcome || std.Subject != owner || std.ID == "" || seen[std.ID] ||
			std.Expiry.Time().Sub(std.IssuedAt.Time()) != 5*time.Minute || std.IssuedAt.Time().After(now) {
			t.Errorf("claims %+v %+v: want consent %s, outcome %s, sub %s, a fresh jti, exp = iat + 5m", std, own, c.ID, outcome, owner)
		}
		seen[std.ID] = true
		if _, _, err := resulttest.Verify([]byte(keys.Body), result, now.Add(5*time.Minute+time.Second)); err == nil {
			t.Error("an expired result verifies")
		}
		parts := strings.Split(result, ".")
		payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
		forged := strings.Replace(string(payload), `"outcome":"`+outcome+`"`, `"outcome":"authorised_x"`, 1)
		if forged == string(payload) {
			t.Fatal("payload without the outcome")
		}
		tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(forged)) + "." + parts[2]
		if _, _, err := resulttest.Verify([]byte(keys.Body), tampered, now); err == nil {
			t.Error("a tampered result verifies")
		}
	}
}
