package sandbox

import (
	"fmt"
	"net/url"
)

// Decoding is how the bank reads the values inside data= (every parameter but
// redirect_uri and scope, which it always takes raw). The bank's parameter
// table shows the values as they stand in the consent and says nothing more,
// so each of the three readings is possible (docs/bank-rules.md §Authorization URL).
type Decoding string

const (
	// DecodeForm reads a value as url.QueryUnescape does: %XX decoded and + a space.
	// The default, and the sandbox's only reading before the setting existed.
	DecodeForm Decoding = "form"
	// DecodePercent decodes %XX and keeps + as +.
	DecodePercent Decoding = "percent"
	// DecodeLiteral takes every value exactly as written.
	DecodeLiteral Decoding = "literal"
)

// ParseDecoding reads "form", "percent" or "literal"; "" is DecodeForm.
func ParseDecoding(s string) (Decoding, error) {
	switch d := Decoding(s); d {
	case "":
		return DecodeForm, nil
	case DecodeForm, DecodePercent, DecodeLiteral:
		return d, nil
	}
	return "", fmt.Errorf("unknown decoding %q (form, percent, literal)", s)
}

// decode reads one value.
func (d Decoding) decode(v string) (string, error) {
	switch d {
	case DecodeLiteral:
		return v, nil
	case DecodePercent:
		return url.PathUnescape(v)
	default:
		return url.QueryUnescape(v)
	}
}

// SetDecoding changes how authorization requests from now on read their values.
func (b *Bank) SetDecoding(d Decoding) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.decoding = d
}

// Decoding is the current reading of authorization values.
func (b *Bank) Decoding() Decoding {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.decoding
}
