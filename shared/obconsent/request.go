package obconsent

// Request is the body of POST /consents. Which fields apply depends on
// type; a field that does not apply is refused rather than ignored.
type Request struct {
	Brand string `json:"brand"`
	Type  string `json:"type"`

	// accounts
	Permissions             []string `json:"permissions"`
	TransactionFromDateTime string   `json:"transactionFromDateTime"`
	TransactionToDateTime   string   `json:"transactionToDateTime"`
	// accounts and fundsconfirmations
	ExpirationDateTime string `json:"expirationDateTime"`
	// fundsconfirmations (required) and payments (optional)
	DebtorAccount *Account `json:"debtorAccount"`

	// payments
	Journey            string         `json:"journey"`
	Amount             string         `json:"amount"`
	Currency           string         `json:"currency"`
	Creditor           *Account       `json:"creditor"`
	Reference          string         `json:"reference"`
	ExecutionDate      string         `json:"executionDate"`
	StandingOrder      *StandingOrder `json:"standingOrder"`
	PaymentContextCode string         `json:"paymentContextCode"`

	// BindBrowser (default true): the consent's journeys complete only in the browser that
	// opened their journey link. false lets them complete in any browser.
	BindBrowser *bool `json:"bindBrowser"`
}

// Account is a UK account: sort code, account number and holder name.
type Account struct {
	Name          string `json:"name"`
	SortCode      string `json:"sortCode"`
	AccountNumber string `json:"accountNumber"`
}

// StandingOrder is the DSO part of a payments request.
type StandingOrder struct {
	Frequency        string `json:"frequency"`
	NumberOfPayments int    `json:"numberOfPayments"`
	FirstPaymentDate string `json:"firstPaymentDate"`
}
