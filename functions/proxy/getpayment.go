package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oblinks"
	"github.com/coop-ob/connector/shared/payment"
)

// getPayment is GET /consents/{id}/payments/{paymentId}: the payment as the
// connector recorded it (its status, history and ids, kept current by the
// background polls), found by the bank's payment id or by the app's
// Idempotency-Key, without a bank call. ?refresh=true reads the payment
// order at the bank now (client-credentials token, scope payments:
// docs/bank-rules.md §Grants and scopes) and records what changed. The
// bank's OB body as last read stays in the answer (Data, Links, Meta), as
// the route answered it before; a record without one (written before this
// release) is read at the bank once.
func (h *Handler) getPayment(ctx context.Context, r *call) events.APIGatewayV2HTTPResponse {
	id := r.req.PathParameters["paymentId"]
	if !idempotencyKey.MatchString(id) { // a bank payment id (resourceID) or an Idempotency-Key
		return h.problem(r, *badID("paymentId"))
	}
	refresh, p := refreshParam(r)
	if p == nil {
		p = r.readPSU(h.now())
	}
	if p != nil {
		return h.problem(r, *p)
	}
	c, bad := h.paymentConsent(ctx, r)
	if bad != nil {
		return *bad
	}
	rec, err := h.store.FindPayment(ctx, c.ID, id)
	switch {
	case errors.Is(err, consent.ErrNotFound):
		return h.problem(r, httpapi.NotFound("No such payment for this consent."))
	case err != nil:
		return httpapi.Internal(ctx, h.logger, err)
	}
	if refresh || (rec.Order == "" && rec.BankPaymentID != "") {
		_, err := h.payments(r).Refresh(ctx, c, rec)
		if errors.Is(err, payment.ErrNoSuchPayment) {
			return h.problem(r, httpapi.NotFound("No such payment for this consent."))
		}
		if err != nil {
			return h.fail(ctx, r, c, err, failure{})
		}
	}
	return httpapi.JSON(http.StatusOK, recordView(c, rec), map[string]string{"Cache-Control": "no-store"})
}

// refreshParam reads the one query parameter GET payment takes: refresh,
// "true" or "false".
func refreshParam(r *call) (bool, *httpapi.Problem) {
	q, err := r.query()
	if err != nil {
		return false, p2(httpapi.InvalidRequest("The query string is malformed."))
	}
	if p := onlyParams(q, "refresh"); p != nil {
		return false, p
	}
	switch v := q.Get("refresh"); v {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	}
	return false, p2(httpapi.InvalidRequest("The refresh query parameter is true or false.",
		httpapi.FieldError{Field: "refresh", Message: "must be true or false"}))
}

// paymentRecordView is the app's view of a payment record; the bank's OB
// body as last read is merged in at the top level (Data, Links, Meta).
type paymentRecordView struct {
	PaymentID       string                `json:"paymentId,omitempty"`
	ConsentID       string                `json:"consentId"`
	Journey         string                `json:"journey"`
	IdempotencyKey  string                `json:"idempotencyKey"`
	State           string                `json:"state"`
	Status          string                `json:"status,omitempty"`
	StatusUpdatedAt string                `json:"statusUpdatedAt,omitempty"`
	Final           bool                  `json:"final"`
	History         []paymentHistoryEntry `json:"history"`
	CheckedAt       string                `json:"checkedAt,omitempty"`
	CreatedAt       string                `json:"createdAt"`
}

type paymentHistoryEntry struct {
	Status string `json:"status,omitempty"`
	State  string `json:"state"`
	At     string `json:"at"`
	Event  string `json:"event"`
}

// recordView renders rec for the app.
func recordView(c *consent.Consent, rec *consent.Payment) map[string]json.RawMessage {
	v := paymentRecordView{PaymentID: rec.BankPaymentID, ConsentID: rec.ConsentID, Journey: c.Journey,
		IdempotencyKey: rec.IdempotencyKey, State: rec.State, Status: rec.Status, Final: finalRecord(rec),
		History: []paymentHistoryEntry{}, CheckedAt: rfc3339(rec.CheckedAt), CreatedAt: rfc3339(rec.CreatedAt),
		StatusUpdatedAt: rfc3339(rec.StatusAt)}
	for _, e := range rec.History {
		v.History = append(v.History, paymentHistoryEntry{Status: e.Status, State: e.State, At: rfc3339(e.At), Event: e.Event})
	}
	out := map[string]json.RawMessage{}
	if rec.Order != "" {
		self := "/consents/" + rec.ConsentID + "/payments/" + rec.BankPaymentID
		body := oblinks.Rewrite([]byte(rec.Order), self, "", bankapi.PISPPath+payment.OrderPath(c.Journey)+"/"+rec.BankPaymentID)
		var ob map[string]json.RawMessage
		if json.Unmarshal(body, &ob) == nil {
			for _, k := range []string{"Data", "Links", "Meta"} {
				if m, ok := ob[k]; ok {
					out[k] = m
				}
			}
		}
	}
	own, _ := json.Marshal(v)
	var fields map[string]json.RawMessage
	_ = json.Unmarshal(own, &fields)
	for k, m := range fields {
		out[k] = m
	}
	return out
}

// finalRecord: nothing about the payment will change any more.
func finalRecord(rec *consent.Payment) bool {
	switch rec.State {
	case consent.PaymentFailed, consent.PaymentUnconfirmed:
		return true
	case consent.PaymentDone:
		return consent.FinalPaymentStatus(rec.Status)
	}
	return false
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
