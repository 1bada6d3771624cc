package main

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/aisread"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oblinks"
)

// ais serves one AIS route (shared/aisread): validate, check the permission
// and step-up, call with the consent's token, rewrite Links, pass the bank's
// body through (never logged).
func (h *Handler) ais(k aisread.Resource) route {
	return func(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse {
		id := r.req.PathParameters["accountId"]
		if k.PerAccount() && !resourceID.MatchString(id) {
			return h.problem(r, *badID("accountId"))
		}
		bankPath := k.Path(id)
		q, err := r.query()
		if err != nil {
			return h.problem(r, httpapi.InvalidRequest("The query string is malformed."))
		}
		p := onlyParams(q, k.Params()...)
		var needStepUp bool
		if p == nil {
			var qe *aisread.QueryError
			if q, needStepUp, qe = k.Query(q, h.now()); qe != nil {
				p = p2(httpapi.InvalidRequest(qe.Reason, qe.Fields...))
			}
		}
		if p == nil {
			p = r.readPSU(h.now())
		}
		if p != nil {
			return h.problem(r, *p)
		}
		c, bad := h.loadRead(ctx, r, typeAccounts)
		if bad == nil {
			bad = h.reconfirmGate(ctx, r, c)
		}
		if bad != nil {
			return *bad
		}
		if !k.Granted(c.Permissions) { // before step-up: a step-up journey cannot add a permission
			return h.problem(r, permissionNotGranted(k.Permissions))
		}
		if needStepUp && c.StepUpAt.IsZero() {
			return h.stepUp(ctx, r, c, "step-up not held", "")
		}
		tok, err := h.tokens.ValidFrom(ctx, r.consentID, minValidity, r.read)
		if err != nil {
			return h.fail(ctx, r, c, err, failure{})
		}
		if needStepUp && !tok.StepUp {
			return h.stepUp(ctx, r, c, "step-up not held", "")
		}
		defer h.touchAhead(ctx, c, tok)()
		resp, _, err := h.send(ctx, r, tok, bankapi.Request{Method: http.MethodGet, Path: bankPath, Query: q}, true)
		if err != nil {
			return h.fail(ctx, r, c, err, failure{stepUpRoute: k.StepUpRefusal()})
		}
		h.touch(ctx, c)
		body := oblinks.Rewrite(resp.Body, r.req.RawPath, r.req.RawQueryString, bankPath)
		return events.APIGatewayV2HTTPResponse{StatusCode: http.StatusOK, Body: string(body),
			Headers: map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store"}}
	}
}

func p2(p httpapi.Problem) *httpapi.Problem { return &p }
