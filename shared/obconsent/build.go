package obconsent

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// Consent is one consent to create at the bank.
type Consent struct {
	Scope  string // client-credentials scope
	Path   string // POST path
	Body   []byte // the exact bytes sent (and signed)
	Signed bool   // PIS: x-jws-signature and x-idempotency-key
	// Local is the consent record to store once the bank has answered (its id and status
	// come from the bank's answer).
	Local consent.Consent
}

// Build validates r against the bank's limits at now (days: the bank's non-working days) and
// builds the bank request and the local consent. A request the bank would refuse returns its
// field errors (every one, worded for the app); err is only for an unexpected failure.
func Build(r *Request, now time.Time, days *banklimits.Calendar) (c *Consent, invalid []httpapi.FieldError, err error) {
	var f fieldErrors
	checkBrandType(&f, r)
	if len(f) > 0 {
		return nil, f, nil
	}
	bc := &Consent{Local: consent.Consent{Brand: r.Brand, Type: r.Type, Unbound: r.BindBrowser != nil && !*r.BindBrowser}}
	var body any
	switch r.Type {
	case authflow.TypeAccounts:
		b, exp := accountsConsent(&f, r, now)
		body, bc.Scope, bc.Path = b, "accounts", bankapi.AISPPath+"/account-access-consents"
		bc.Local.Permissions, bc.Local.ExpiresAt = b.Data.Permissions, exp
	case authflow.TypeFundsConfirmations:
		b, exp := fundsConsent(&f, r, now)
		body, bc.Scope, bc.Path = b, "fundsconfirmations", bankapi.CBPIIPath+"/funds-confirmation-consents"
		bc.Local.ExpiresAt = exp
	case authflow.TypePayments:
		pc := paymentsRequest(&f, r, now, days)
		if pc == nil {
			break
		}
		body, bc.Scope, bc.Path, bc.Signed = pc.body, "payments", bankapi.PISPPath+pc.path, true
		bc.Local.Journey, bc.Local.BenName, bc.Local.Amount, bc.Local.PaymentDate = r.Journey, pc.benName, pc.amount, pc.paymentDate
	}
	if len(f) > 0 {
		return nil, f, nil
	}
	raw, err := marshal(body)
	if err != nil {
		return nil, nil, err
	}
	bc.Body = raw
	return bc, nil, nil
}

// marshal encodes without HTML escaping (a payee "A&B" stays "A&B") and
// without the encoder's trailing newline: these bytes are signed and stored.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
