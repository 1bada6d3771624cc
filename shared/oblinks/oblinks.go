// Package oblinks turns the pagination links of the bank's OB v3.1 answers ("Links": Self,
// First, Prev, Next, Last; OB Read/Write v3.1 "Links" and "Pagination") into the connector's
// own. The bank's links point at the bank's host, which the app cannot call: each becomes the
// connector's route with one query parameter, page, an opaque token that is the base64url of
// the bank's query string for that page (filters and the bank's page number). A token decodes
// only to parameters the route accepts, each validated again, so it grants nothing a caller
// could not ask for directly.
package oblinks

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"

	"github.com/coop-ob/connector/shared/ascii"
)

// Param is the query parameter that carries a page token.
const Param = "page"

// maxToken bounds a page token.
const maxToken = 1024

// bankPageValue is the bank's own page parameter: a value safe to send back,
// ^[A-Za-z0-9._~-]{1,128}$.
func bankPageValue(v string) bool { return ascii.Word(v, 1, 128, "._~-") }

// EncodePage is the page token of the bank query q.
func EncodePage(q url.Values) string {
	return base64.RawURLEncoding.EncodeToString([]byte(q.Encode()))
}

// DecodePage returns the bank query a page token stands for, or false when the token is not
// one a Links rewrite could have issued: each parameter once, the bank's page number, or a
// filter that accept takes (nil: none).
func DecodePage(token string, accept func(name, value string) bool) (url.Values, bool) {
	if len(token) > maxToken {
		return nil, false
	}
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return nil, false
	}
	q, err := url.ParseQuery(string(raw))
	if err != nil || len(q) == 0 {
		return nil, false
	}
	for k, vs := range q {
		switch {
		case len(vs) != 1:
			return nil, false
		case k == Param && bankPageValue(vs[0]):
		case accept != nil && accept(k, vs[0]):
		default:
			return nil, false
		}
	}
	return q, true
}

// Rewrite replaces the bank's Links in a response body with the connector's: Self is what the
// app called (ownPath and its rawQuery); First, Prev, Next and Last on the same bank resource
// (bankPath) become ownPath?page=<token>; links elsewhere are dropped. A body without Links is
// returned as it is.
func Rewrite(body []byte, ownPath, rawQuery, bankPath string) []byte {
	var top map[string]json.RawMessage
	if json.Unmarshal(body, &top) != nil || top["Links"] == nil {
		return body
	}
	var links map[string]json.RawMessage
	if json.Unmarshal(top["Links"], &links) != nil {
		return body
	}
	for name, v := range links {
		var s string
		if json.Unmarshal(v, &s) != nil {
			delete(links, name)
			continue
		}
		own := ""
		if name == "Self" {
			own = ownPath
			if rawQuery != "" {
				own += "?" + rawQuery
			}
		} else if u, err := url.Parse(s); err == nil && strings.HasSuffix(u.Path, bankPath) {
			own = ownPath
			if q := u.Query(); len(q) > 0 {
				own += "?" + Param + "=" + EncodePage(q)
			}
		}
		if own == "" {
			delete(links, name)
			continue
		}
		links[name], _ = json.Marshal(own)
	}
	top["Links"], _ = json.Marshal(links)
	out, err := json.Marshal(top)
	if err != nil {
		return body
	}
	return out
}
