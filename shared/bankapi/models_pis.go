package bankapi

import "encoding/json"

// DomesticInitiation is OBWriteDomestic2DataInitiation (DP).
type DomesticInitiation struct {
	InstructionIdentification string                 `json:"InstructionIdentification"`
	EndToEndIdentification    string                 `json:"EndToEndIdentification"`
	LocalInstrument           string                 `json:"LocalInstrument,omitempty"`
	InstructedAmount          Amount                 `json:"InstructedAmount"`
	DebtorAccount             *CashAccount           `json:"DebtorAccount,omitempty"`
	CreditorAccount           CashAccount            `json:"CreditorAccount"`
	CreditorPostalAddress     json.RawMessage        `json:"CreditorPostalAddress,omitempty"`
	RemittanceInformation     *RemittanceInformation `json:"RemittanceInformation,omitempty"`
	SupplementaryData         json.RawMessage        `json:"SupplementaryData,omitempty"`
}

// DomesticScheduledInitiation is OBWriteDomesticScheduled2DataInitiation (DSP).
type DomesticScheduledInitiation struct {
	InstructionIdentification  string                 `json:"InstructionIdentification"`
	EndToEndIdentification     string                 `json:"EndToEndIdentification,omitempty"`
	LocalInstrument            string                 `json:"LocalInstrument,omitempty"`
	RequestedExecutionDateTime string                 `json:"RequestedExecutionDateTime"`
	InstructedAmount           Amount                 `json:"InstructedAmount"`
	DebtorAccount              *CashAccount           `json:"DebtorAccount,omitempty"`
	CreditorAccount            CashAccount            `json:"CreditorAccount"`
	CreditorPostalAddress      json.RawMessage        `json:"CreditorPostalAddress,omitempty"`
	RemittanceInformation      *RemittanceInformation `json:"RemittanceInformation,omitempty"`
	SupplementaryData          json.RawMessage        `json:"SupplementaryData,omitempty"`
}

// DomesticStandingOrderInitiation is OBWriteDomesticStandingOrder3DataInitiation
// (DSO). The bank needs Frequency, NumberOfPayments, FirstPaymentDateTime,
// FirstPaymentAmount and Reference, and supports no final payment date
// (docs/bank-rules.md §PIS limits).
type DomesticStandingOrderInitiation struct {
	Frequency                string          `json:"Frequency"` // IntrvlWkDay:X:Y or IntrvlMnthDay:X:Y
	Reference                string          `json:"Reference,omitempty"`
	NumberOfPayments         string          `json:"NumberOfPayments,omitempty"` // 1–998; 999 open-ended
	FirstPaymentDateTime     string          `json:"FirstPaymentDateTime"`
	RecurringPaymentDateTime string          `json:"RecurringPaymentDateTime,omitempty"`
	FinalPaymentDateTime     string          `json:"FinalPaymentDateTime,omitempty"`
	FirstPaymentAmount       Amount          `json:"FirstPaymentAmount"`
	RecurringPaymentAmount   *Amount         `json:"RecurringPaymentAmount,omitempty"`
	FinalPaymentAmount       *Amount         `json:"FinalPaymentAmount,omitempty"`
	DebtorAccount            *CashAccount    `json:"DebtorAccount,omitempty"`
	CreditorAccount          CashAccount     `json:"CreditorAccount"`
	SupplementaryData        json.RawMessage `json:"SupplementaryData,omitempty"`
}

// OBWriteDomesticConsent4 is the POST /domestic-payment-consents body (signed,
// idempotency key).
type OBWriteDomesticConsent4 struct {
	Data struct {
		Initiation     DomesticInitiation `json:"Initiation"`
		Authorisation  json.RawMessage    `json:"Authorisation,omitempty"`
		SCASupportData json.RawMessage    `json:"SCASupportData,omitempty"`
	} `json:"Data"`
	Risk Risk `json:"Risk"`
}

// OBWriteDomesticScheduledConsent4 is the POST
// /domestic-scheduled-payment-consents body.
type OBWriteDomesticScheduledConsent4 struct {
	Data struct {
		Permission     string                      `json:"Permission"` // "Create"
		Initiation     DomesticScheduledInitiation `json:"Initiation"`
		Authorisation  json.RawMessage             `json:"Authorisation,omitempty"`
		SCASupportData json.RawMessage             `json:"SCASupportData,omitempty"`
	} `json:"Data"`
	Risk Risk `json:"Risk"`
}

// OBWriteDomesticStandingOrderConsent5 is the POST
// /domestic-standing-order-consents body.
type OBWriteDomesticStandingOrderConsent5 struct {
	Data struct {
		Permission     string                          `json:"Permission"` // "Create"
		Initiation     DomesticStandingOrderInitiation `json:"Initiation"`
		Authorisation  json.RawMessage                 `json:"Authorisation,omitempty"`
		SCASupportData json.RawMessage                 `json:"SCASupportData,omitempty"`
	} `json:"Data"`
	Risk Risk `json:"Risk"`
}

// PaymentConsentResponse is the payment-consent resource of all three
// journeys (OBWriteDomesticConsentResponse5, OBWriteDomesticScheduledConsent
// Response5, OBWriteDomesticStandingOrderConsentResponse6). Initiation is
// kept raw: it is the journey's Initiation as the bank holds it.
type PaymentConsentResponse struct {
	Data struct {
		ConsentID                  string          `json:"ConsentId"`
		Status                     string          `json:"Status"`
		CreationDateTime           string          `json:"CreationDateTime"`
		StatusUpdateDateTime       string          `json:"StatusUpdateDateTime"`
		Permission                 string          `json:"Permission,omitempty"`
		CutOffDateTime             string          `json:"CutOffDateTime,omitempty"`
		ExpectedExecutionDateTime  string          `json:"ExpectedExecutionDateTime,omitempty"`
		ExpectedSettlementDateTime string          `json:"ExpectedSettlementDateTime,omitempty"`
		Charges                    json.RawMessage `json:"Charges,omitempty"`
		Initiation                 json.RawMessage `json:"Initiation"`
		Authorisation              json.RawMessage `json:"Authorisation,omitempty"`
		Debtor                     *Debtor         `json:"Debtor,omitempty"`
	} `json:"Data"`
	Risk  json.RawMessage `json:"Risk,omitempty"`
	Links *Links          `json:"Links,omitempty"`
	Meta  *Meta           `json:"Meta,omitempty"`
}

// OBWriteDomesticConsentResponse5 is the domestic-payment-consent resource.
type OBWriteDomesticConsentResponse5 = PaymentConsentResponse

// OBWriteDomesticScheduledConsentResponse5 is the scheduled-payment consent.
type OBWriteDomesticScheduledConsentResponse5 = PaymentConsentResponse

// OBWriteDomesticStandingOrderConsentResponse6 is the standing-order consent.
type OBWriteDomesticStandingOrderConsentResponse6 = PaymentConsentResponse

// PaymentOrder is the body of POST /domestic-payments (OBWriteDomestic2),
// /domestic-scheduled-payments (OBWriteDomesticScheduled2) and
// /domestic-standing-orders (OBWriteDomesticStandingOrder3). Initiation and
// Risk must be the consent's, byte for byte: build it with OrderBody.
type PaymentOrder struct {
	Data struct {
		ConsentID  string          `json:"ConsentId"`
		Initiation json.RawMessage `json:"Initiation"`
	} `json:"Data"`
	Risk json.RawMessage `json:"Risk"`
}

// OBWriteDomestic2 is the domestic payment order.
type OBWriteDomestic2 = PaymentOrder

// OBWriteDomesticScheduled2 is the scheduled payment order.
type OBWriteDomesticScheduled2 = PaymentOrder

// OBWriteDomesticStandingOrder3 is the standing order.
type OBWriteDomesticStandingOrder3 = PaymentOrder

// PaymentOrderResponse is a payment-order resource (OBWriteDomesticResponse5,
// OBWriteDomesticScheduledResponse5, OBWriteDomesticStandingOrderResponse6);
// ID returns whichever id the journey has.
type PaymentOrderResponse struct {
	Data struct {
		DomesticPaymentID          string          `json:"DomesticPaymentId,omitempty"`
		DomesticScheduledPaymentID string          `json:"DomesticScheduledPaymentId,omitempty"`
		DomesticStandingOrderID    string          `json:"DomesticStandingOrderId,omitempty"`
		ConsentID                  string          `json:"ConsentId"`
		CreationDateTime           string          `json:"CreationDateTime"`
		Status                     string          `json:"Status"`
		StatusUpdateDateTime       string          `json:"StatusUpdateDateTime"`
		ExpectedExecutionDateTime  string          `json:"ExpectedExecutionDateTime,omitempty"`
		ExpectedSettlementDateTime string          `json:"ExpectedSettlementDateTime,omitempty"`
		Charges                    json.RawMessage `json:"Charges,omitempty"`
		Initiation                 json.RawMessage `json:"Initiation"`
		Debtor                     *Debtor         `json:"Debtor,omitempty"`
	} `json:"Data"`
	Links *Links `json:"Links,omitempty"`
	Meta  *Meta  `json:"Meta,omitempty"`
}

// ID returns the payment's id, whichever journey it belongs to.
func (r *PaymentOrderResponse) ID() string {
	switch {
	case r.Data.DomesticPaymentID != "":
		return r.Data.DomesticPaymentID
	case r.Data.DomesticScheduledPaymentID != "":
		return r.Data.DomesticScheduledPaymentID
	}
	return r.Data.DomesticStandingOrderID
}

// OBWriteDomesticResponse5 is the domestic payment.
type OBWriteDomesticResponse5 = PaymentOrderResponse

// OBWriteDomesticScheduledResponse5 is the scheduled payment.
type OBWriteDomesticScheduledResponse5 = PaymentOrderResponse

// OBWriteDomesticStandingOrderResponse6 is the standing order.
type OBWriteDomesticStandingOrderResponse6 = PaymentOrderResponse

// OBWriteFundsConfirmationResponse1 answers GET
// /domestic-payment-consents/{ConsentId}/funds-confirmation (auth-code token).
type OBWriteFundsConfirmationResponse1 struct {
	Data struct {
		FundsAvailableResult *struct {
			FundsAvailableDateTime string `json:"FundsAvailableDateTime"`
			FundsAvailable         bool   `json:"FundsAvailable"`
		} `json:"FundsAvailableResult,omitempty"`
		SupplementaryData json.RawMessage `json:"SupplementaryData,omitempty"`
	} `json:"Data"`
	Links *Links `json:"Links,omitempty"`
	Meta  *Meta  `json:"Meta,omitempty"`
}
