package main

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oblinks"
)

// Transaction filters (OB AIS; docs/bank-rules.md §Transaction filters).
const (
	paramFrom = "fromBookingDateTime"
	paramTo   = "toBookingDateTime"
	paramPage = oblinks.Param
)

// aisKind is one AIS resource.
type aisKind struct {
	suffix  string // after /accounts/{AccountId}; "" for the account itself
	list    bool   // /accounts (no account id)
	filters bool   // transactions: date filters, and a bank 403 Reauthenticate means step-up
	banklimits.AISRead
}

var (
	aisAccounts          = aisKind{list: true, AISRead: banklimits.AISReadOf("accounts")}
	aisAccount           = aisKind{AISRead: banklimits.AISReadOf("accounts")}
	aisBalances          = aisKind{suffix: "/balances", AISRead: banklimits.AISReadOf("balances")}
	aisTransactions      = aisKind{suffix: "/transactions", filters: true, AISRead: banklimits.AISReadOf("transactions")}
	aisDirectDebits      = aisKind{suffix: "/direct-debits", AISRead: banklimits.AISReadOf("direct-debits")}
	aisStandingOrders    = aisKind{suffix: "/standing-orders", AISRead: banklimits.AISReadOf("standing-orders")}
	aisScheduledPayments = aisKind{suffix: "/scheduled-payments", AISRead: banklimits.AISReadOf("scheduled-payments")}
)

// ais serves one AIS route: validate, check the permission and step-up, call
// with the consent's token, rewrite Links, pass the bank's body through
// (never logged).
func (h *Handler) ais(k aisKind) route {
	return func(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse {
		bankPath := bankapi.AISPPath + "/accounts"
		if !k.list {
			id := r.req.PathParameters["accountId"]
			if !resourceID.MatchString(id) {
				return h.problem(r, *badID("accountId"))
			}
			bankPath += "/" + id + k.suffix
		}
		q, needStepUp, p := h.aisQuery(r, k)
		if p == nil {
			p = r.readPSU(h.now())
		}
		if p != nil {
			return h.problem(r, *p)
		}
		c, bad := h.load(ctx, r, typeAccounts)
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
		tok, err := h.tokens.Valid(ctx, r.consentID, minValidity)
		if err != nil {
			return h.fail(ctx, r, c, err, failure{})
		}
		if needStepUp && !tok.StepUp {
			return h.stepUp(ctx, r, c, "step-up not held", "")
		}
		resp, _, err := h.send(ctx, r, tok, bankapi.Request{Method: http.MethodGet, Path: bankPath, Query: q}, true)
		if err != nil {
			return h.fail(ctx, r, c, err, failure{stepUpRoute: k.StepUp || k.filters})
		}
		h.touch(ctx, c, tok)
		body := oblinks.Rewrite(resp.Body, r.req.RawPath, r.req.RawQueryString, bankPath)
		return events.APIGatewayV2HTTPResponse{StatusCode: http.StatusOK, Body: string(body),
			Headers: map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store"}}
	}
}

// aisQuery validates the app's query and returns the bank's, and whether
// the call needs step-up. Only page (every route) and the booking dates
// (transactions) are accepted. The dates must make a window the bank
// accepts (banklimits.BookingWindow) before a step-up is considered: a
// fromBookingDateTime before the start of the UK's today minus 90 days
// needs step-up; without one the bank's default window applies and the
// bank decides (a 403 Reauthenticate is then a step-up).
func (h *Handler) aisQuery(r *call, k aisKind) (url.Values, bool, *httpapi.Problem) {
	q, err := r.query()
	if err != nil {
		p := httpapi.InvalidRequest("The query string is malformed.")
		return nil, false, &p
	}
	allowed := []string{paramPage}
	if k.filters {
		allowed = append(allowed, paramFrom, paramTo)
	}
	if p := onlyParams(q, allowed...); p != nil {
		return nil, false, p
	}
	if tok := q.Get(paramPage); tok != "" || q.Has(paramPage) {
		if len(q) > 1 {
			p := httpapi.InvalidRequest("page carries the filters of the listing: send it alone.",
				httpapi.FieldError{Field: paramPage, Message: "must be the only query parameter"})
			return nil, false, p2(p)
		}
		bq, ok := oblinks.DecodePage(tok, func(name, v string) bool {
			_, fe := parseQueryDate(name, v)
			return k.filters && (name == paramFrom || name == paramTo) && fe == nil
		})
		if !ok {
			return nil, false, p2(httpapi.InvalidRequest("The page token is not one this route issued.",
				httpapi.FieldError{Field: paramPage, Message: "must be a token from a Links URL of an earlier response"}))
		}
		q = bq
	}
	var from, to time.Time
	var errs []httpapi.FieldError
	for name, dst := range map[string]*time.Time{paramFrom: &from, paramTo: &to} {
		if v := q.Get(name); v != "" || q.Has(name) {
			t, fe := parseQueryDate(name, v)
			if fe != nil {
				errs = append(errs, *fe)
			}
			*dst = t
		}
	}
	if len(errs) == 0 {
		errs = windowErrors(from, to, h.now())
	}
	if len(errs) > 0 {
		sortFieldErrors(errs)
		return nil, false, p2(httpapi.InvalidRequest("A date filter is invalid.", errs...))
	}
	need := k.StepUp || (!from.IsZero() && from.Before(banklimits.StepUpHorizon(h.now())))
	if len(q) == 0 {
		q = nil
	}
	return q, need, nil
}

// windowErrors is banklimits.BookingWindow as field errors.
func windowErrors(from, to, now time.Time) []httpapi.FieldError {
	fromErr, toErr := banklimits.BookingWindow(from, to, now)
	var errs []httpapi.FieldError
	for _, e := range []struct {
		name string
		err  error
	}{{paramFrom, fromErr}, {paramTo, toErr}} {
		if e.err != nil {
			errs = append(errs, httpapi.FieldError{Field: e.name, Message: e.err.Error()})
		}
	}
	return errs
}

func p2(p httpapi.Problem) *httpapi.Problem { return &p }
