package authurl

import (
	"strings"
)

// Values says how the values inside the data string are written (AUTH_URL_VALUES;
// docs/bank-rules.md §Authorization URL, "Three readings").
//
// The bank's parameter table shows each value as it stands in the consent
// ("Test Beneficiary", "2023-09-05T10:43:07+00:00") and says only that
// redirect_uri and scope are not %-encoded. It may compare the values
// literally, percent-decode them, or form-decode them (+ meaning a space).
type Values string

const (
	// ValuesMinimal (the default, also for "") writes each value as its text and
	// %-encodes only %, &, =, + and the bytes outside printable ASCII. Every
	// value then reads right under percent- and form-decoding, and under the
	// literal reading too unless it holds one of those characters.
	ValuesMinimal Values = "minimal"
	// ValuesLiteral writes every value exactly as it is, for a bank that
	// compares them literally. A value that would split the k=v&k=v string or
	// make it ambiguous (& or =) cannot be sent: LiteralRule refuses it.
	ValuesLiteral Values = "literal"
)

// Reading is one way the bank may read a value (Decode).
type Reading string

// The three readings of a value in the data string.
const (
	ReadLiteral Reading = "literal" // the value as written
	ReadPercent Reading = "percent" // %XX decoded; + stays +
	ReadForm    Reading = "form"    // %XX decoded and + read as a space (url.QueryUnescape)
)

// Readings lists every Reading.
var Readings = []Reading{ReadLiteral, ReadPercent, ReadForm}

// Readers returns the readings under which every value v writes comes back
// unchanged: percent and form for ValuesMinimal, literal for ValuesLiteral.
func (v Values) Readers() []Reading {
	if v == ValuesLiteral {
		return []Reading{ReadLiteral}
	}
	return []Reading{ReadPercent, ReadForm}
}

// Valid reports whether v is "", ValuesMinimal or ValuesLiteral.
func (v Values) Valid() bool { return v == "" || v == ValuesMinimal || v == ValuesLiteral }

// literalBreakers are the characters a literal value cannot hold: & ends the
// pair and = starts a value, so a bank that splits the string naively would
// read another parameter or a cut value.
const literalBreakers = "&="

// LiteralRule returns the rule value breaks when written under v, or "": with
// ValuesLiteral, a value holding & or = cannot travel. Under ValuesMinimal
// every value can.
func (v Values) LiteralRule(value string) string {
	if v == ValuesLiteral && strings.ContainsAny(value, literalBreakers) {
		return "must not contain & or = while the authorization URL carries values literally (AUTH_URL_VALUES=literal)"
	}
	return ""
}

// write writes value under v.
func (v Values) write(b *strings.Builder, value string) {
	if v == ValuesLiteral {
		b.WriteString(value)
		return
	}
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(value); i++ {
		c := value[i]
		if c < 0x20 || c > 0x7e || c == '%' || c == '&' || c == '=' || c == '+' {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&0xf])
			continue
		}
		b.WriteByte(c)
	}
}
