package obconsent

import (
	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/httpapi"
)

// AuthValues checks that the values c's authorization URL will carry (ben_name,
// amount, pymt_dt: the consent's own, exactly) can be written as values says,
// and names the request field of each one that cannot. With
// authurl.ValuesLiteral a payee name holding & or = cannot travel
// (docs/bank-rules.md §Authorization URL); the app gets a 400 before the
// consent is created at the bank.
func AuthValues(c *Consent, values authurl.Values) []httpapi.FieldError {
	var f fieldErrors
	for _, v := range []struct{ field, value string }{
		{"creditor.name", c.Local.BenName}, {"amount", c.Local.Amount}, {"executionDate", c.Local.PaymentDate},
	} {
		if r := values.LiteralRule(v.value); r != "" {
			f.add(v.field, r)
		}
	}
	return f
}
