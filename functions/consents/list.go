package main

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"

	"github.com/coop-ob/connector/shared/ascii"
)

// Paging of GET /consents.
const (
	defaultLimit = 50
	maxLimit     = 100
	maxCursor    = 512 // characters; the store's cursors are far shorter
)

// listResponse is the body of GET /consents.
type listResponse struct {
	Consents   []consentView `json:"consents"`
	NextCursor string        `json:"nextCursor,omitempty"`
}

// list is GET /consents?limit=&cursor=: one page of the caller's consents,
// oldest first, read from the owner index alone. It reads no tokens, so
// stepUp is left out (stepUpAt is shown; GET /consents/{id} has stepUp).
func (h *Handler) list(ctx context.Context, owner string, req events.APIGatewayV2HTTPRequest) events.APIGatewayV2HTTPResponse {
	q := req.QueryStringParameters
	var errs []httpapi.FieldError
	limit := defaultLimit
	if s, ok := q["limit"]; ok {
		n, err := strconv.Atoi(s)
		if !ascii.Digits(s, 1, 3) || err != nil || n < 1 || n > maxLimit {
			errs = append(errs, httpapi.FieldError{Field: "limit", Message: "must be a whole number from 1 to 100"})
		}
		limit = n
	}
	cursor := q["cursor"]
	if len(cursor) > maxCursor {
		errs = append(errs, httpapi.FieldError{Field: "cursor", Message: "must be a nextCursor of an earlier page"})
	}
	f, ferrs := listFilter(q)
	errs = append(errs, ferrs...)
	if len(errs) > 0 {
		return httpapi.ProblemResponse(httpapi.InvalidRequest("Invalid paging parameters.", errs...))
	}
	cs, next, err := h.page(ctx, owner, f, int32(limit), consent.ListCursor(cursor))
	switch {
	case errors.Is(err, consent.ErrBadCursor):
		return httpapi.ProblemResponse(httpapi.InvalidRequest("Invalid paging parameters.",
			httpapi.FieldError{Field: "cursor", Message: "must be a nextCursor of an earlier page"}))
	case err != nil:
		return httpapi.Internal(ctx, h.logger, err)
	}
	out := listResponse{Consents: make([]consentView, 0, len(cs)), NextCursor: string(next)}
	for i := range cs {
		v := view(&cs[i])
		h.withDeadlines(&v, &cs[i], nil)
		out.Consents = append(out.Consents, v)
	}
	return httpapi.JSON(http.StatusOK, out)
}
