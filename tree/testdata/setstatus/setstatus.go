// Package setstatus is a fixture of TestConsentWritesFound: every line marked "want" writes a
// consent's guarded field outside shared/consent, and TestOnlyConsentSetsStatus's check must
// report each of them, and nothing else.
package setstatus

import (
	"github.com/coop-ob/connector/shared/consent"
)

type wrapper struct {
	consent.Consent
	Status string // not the consent's
}

type other struct{ Status, LastAction string }

// Writes assigns the guarded fields in every form the check knows.
func Writes(c *consent.Consent, w *wrapper, o *other, list []consent.Consent) consent.Consent {
	c.Status = consent.StatusRevoked                           // want
	c.BankStatus, c.ID = "Revoked", "x"                        // want
	c.LastAction += "x"                                        // want
	(*c).LastError = ""                                        // want
	list[0].Status = consent.StatusFailed                      // want
	w.Consent.Status = consent.StatusExpired                   // want
	w.LastError = "e"                                          // want
	w.Status = "mine"                                          // not the consent's field
	o.Status, o.LastAction = "x", "y"                          // another type's fields
	p := &c.Status                                             // want
	*p = consent.StatusConsumed                                // (through the pointer taken above)
	_ = &consent.Consent{ID: "x", Status: "Authorised"}        // want
	_ = []consent.Consent{{ID: "y", BankStatus: "Authorised"}} // want
	_ = consent.AuthSession{Status: consent.SessionDone}       // another type's field
	n := consent.Consent{ID: "z", Owner: "o"}                  // no guarded field
	c.ID, c.Owner = n.ID, c.Status                             // reads are fine
	*c = n                                                     // copies are fine
	return consent.Consent{LastAction: "stepUp"}               // want
}
