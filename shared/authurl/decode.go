package authurl

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Decode reverses the encoding of the data parameter the way the sandbox
// bank has always read it: DecodeAs with ReadForm.
func Decode(dataParam string) ([][2]string, error) { return DecodeAs(dataParam, ReadForm) }

// DecodeAs reads the data parameter as a bank that reads values by r would:
// base64url (no padding), split on &, split each pair on its first =,
// redirect_uri and scope raw, every other value read by r (ReadLiteral: as
// is; ReadPercent: %XX decoded, + kept; ReadForm: url.QueryUnescape). It
// rejects unknown and duplicate names. It is meant for tests and debugging;
// errors never carry parameter values.
func DecodeAs(dataParam string, r Reading) ([][2]string, error) {
	b, err := base64.RawURLEncoding.DecodeString(dataParam)
	if err != nil {
		return nil, fmt.Errorf("authurl: data is not base64url without padding: %w", err)
	}
	var out [][2]string
	seen := map[string]bool{}
	for i, pair := range strings.Split(string(b), "&") {
		k, v, ok := strings.Cut(pair, "=")
		if !ok {
			return nil, fmt.Errorf("authurl: pair %d has no '='", i)
		}
		if !slices.Contains(order, k) {
			return nil, fmt.Errorf("authurl: unknown parameter %q", k)
		}
		if seen[k] {
			return nil, fmt.Errorf("authurl: duplicate parameter %q", k)
		}
		seen[k] = true
		if !raw(k) {
			if v, err = read(v, r); err != nil {
				return nil, fmt.Errorf("authurl: parameter %q: bad escape", k)
			}
		}
		out = append(out, [2]string{k, v})
	}
	return out, nil
}

func read(v string, r Reading) (string, error) {
	switch r {
	case ReadLiteral:
		return v, nil
	case ReadPercent:
		return url.PathUnescape(v)
	case ReadForm:
		return url.QueryUnescape(v)
	}
	return "", fmt.Errorf("authurl: unknown reading %q", r)
}
