package authurl

import (
	"errors"
	"strings"
	"testing"
)

// payees is a corpus of real-world payee names: spaces, apostrophes, &, +,
// /, :, commas, brackets, accents, % and =, and the longest name OB allows.
var payees = []string{
	"Test Beneficiary",
	"O'Brien & Sons Ltd",
	"Marks & Spencer plc",
	"A+B Plumbing",
	"Smith/Jones Partnership",
	"Re: Flat 2, 14 High St.",
	"Dr. J. Smith-Jones (Trustee)",
	"Café Crème Brûlée",
	"Zoë Ångström",
	"100% Renewables",
	"x=y Consulting",
	"Ackroyd, Bell, Clarke & Co",
	"  spaced  out  ",
	strings.Repeat("Long Name & Co ", 24)[:maxBenNameLen],
}

// TestValuesMinimalWrites: the minimal encoding %-encodes exactly %, &, =, +
// and bytes outside printable ASCII, and leaves spaces and : as they are.
func TestValuesMinimalWrites(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Test Beneficiary":          "Test Beneficiary",
		"2026-12-15T00:00:00+00:00": "2026-12-15T00:00:00%2B00:00",
		"A&B=C+D%E":                 "A%26B%3DC%2BD%25E",
		"Café":                      "Caf%C3%A9",
		"a/b:c,d'e(f)?#~":           "a/b:c,d'e(f)?#~",
		"tab\tdel\x7f":              "tab%09del%7F",
	} {
		var b strings.Builder
		ValuesMinimal.write(&b, in)
		if b.String() != want {
			t.Errorf("minimal %q = %q, want %q", in, b.String(), want)
		}
	}
}

// TestValuesReadings builds a DP and a DSP URL for every payee of the corpus
// under each Values setting, reads it back under each reading, and checks
// which readings return every value unchanged: percent and form for the
// minimal encoding, literal for the literal one (a payee with & or = is
// refused there, naming ben_name). The minimal encoding's + of a payment
// date's offset is what fails the literal reading.
func TestValuesReadings(t *testing.T) {
	t.Parallel()
	for _, values := range []Values{ValuesMinimal, ValuesLiteral} {
		for _, journey := range []string{JourneyDomestic, JourneyScheduled} {
			for _, payee := range payees {
				p := paymentParams(journey)
				p.BenName, p.Values = payee, values
				u, err := Build(endpoint, p)
				if values == ValuesLiteral && strings.ContainsAny(payee, "&=") {
					var re *RuleError
					if !errors.As(err, &re) || re.Param != ParamBenName {
						t.Errorf("%s %s %q: Build error %v, want a RuleError on ben_name", values, journey, payee, err)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s %s %q: Build: %v", values, journey, payee, err)
				}
				for _, r := range Readings {
					got, err := DecodeAs(dataOf(t, u), r)
					ok := err == nil && sameValues(got, p)
					if want := contains(values.Readers(), r) || plain(p); want && !ok {
						t.Errorf("%s %s %q under the %s reading: a value changed (err %v)", values, journey, payee, r, err)
					}
					// The minimal encoding cannot pass the literal reading with a payment date's
					// + offset or a payee with one of the characters it encodes.
					if values == ValuesMinimal && r == ReadLiteral && !plain(p) && ok {
						t.Errorf("minimal %s %q: passed the literal reading, want a visible difference", journey, payee)
					}
				}
			}
		}
	}
}

// sameValues: the decoded payment values are the ones p was built from.
func sameValues(got [][2]string, p Params) bool {
	m := map[string]string{}
	for _, kv := range got {
		m[kv[0]] = kv[1]
	}
	return m[ParamBenName] == p.BenName && m[ParamAmount] == p.Amount && m[ParamPaymentDate] == p.PaymentDate &&
		m[ParamClientID] == p.ClientID && m[ParamDisplay] == p.ConsentID && m[ParamRedirectURI] == p.RedirectURI
}

// plain: every value of p is printable ASCII without %, &, =, + (and thus reads
// the same under all three readings whatever the setting).
func plain(p Params) bool {
	for _, v := range []string{p.BenName, p.Amount, p.PaymentDate, p.ClientID} {
		for i := 0; i < len(v); i++ {
			if c := v[i]; c < 0x20 || c > 0x7e || strings.IndexByte("%&=+", c) >= 0 {
				return false
			}
		}
	}
	return true
}

func contains(rs []Reading, r Reading) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func TestValuesLiteralRule(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"A&B", "x=y", "&", "="} {
		if ValuesLiteral.LiteralRule(v) == "" {
			t.Errorf("literal %q: no rule, want refused", v)
		}
		if ValuesMinimal.LiteralRule(v) != "" {
			t.Errorf("minimal %q: refused, want carried", v)
		}
	}
	for _, v := range []string{"A+B", "100%", "Café", "Re: x, y/z"} {
		if r := ValuesLiteral.LiteralRule(v); r != "" {
			t.Errorf("literal %q: refused (%s), want carried", v, r)
		}
	}
	p := accountsParams()
	p.Values = "other"
	if _, err := Build(endpoint, p); !errors.Is(err, ErrRule) {
		t.Errorf("Values %q: Build error %v, want ErrRule", p.Values, err)
	}
	p = accountsParams()
	p.ClientID, p.Values = "client&1", ValuesLiteral
	var re *RuleError
	if _, err := Build(endpoint, p); !errors.As(err, &re) || re.Param != ParamClientID {
		t.Errorf("literal client_id with &: Build error %v, want a RuleError on client_id", err)
	}
}
