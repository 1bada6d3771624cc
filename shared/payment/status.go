package payment

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
)

// ErrNoSuchPayment: the bank has no such payment order, or it belongs to
// another consent.
var ErrNoSuchPayment = errors.New("payment: no such payment for this consent")

// Order is a payment order as the bank answered it.
type Order struct {
	Path  string // the bank's path of the order (its Links point under it)
	Body  []byte // the bank's body, passed on as it is
	Order bankapi.PaymentOrderResponse
}

// Status reads payment order id of consent c at the bank: the order resource
// of c's journey, with a client-credentials token of the payments scope
// (docs/bank-rules.md §Grants and scopes). A body that is not a payment order
// is the bank failing (*bankapi.UnusableError), never an answer that the
// payment does not exist: a caller told so may pay again. Other bank
// failures are returned as they are, for the caller to classify.
func (p *Protocol) Status(ctx context.Context, c *consent.Consent, id string) (*Order, error) {
	orders := orderPaths[c.Journey]
	if orders == "" {
		return nil, errUnknownJourney
	}
	path := bankapi.PISPPath + orders + "/" + id
	resp, err := p.read(ctx, bankapi.Request{Method: http.MethodGet, Path: path})
	var be *bankapi.Error
	if errors.As(err, &be) && be.Status == http.StatusBadRequest && be.HasCode(bankapi.CodeNotFound) {
		return nil, ErrNoSuchPayment
	}
	if err != nil {
		return nil, err
	}
	o := &Order{Path: path, Body: resp.Body}
	if json.Unmarshal(resp.Body, &o.Order) != nil || o.Order.ID() == "" || o.Order.Data.ConsentID == "" {
		return nil, &bankapi.UnusableError{Method: http.MethodGet, Status: resp.Status, BodyKind: bankapi.BodyJSON, InteractionID: resp.InteractionID}
	}
	if o.Order.Data.ConsentID != c.ID {
		return nil, ErrNoSuchPayment
	}
	return o, nil
}
