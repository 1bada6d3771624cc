package sandbox

import (
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"
)

// tokenUse is what kind of access token an endpoint takes (OB v3.1 grants table).
type tokenUse int

const (
	useClientCredentials tokenUse = iota
	useAuthCode
)

// bearerLocked authorises a request: 401 (no body) for a missing, unknown, expired or
// superseded token or one presented with another certificate (RFC 8705 §3); 403
// UK.OBIE.Reauthenticate for tokens revoked at the bank while the consent stays
// Authorised; 403 for the wrong scope or grant. It writes the refusal and returns nil.
func (b *Bank) bearerLocked(w http.ResponseWriter, r *http.Request, scope string, use tokenUse) *accessToken {
	scheme, value, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	tok, ok := b.st.access[strings.TrimSpace(value)]
	if !strings.EqualFold(scheme, "bearer") || !ok || r.TLS == nil || len(r.TLS.PeerCertificates) == 0 ||
		tok.certFP != certFingerprint(r.TLS.PeerCertificates[0].Raw) || !b.nowLocked().Before(tok.expires) {
		unauthorized(w)
		return nil
	}
	if tok.grant != nil {
		switch tok.grant.revoked {
		case "":
		case "admin":
			writeOBError(w, r, 0, obErr("UK.OBIE.Reauthenticate", "access revoked at the bank: re-authenticate the consent", ""))
			return nil
		default:
			unauthorized(w)
			return nil
		}
	}
	if tok.scope != scope {
		writeOBError(w, r, 0, obErr("UK.COOP.Forbidden", "token scope "+tok.scope+" cannot be used here (needs "+scope+")", ""))
		return nil
	}
	if (use == useAuthCode) != (tok.grant != nil) {
		want := "a client-credentials"
		if use == useAuthCode {
			want = "an authorization-code"
		}
		writeOBError(w, r, 0, obErr("UK.COOP.Forbidden", "this endpoint needs "+want+" access token", ""))
		return nil
	}
	return tok
}

// consentOfLocked is the consent an auth-code token was issued for, checked usable.
func (b *Bank) consentOfLocked(w http.ResponseWriter, r *http.Request, tok *accessToken) *consent {
	c := b.st.consents[tok.grant.consentID]
	if e := c.usable(b.nowLocked()); e != nil {
		writeOBError(w, r, 0, e)
		return nil
	}
	return c
}

// tokenForConsent refuses, with 400 UK.OBIE.Resource.ConsentMismatch at path, a call
// that names consentID with an auth-code token issued for another consent.
func tokenForConsent(w http.ResponseWriter, r *http.Request, tok *accessToken, consentID, path string) bool {
	if consentID == tok.grant.consentID {
		return true
	}
	writeOBError(w, r, 0, obErr("UK.OBIE.Resource.ConsentMismatch", "the access token was issued for another consent", path))
	return false
}

// debtorAccountLocked is the account a PIS or CBPII consent was authorised for, checked
// available (closed or barred accounts are refused).
func (b *Bank) debtorAccountLocked(w http.ResponseWriter, r *http.Request, c *consent) *account {
	a := b.st.accounts[c.Accounts[0]]
	if e := a.unavailable(); e != nil {
		writeOBError(w, r, 0, e)
		return nil
	}
	return a
}

// readJSON reads a JSON request body (415 for another content type) into v, keeping
// the exact bytes for JWS verification and idempotency.
func readJSON(w http.ResponseWriter, r *http.Request, v any) ([]byte, bool) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		writeOBError(w, r, http.StatusUnsupportedMediaType, obErr("UK.OBIE.Header.Invalid", "Content-Type must be application/json", "Content-Type"))
		return nil, false
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		writeOBError(w, r, 0, obErr("UK.OBIE.Resource.InvalidFormat", "unreadable body", ""))
		return nil, false
	}
	if err := json.Unmarshal(raw, v); err != nil {
		writeOBError(w, r, 0, obErr("UK.OBIE.Resource.InvalidFormat", "body is not valid JSON for this resource: "+err.Error(), ""))
		return nil, false
	}
	return raw, true
}

// links is the OB Links object; meta the Meta object.
type links struct {
	Self  string `json:"Self"`
	First string `json:"First,omitempty"`
	Prev  string `json:"Prev,omitempty"`
	Next  string `json:"Next,omitempty"`
	Last  string `json:"Last,omitempty"`
}

type meta struct {
	TotalPages int `json:"TotalPages,omitempty"`
}

type envelope struct {
	Data  any             `json:"Data"`
	Risk  json.RawMessage `json:"Risk,omitempty"`
	Links links           `json:"Links"`
	Meta  meta            `json:"Meta"`
}

func (b *Bank) self(r *http.Request) links {
	u := b.apiURL + r.URL.Path
	if r.URL.RawQuery != "" {
		u += "?" + r.URL.RawQuery
	}
	return links{Self: u}
}

type amount struct {
	Amount   string `json:"Amount"`
	Currency string `json:"Currency"`
}
