package bankapi

// OBFundsConfirmationConsent1 is the POST /funds-confirmation-consents body
// (client credentials; no Risk, no signature, no idempotency key).
type OBFundsConfirmationConsent1 struct {
	Data struct {
		ExpirationDateTime string      `json:"ExpirationDateTime,omitempty"`
		DebtorAccount      CashAccount `json:"DebtorAccount"`
	} `json:"Data"`
}

// OBFundsConfirmationConsentResponse1 is the funds-confirmation consent.
type OBFundsConfirmationConsentResponse1 struct {
	Data struct {
		ConsentID            string      `json:"ConsentId"`
		CreationDateTime     string      `json:"CreationDateTime"`
		Status               string      `json:"Status"`
		StatusUpdateDateTime string      `json:"StatusUpdateDateTime"`
		ExpirationDateTime   string      `json:"ExpirationDateTime,omitempty"`
		DebtorAccount        CashAccount `json:"DebtorAccount"`
	} `json:"Data"`
	Links *Links `json:"Links,omitempty"`
	Meta  *Meta  `json:"Meta,omitempty"`
}

// OBFundsConfirmation1 is the POST /funds-confirmations body (auth-code token).
type OBFundsConfirmation1 struct {
	Data struct {
		ConsentID        string `json:"ConsentId"`
		Reference        string `json:"Reference"`
		InstructedAmount Amount `json:"InstructedAmount"`
	} `json:"Data"`
}

// OBFundsConfirmationResponse1 is the funds-confirmation resource.
type OBFundsConfirmationResponse1 struct {
	Data struct {
		FundsConfirmationID string `json:"FundsConfirmationId"`
		ConsentID           string `json:"ConsentId"`
		CreationDateTime    string `json:"CreationDateTime"`
		FundsAvailable      bool   `json:"FundsAvailable"`
		Reference           string `json:"Reference"`
		InstructedAmount    Amount `json:"InstructedAmount"`
	} `json:"Data"`
	Links *Links `json:"Links,omitempty"`
	Meta  *Meta  `json:"Meta,omitempty"`
}
