package bankapi

import "encoding/json"

// OBReadConsent1 is the POST /account-access-consents body (client
// credentials token; no signature, no idempotency key).
type OBReadConsent1 struct {
	Data OBReadConsent1Data `json:"Data"`
	Risk struct{}           `json:"Risk"` // always {} for AIS
}

// OBReadConsent1Data is OBReadConsent1.Data.
type OBReadConsent1Data struct {
	Permissions             []string `json:"Permissions"`
	ExpirationDateTime      string   `json:"ExpirationDateTime,omitempty"`
	TransactionFromDateTime string   `json:"TransactionFromDateTime,omitempty"`
	TransactionToDateTime   string   `json:"TransactionToDateTime,omitempty"`
}

// OBReadConsentResponse1 is the account-access-consent resource.
type OBReadConsentResponse1 struct {
	Data  OBReadConsentResponse1Data `json:"Data"`
	Risk  json.RawMessage            `json:"Risk,omitempty"`
	Links *Links                     `json:"Links,omitempty"`
	Meta  *Meta                      `json:"Meta,omitempty"`
}

// OBReadConsentResponse1Data is OBReadConsentResponse1.Data.
type OBReadConsentResponse1Data struct {
	ConsentID               string   `json:"ConsentId"`
	Status                  string   `json:"Status"`
	CreationDateTime        string   `json:"CreationDateTime"`
	StatusUpdateDateTime    string   `json:"StatusUpdateDateTime"`
	Permissions             []string `json:"Permissions"`
	ExpirationDateTime      string   `json:"ExpirationDateTime,omitempty"`
	TransactionFromDateTime string   `json:"TransactionFromDateTime,omitempty"`
	TransactionToDateTime   string   `json:"TransactionToDateTime,omitempty"`
}
