package sandbox

import (
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestDecodings: each reading of the authorization values accepts exactly the
// encodings that bring the consent's payee name back unchanged. A form-encoded
// space (+) is wrong under the percent and literal readings, a %-encoded
// character under the literal one, and a literal + under the form one.
func TestDecodings(t *testing.T) {
	f := newFixture(t)
	minimal := func(v string) string { // what the connector sends by default
		r := strings.NewReplacer("%", "%25", "&", "%26", "=", "%3D", "+", "%2B")
		return r.Replace(v)
	}
	literal := func(v string) string { return v }
	tests := []struct {
		name  string
		payee string
		enc   func(string) string
		ok    map[Decoding]bool
	}{
		{"form-encoded", "A+B & Sons", url.QueryEscape, map[Decoding]bool{DecodeForm: true}},
		{"minimal", "A+B & Sons", minimal, map[Decoding]bool{DecodeForm: true, DecodePercent: true}},
		{"literal plus", "A+B Sons", literal, map[Decoding]bool{DecodeLiteral: true, DecodePercent: true}},
		{"literal space", "Test Beneficiary", literal, map[Decoding]bool{DecodeLiteral: true, DecodePercent: true, DecodeForm: true}},
	}
	for _, tt := range tests {
		for _, d := range []Decoding{DecodeForm, DecodePercent, DecodeLiteral} {
			t.Run(tt.name+"/"+string(d), func(t *testing.T) {
				f.b.SetDecoding(d)
				in := dpInitiation(nil)
				in["CreditorAccount"].(map[string]any)["Name"] = tt.payee
				id := f.createPIS(kindDP, in)
				p := f.params(id, "payments").set("jrn_typ", "DP").set("ben_name", tt.payee).set("amount", "165.88")
				var parts []string
				for _, kv := range p {
					v := kv[1]
					if kv[0] != "redirect_uri" && kv[0] != "scope" {
						v = tt.enc(v)
					}
					parts = append(parts, kv[0]+"="+v)
				}
				u := f.b.AuthURL("coop") + "?data=" + base64.RawURLEncoding.EncodeToString([]byte(strings.Join(parts, "&")))
				_, err := f.b.Journey(f.ctx, u, JourneyOptions{User: "alice", Password: "password", Decline: true})
				var je *JourneyError
				switch {
				case tt.ok[d] && err != nil:
					t.Errorf("refused: %v", err)
				case !tt.ok[d] && (!errors.As(err, &je) || je.Status != http.StatusBadRequest || je.Rule != "ben_name"):
					t.Errorf("got %v, want a 400 page naming ben_name", err)
				}
			})
		}
	}
	if _, err := ParseDecoding("html"); err == nil {
		t.Error("ParseDecoding accepted html")
	}
}

// TestAdminDecoding: POST /admin/decoding sets the reading; an unknown one is a 400.
func TestAdminDecoding(t *testing.T) {
	f := newFixture(t)
	post := func(body string) int {
		resp, err := http.Post(f.b.AdminURL()+"/admin/decoding", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := post(`{"decoding":"percent"}`); s != http.StatusNoContent || f.b.Decoding() != DecodePercent {
		t.Errorf("percent: %d, decoding %s", s, f.b.Decoding())
	}
	if s := post(`{"decoding":"html"}`); s != http.StatusBadRequest || f.b.Decoding() != DecodePercent {
		t.Errorf("html: %d, decoding %s", s, f.b.Decoding())
	}
}
