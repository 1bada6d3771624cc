package main

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/jws"
	"github.com/coop-ob/connector/shared/obconsent"
)

// createResponse is the 201 body of POST /consents.
type createResponse struct {
	ConsentID        string `json:"consentId"`
	AuthorizationURL string `json:"authorizationUrl"` // the connector's journey link (binds the browser that opens it)
	// BankAuthorizationURL is the bank's authorization URL itself, for an app that must
	// hand it elsewhere: a browser sent there is not bound (docs/callback.md).
	BankAuthorizationURL string    `json:"bankAuthorizationUrl"`
	ExpiresAt            time.Time `json:"expiresAt"` // the authorization session's expiry
}

// bankConsent is one consent to create at the bank.
type bankConsent struct {
	scope  string // client-credentials scope
	path   string // POST path
	body   []byte // the exact bytes sent (and signed)
	signed bool   // PIS: x-jws-signature and x-idempotency-key
	local  consent.Consent
}

// create is POST /consents: validate everything first (nothing is sent or
// stored for a bad request), create the consent at the bank, store it with
// the exact request bytes, and start the authorization journey. With an
// Idempotency-Key, createOnce makes sure the key creates one consent.
func (h *Handler) create(ctx context.Context, owner string, req events.APIGatewayV2HTTPRequest) events.APIGatewayV2HTTPResponse {
	key, keyErr := httpapi.IdempotencyKey(req)
	bad := func(p httpapi.Problem) events.APIGatewayV2HTTPResponse {
		if keyErr != nil {
			p.Errors = append(p.Errors, *keyErr)
		}
		return httpapi.ProblemResponse(p)
	}
	var r obconsent.Request
	if p := httpapi.DecodeJSON(req, &r, maxBody); p != nil {
		return bad(*p)
	}
	bc, p := h.plan(&r)
	switch {
	case p != nil:
		return bad(*p)
	case keyErr != nil:
		return bad(httpapi.InvalidRequest("The Idempotency-Key header is malformed."))
	}
	if key != "" {
		return h.createOnce(ctx, owner, key, &r, bc)
	}
	return h.createConsent(ctx, owner, bc, nil)
}

// createConsent creates bc at the bank, stores it and starts its journey.
// With a claimed key k, a failure before the consent is stored releases k
// (a retry may create it), and once it is stored k records its id.
func (h *Handler) createConsent(ctx context.Context, owner string, bc *bankConsent, k *consent.CreateKey) events.APIGatewayV2HTTPResponse {
	c, resp := h.createAtBank(ctx, bc)
	if c == nil {
		h.keys.Release(ctx, k)
		return resp
	}
	c.Owner = owner
	if err := h.store.CreateConsent(ctx, c); err != nil {
		h.keys.Release(ctx, k)
		return httpapi.Internal(ctx, h.logger, err)
	}
	h.logger.InfoContext(ctx, "consent created", "consentId", c.ID, "type", c.Type, "brand", c.Brand, "journey", c.Journey)
	h.keys.Finish(ctx, k, c.ID)
	return h.startJourney(ctx, c, false)
}

// startJourney starts an authorization session for c and answers 201 with
// its URL; replayed marks the answer to a repeated Idempotency-Key.
func (h *Handler) startJourney(ctx context.Context, c *consent.Consent, replayed bool) events.APIGatewayV2HTTPResponse {
	j, err := h.auth.Begin(ctx, c, false)
	switch {
	case replayed && errors.Is(err, authflow.ErrNotAuthorisable): // lapsed since it was created
		return replayConflict(c)
	case err != nil:
		return httpapi.Internal(ctx, h.logger, err)
	}
	headers := map[string]string{"Location": "/consents/" + c.ID}
	if replayed {
		headers["Idempotent-Replayed"] = "true"
	}
	return httpapi.JSON(http.StatusCreated, createResponse{ConsentID: c.ID, AuthorizationURL: j.URL,
		BankAuthorizationURL: j.BankURL, ExpiresAt: j.ExpiresAt}, headers)
}

// plan validates r and builds the bank request and the local consent (obconsent.Build); an
// invalid request is a 400 naming every field.
func (h *Handler) plan(r *obconsent.Request) (*bankConsent, *httpapi.Problem) {
	c, invalid, err := obconsent.Build(r, h.now(), h.days)
	if c != nil {
		invalid = obconsent.AuthValues(c, h.authValues)
	}
	switch {
	case len(invalid) > 0:
		p := httpapi.InvalidRequest("The request has invalid fields.", invalid...)
		return nil, &p
	case err != nil:
		p := httpapi.Problem{Type: httpapi.TypeInternal, Title: "Internal error", Status: http.StatusInternalServerError}
		return nil, &p
	}
	return &bankConsent{scope: c.Scope, path: c.Path, body: c.Body, signed: c.Signed, local: c.Local}, nil
}

// createAtBank POSTs the consent with a client-credentials token (and, for
// payments, an idempotency key and a detached JWS) and returns the local
// consent to store, or the problem to answer.
func (h *Handler) createAtBank(ctx context.Context, bc *bankConsent) (*consent.Consent, events.APIGatewayV2HTTPResponse) {
	breq := bankapi.Request{Method: http.MethodPost, Path: bc.path, Body: bc.body, InteractionID: h.newUUID()}
	if bc.signed {
		creds, err := h.creds.Get(ctx)
		if err != nil {
			return nil, httpapi.Internal(ctx, h.logger, err)
		}
		sig, err := jws.Sign(bc.body, creds.SigningKey, creds.SigningKeyID,
			creds.OrganisationID+"/"+creds.SoftwareStatementID, h.now())
		if err != nil {
			return nil, httpapi.Internal(ctx, h.logger, err)
		}
		breq.JWSSignature, breq.IdempotencyKey = sig, h.newUUID()
	}
	resp, err := bankapi.WithClientCredentials(ctx, h.bank.Do, h.tokens, bc.scope, breq)
	if err != nil {
		return nil, h.bankProblem(ctx, "create consent", err)
	}
	out, ok := obconsent.ParseCreated(resp.Body)
	if !ok {
		h.logger.ErrorContext(ctx, "bank consent response unusable: no 36-character consent id or not AwaitingAuthorisation",
			"interactionId", resp.InteractionID, "status", out.Data.Status, "idLength", len(out.Data.ConsentID))
		return nil, httpapi.ProblemResponse(httpapi.Problem{Type: httpapi.TypeBankError, Title: "Unexpected bank response",
			Status: http.StatusBadGateway, InteractionID: resp.InteractionID,
			Detail: "The bank's answer had no usable consent id or an unexpected status; nothing was stored."})
	}
	c := bc.local
	c.ID, c.Request = out.Data.ConsentID, bc.body
	if _, err := consent.Apply(&c, consent.Created, h.now(), ""); err != nil {
		return nil, httpapi.Internal(ctx, h.logger, err)
	}
	return &c, events.APIGatewayV2HTTPResponse{}
}
