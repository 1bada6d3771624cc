package main

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"

	"github.com/coop-ob/connector/shared/httpapi"
)

// Pagination (OB "Links"): the bank's Links point at the bank's host, which
// the app cannot call. The proxy rewrites them to its own route with one
// query parameter, page: an opaque token that is the base64url of the bank's
// query string for that page (filters and the bank's page number). A token
// decodes only to parameters the route accepts, each validated again, so it
// grants nothing a caller could not ask for directly.

const maxPageToken = 1024

var bankPageValue = regexp.MustCompile(`^[A-Za-z0-9._~-]{1,128}$`)

func encodePage(q url.Values) string {
	return base64.RawURLEncoding.EncodeToString([]byte(q.Encode()))
}

// decodePage returns the bank query a page token stands for.
func decodePage(token string, dates bool) (url.Values, *httpapi.Problem) {
	bad := func() *httpapi.Problem {
		p := httpapi.InvalidRequest("The page token is not one this route issued.",
			httpapi.FieldError{Field: "page", Message: "must be a token from a Links URL of an earlier response"})
		return &p
	}
	if len(token) > maxPageToken {
		return nil, bad()
	}
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return nil, bad()
	}
	q, err := url.ParseQuery(string(raw))
	if err != nil || len(q) == 0 {
		return nil, bad()
	}
	for k, vs := range q {
		if len(vs) != 1 {
			return nil, bad()
		}
		switch {
		case k == "page" && bankPageValue.MatchString(vs[0]):
		case dates && (k == paramFrom || k == paramTo):
			if _, fe := parseQueryDate(k, vs[0]); fe != nil {
				return nil, bad()
			}
		default:
			return nil, bad()
		}
	}
	return q, nil
}

// rewriteLinks replaces the bank's Links in a response body with the
// connector's: Self is what the app called; First, Prev, Next and Last on the
// same bank resource become ownPath?page=<token>; links elsewhere are
// dropped. A body without Links is returned as it is.
func rewriteLinks(body []byte, ownPath, rawQuery, bankPath string) []byte {
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
				own += "?page=" + encodePage(q)
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
