package bankapi

import "encoding/json"

// Models follow OB Read/Write v3.1.10 (the OB OpenAPI files, docs/bank-rules.md §API version); JSON names
// are exactly OB's, Go names follow Go style (ConsentID for ConsentId).
// Dates stay strings so that the bank's exact text survives a round trip;
// parts the connector passes through untouched are json.RawMessage.

// Links is the OB Links object (pagination: follow Next until absent).
type Links struct {
	Self  string `json:"Self"`
	First string `json:"First,omitempty"`
	Prev  string `json:"Prev,omitempty"`
	Next  string `json:"Next,omitempty"`
	Last  string `json:"Last,omitempty"`
}

// Meta is the OB Meta object.
type Meta struct {
	TotalPages             int    `json:"TotalPages,omitempty"`
	FirstAvailableDateTime string `json:"FirstAvailableDateTime,omitempty"`
	LastAvailableDateTime  string `json:"LastAvailableDateTime,omitempty"`
}

// Amount is OBActiveOrHistoricCurrencyAndAmount: Amount is a decimal string
// (^\d{1,13}$|^\d{1,13}\.\d{1,5}$), Currency ISO 4217 (GBP at this bank).
type Amount struct {
	Amount   string `json:"Amount"`
	Currency string `json:"Currency"`
}

// CashAccount is OBCashAccount (creditor, debtor, CBPII account).
type CashAccount struct {
	SchemeName              string `json:"SchemeName"` // UK.OBIE.SortCodeAccountNumber, UK.OBIE.PAN, …
	Identification          string `json:"Identification"`
	Name                    string `json:"Name,omitempty"`
	SecondaryIdentification string `json:"SecondaryIdentification,omitempty"`
}

// RemittanceInformation is OBRemittanceInformation1.
type RemittanceInformation struct {
	Unstructured string `json:"Unstructured,omitempty"`
	Reference    string `json:"Reference,omitempty"`
}

// Debtor is OBDebtorIdentification1, returned after authorisation.
type Debtor struct {
	Name string `json:"Name,omitempty"`
}

// Risk is OBRisk1 (PIS). Unknown parts stay raw.
type Risk struct {
	PaymentContextCode             string          `json:"PaymentContextCode,omitempty"`
	MerchantCategoryCode           string          `json:"MerchantCategoryCode,omitempty"`
	MerchantCustomerIdentification string          `json:"MerchantCustomerIdentification,omitempty"`
	DeliveryAddress                json.RawMessage `json:"DeliveryAddress,omitempty"`
}

// OBErrorResponse1 is the bank's error body (docs/bank-rules.md §Error body); Do parses
// it leniently into *Error.
type OBErrorResponse1 struct {
	Code    string        `json:"Code"`
	ID      string        `json:"Id,omitempty"`
	Message string        `json:"Message"`
	Errors  []ErrorDetail `json:"Errors"`
}

// Consent statuses (v3.1; docs/bank-rules.md §Statuses).
const (
	StatusAwaitingAuthorisation = "AwaitingAuthorisation"
	StatusAuthorised            = "Authorised"
	StatusRejected              = "Rejected"
	StatusRevoked               = "Revoked"
	StatusConsumed              = "Consumed"
)

// Payment-order statuses (v3.1; docs/bank-rules.md §Statuses).
const (
	StatusPending                           = "Pending"
	StatusAcceptedSettlementInProcess       = "AcceptedSettlementInProcess"
	StatusAcceptedSettlementCompleted       = "AcceptedSettlementCompleted"
	StatusAcceptedWithoutPosting            = "AcceptedWithoutPosting"
	StatusAcceptedCreditSettlementCompleted = "AcceptedCreditSettlementCompleted"
	StatusInitiationPending                 = "InitiationPending"
	StatusInitiationFailed                  = "InitiationFailed"
	StatusInitiationCompleted               = "InitiationCompleted"
	StatusCancelled                         = "Cancelled"
)
