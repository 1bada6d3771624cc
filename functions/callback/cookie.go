package main

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// journeyCookiePrefix starts the name of every journey cookie: __Host- makes the browser
// keep it only when it is Secure, has Path=/ and no Domain (set by this very host), and the
// rest of the name is the journey's session key (the SHA-256 of its state, hex), so the
// cookies of two journeys in one browser do not overwrite each other, and a bank redirect
// without state still names its journey. The value is a random secret of the browser that
// opened the journey link; the session stores only its hash.
const journeyCookiePrefix = "__Host-ob-"

// maxJourneyCookies bounds the journey cookies one callback looks at.
const maxJourneyCookies = 8

var stateHashSyntax lowerHex64 // ^[0-9a-f]{64}$

// lowerHex64 matches 64 lower-case hexadecimal digits (a loop, not a regular expression
// compiled at every cold start).
type lowerHex64 struct{}

func (lowerHex64) MatchString(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// newBrowserSecret returns a fresh cookie value (32 random bytes, base64url) and its hash.
func newBrowserSecret() (value, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	value = base64.RawURLEncoding.EncodeToString(b)
	return value, hashBrowserSecret(value), nil
}

func hashBrowserSecret(value string) string {
	sum := sha256.Sum256([]byte(value))
	return hex.EncodeToString(sum[:])
}

// journeyCookie is the Set-Cookie of a journey opened in this browser, kept until the
// session expires.
func journeyCookie(stateHash, value string, expires time.Time, now time.Time) string {
	return (&http.Cookie{Name: journeyCookiePrefix + stateHash, Value: value, Path: "/",
		MaxAge: max(1, int(expires.Sub(now).Seconds())), HttpOnly: true, Secure: true,
		SameSite: http.SameSiteLaxMode}).String()
}

// clearJourneyCookie removes a finished journey's cookie.
func clearJourneyCookie(stateHash string) string {
	return (&http.Cookie{Name: journeyCookiePrefix + stateHash, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}).String()
}

// journeyCookies returns the request's journey cookies: session key → value (at most
// maxJourneyCookies; malformed names are ignored).
func journeyCookies(req events.APIGatewayV2HTTPRequest) map[string]string {
	out := map[string]string{}
	var lines []string
	lines = append(lines, req.Cookies...)
	if len(lines) == 0 {
		if h := req.Headers["cookie"]; h != "" {
			lines = strings.Split(h, ";")
		}
	}
	for _, line := range lines {
		for _, c := range strings.Split(line, ";") {
			name, value, ok := strings.Cut(strings.TrimSpace(c), "=")
			hash, isJourney := strings.CutPrefix(name, journeyCookiePrefix)
			if !ok || !isJourney || !stateHashSyntax.MatchString(hash) || value == "" {
				continue
			}
			if _, seen := out[hash]; !seen && len(out) < maxJourneyCookies {
				out[hash] = value
			}
		}
	}
	return out
}

// holdsBrowser reports whether the request carries the cookie of the browser that opened
// the journey stateHash, whose hash the session keeps as browserHash.
func holdsBrowser(req events.APIGatewayV2HTTPRequest, stateHash, browserHash string) bool {
	v, ok := journeyCookies(req)[stateHash]
	return ok && browserHash != "" &&
		subtle.ConstantTimeCompare([]byte(hashBrowserSecret(v)), []byte(browserHash)) == 1
}
