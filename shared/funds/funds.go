// Package funds is the bank's confirmation of funds, both kinds: the CBPII confirmation sent
// once under a funds-confirmation consent (docs/bank-rules.md §Funds confirmation), and the
// check the bank offers for an authorised domestic payment consent (docs/bank-rules.md
// §Payment orders). It builds the bank request and reads the bank's answer; the caller sends it
// with the consent's auth-code token and maps the result to its response.
package funds

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
)

// ErrUnreadable is a bank answer that does not carry the confirmation it must.
var ErrUnreadable = errors.New("funds: the bank's funds confirmation could not be read")

// Request is a CBPII confirmation of funds asked for by the app.
type Request struct {
	Amount    string `json:"amount"`
	Reference string `json:"reference"`
}

// FieldError is one refused field of a Request (the app's field name).
type FieldError struct {
	Field string
	Err   error
}

// Check checks r against the bank's limits (banklimits.Amount, banklimits.FundsReference),
// every field at once, in field order.
func (r Request) Check() []FieldError {
	var errs []FieldError
	if err := banklimits.Amount(r.Amount); err != nil {
		errs = append(errs, FieldError{Field: "amount", Err: err})
	}
	if err := banklimits.FundsReference(r.Reference); err != nil {
		errs = append(errs, FieldError{Field: "reference", Err: err})
	}
	return errs
}

// ConfirmationRequest is the bank request of a CBPII confirmation of funds under consentID
// (POST /cbpii/funds-confirmations, GBP: the only currency at this bank), without its token
// and headers. It must be sent once: OB v3.1 gives this POST no idempotency key, so a resend
// after a 5xx or a lost answer could create a second confirmation (Resend is false). A 401 is
// the exception: the bank refused that request unprocessed, so it may be sent again with fresh
// tokens.
func ConfirmationRequest(consentID string, r Request) (bankapi.Request, error) {
	var order bankapi.OBFundsConfirmation1
	order.Data.ConsentID, order.Data.Reference = consentID, r.Reference
	order.Data.InstructedAmount = bankapi.Amount{Amount: r.Amount, Currency: "GBP"}
	body, err := json.Marshal(order)
	if err != nil {
		return bankapi.Request{}, err
	}
	return bankapi.Request{Method: http.MethodPost, Path: bankapi.CBPIIPath + "/funds-confirmations", Body: body}, nil
}

// Resend says whether a failed CBPII confirmation may be sent again (retried after a 429, a
// 5xx or a transport failure): never.
const Resend = false

// Confirmation is the bank's answer to a CBPII confirmation of funds.
type Confirmation struct {
	ID             string // FundsConfirmationId
	FundsAvailable bool
	CreatedAt      string // the bank's CreationDateTime, as sent
}

// ReadConfirmation reads the bank's answer to ConfirmationRequest; an answer without a
// FundsConfirmationId is ErrUnreadable.
func ReadConfirmation(body []byte) (Confirmation, error) {
	var out bankapi.OBFundsConfirmationResponse1
	if json.Unmarshal(body, &out) != nil || out.Data.FundsConfirmationID == "" {
		return Confirmation{}, ErrUnreadable
	}
	return Confirmation{ID: out.Data.FundsConfirmationID, FundsAvailable: out.Data.FundsAvailable,
		CreatedAt: out.Data.CreationDateTime}, nil
}

// PaymentJourney is the payment journey the bank confirms funds for: domestic payments only
// (not scheduled payments or standing orders).
const PaymentJourney = "DP"

// PaymentCheckRequest is the bank request of the funds check of the authorised domestic
// payment consent consentID (GET /domestic-payment-consents/{id}/funds-confirmation), without
// its token and headers. A read: it may be retried.
func PaymentCheckRequest(consentID string) bankapi.Request {
	return bankapi.Request{Method: http.MethodGet,
		Path: bankapi.PISPPath + "/domestic-payment-consents/" + consentID + "/funds-confirmation"}
}

// PaymentCheck is the bank's answer to PaymentCheckRequest.
type PaymentCheck struct {
	FundsAvailable bool
	CheckedAt      string // the bank's FundsAvailableDateTime, as sent
}

// ReadPaymentCheck reads the bank's answer to PaymentCheckRequest; an answer without a
// FundsAvailableResult is ErrUnreadable.
func ReadPaymentCheck(body []byte) (PaymentCheck, error) {
	var out bankapi.OBWriteFundsConfirmationResponse1
	if json.Unmarshal(body, &out) != nil || out.Data.FundsAvailableResult == nil {
		return PaymentCheck{}, ErrUnreadable
	}
	res := out.Data.FundsAvailableResult
	return PaymentCheck{FundsAvailable: res.FundsAvailable, CheckedAt: res.FundsAvailableDateTime}, nil
}
