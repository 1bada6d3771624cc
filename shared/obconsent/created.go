package obconsent

import (
	"encoding/json"

	"github.com/coop-ob/connector/shared/authurl"
	"github.com/coop-ob/connector/shared/bankapi"
)

// Created is what the connector reads of the bank's answer to a consent POST (the Data of
// OBReadConsentResponse1, OBWriteDomestic…ConsentResponse and
// OBFundsConfirmationConsentResponse1 alike).
type Created struct {
	Data struct {
		ConsentID string `json:"ConsentId"`
		Status    string `json:"Status"`
	} `json:"Data"`
}

// ParseCreated reads the bank's answer to a consent POST. ok is false unless it names a
// consent id of the bank's form (36 characters) and the status AwaitingAuthorisation: an
// answer the connector cannot store and authorise.
func ParseCreated(body []byte) (out Created, ok bool) {
	if err := json.Unmarshal(body, &out); err != nil || !authurl.ValidConsentID(out.Data.ConsentID) ||
		out.Data.Status != bankapi.StatusAwaitingAuthorisation {
		return out, false
	}
	return out, true
}
