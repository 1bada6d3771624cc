package main

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
	"github.com/coop-ob/connector/shared/httpapi"
)

// maxFundsBody bounds the POST /funds-confirmations body.
const maxFundsBody = 1024

// pisFunds is GET /consents/{id}/funds-confirmation: the bank's confirmation
// of funds for an authorised domestic payment consent (auth-code token;
// GET /domestic-payment-consents/{id}/funds-confirmation, the only one of
// the three journeys the bank offers it for: docs/bank-rules.md §Payment orders).
func (h *Handler) pisFunds(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse {
	if p := noQuery(r); p != nil {
		return h.problem(r, *p)
	}
	if p := r.readPSU(h.now()); p != nil {
		return h.problem(r, *p)
	}
	c, bad := h.load(ctx, r, typePayments)
	if bad != nil {
		return *bad
	}
	if c.Journey != "DP" {
		return h.problem(r, httpapi.InvalidRequest("The bank confirms funds for domestic payment (DP) consents only; this consent is "+c.Journey+"."))
	}
	tok, err := h.tokens.Valid(ctx, c.ID, minValidity)
	if err != nil {
		return h.fail(ctx, r, c, err, failure{})
	}
	path := bankapi.PISPPath + "/domestic-payment-consents/" + c.ID + "/funds-confirmation"
	resp, _, err := h.send(ctx, r, tok, bankapi.Request{Method: http.MethodGet, Path: path}, true)
	if err != nil {
		return h.fail(ctx, r, c, err, failure{})
	}
	var out bankapi.OBWriteFundsConfirmationResponse1
	if json.Unmarshal(resp.Body, &out) != nil || out.Data.FundsAvailableResult == nil {
		return h.bankFailure(ctx, r, http.StatusBadGateway, "The bank's funds confirmation could not be read.", resp.InteractionID, nil)
	}
	h.touch(ctx, c, tok)
	res := out.Data.FundsAvailableResult
	return httpapi.JSON(http.StatusOK, map[string]any{"fundsAvailable": res.FundsAvailable, "checkedAt": res.FundsAvailableDateTime})
}

// fundsRequest is the body of POST /consents/{id}/funds-confirmations.
type fundsRequest struct {
	Amount    string `json:"amount"`
	Reference string `json:"reference"`
}

// cbpiiFunds is POST /consents/{id}/funds-confirmations: a CBPII confirmation
// of funds (POST /cbpii/funds-confirmations with the consent's auth-code
// token; docs/bank-rules.md §Funds confirmation), sent once. GBP only at this bank.
func (h *Handler) cbpiiFunds(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse {
	var in fundsRequest
	p := noQuery(r)
	if p == nil {
		p = httpapi.DecodeJSON(r.req, &in, maxFundsBody)
	}
	if p == nil {
		p = in.validate()
	}
	if p == nil {
		p = r.readPSU(h.now())
	}
	if p != nil {
		return h.problem(r, *p)
	}
	c, bad := h.load(ctx, r, typeFunds)
	if bad != nil {
		return *bad
	}
	tok, err := h.tokens.Valid(ctx, c.ID, minValidity)
	if err != nil {
		return h.fail(ctx, r, c, err, failure{})
	}
	var order bankapi.OBFundsConfirmation1
	order.Data.ConsentID, order.Data.Reference = c.ID, in.Reference
	order.Data.InstructedAmount = bankapi.Amount{Amount: in.Amount, Currency: "GBP"}
	body, err := json.Marshal(order)
	if err != nil {
		return httpapi.Internal(ctx, h.logger, err)
	}
	// Sent once: OB v3.1 gives the CBPII POST no idempotency key, so a resend
	// after a 5xx or a lost answer could create a second confirmation. A
	// failure is answered retryLater and the app decides. (A 401 is still
	// refreshed and resent: the bank refused that request unprocessed.)
	req := bankapi.Request{Method: http.MethodPost, Path: bankapi.CBPIIPath + "/funds-confirmations", Body: body}
	resp, _, err := h.send(ctx, r, tok, req, false)
	if err != nil {
		return h.fail(ctx, r, c, err, failure{})
	}
	var out bankapi.OBFundsConfirmationResponse1
	if json.Unmarshal(resp.Body, &out) != nil || out.Data.FundsConfirmationID == "" {
		return h.bankFailure(ctx, r, http.StatusBadGateway, "The bank's funds confirmation could not be read.", resp.InteractionID, nil)
	}
	h.touch(ctx, c, tok)
	return httpapi.JSON(http.StatusCreated, map[string]any{"fundsAvailable": out.Data.FundsAvailable,
		"fundsConfirmationId": out.Data.FundsConfirmationID, "createdAt": out.Data.CreationDateTime})
}

func (in fundsRequest) validate() *httpapi.Problem {
	var errs []httpapi.FieldError
	if err := banklimits.Amount(in.Amount); err != nil {
		errs = append(errs, httpapi.FieldError{Field: "amount", Message: err.Error()})
	}
	if err := banklimits.FundsReference(in.Reference); err != nil {
		errs = append(errs, httpapi.FieldError{Field: "reference", Message: err.Error()})
	}
	if len(errs) > 0 {
		p := httpapi.InvalidRequest("The funds confirmation request is invalid.", errs...)
		return &p
	}
	return nil
}

// noQuery refuses any query parameter: the route takes none.
func noQuery(r *call) *httpapi.Problem {
	q, err := r.query()
	if err != nil {
		return p2(httpapi.InvalidRequest("The query string is malformed."))
	}
	return onlyParams(q)
}
