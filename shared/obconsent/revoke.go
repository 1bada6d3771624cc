package obconsent

import (
	"context"
	"errors"
	"net/http"

	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/bankapi"
)

// revokePaths are the bank's consent resources that have a DELETE (docs/bank-rules.md §Endpoints the bank offers).
var revokePaths = map[string]string{
	authflow.TypeAccounts:           bankapi.AISPPath + "/account-access-consents/",
	authflow.TypeFundsConfirmations: bankapi.CBPIIPath + "/funds-confirmation-consents/",
}

// Revocable reports whether the bank can revoke a consent of type typ: payment consents have
// no revocation in OB v3.1.
func Revocable(typ string) bool {
	_, ok := revokePaths[typ]
	return ok
}

// Revoke DELETEs consent id of type typ (Revocable) at the bank with a client-credentials
// token, under interactionID. The bank's 400 UK.OBIE.Resource.NotFound means it is already
// gone (an earlier attempt that failed locally): done, with gone reporting the bank's error.
func Revoke(ctx context.Context, do func(context.Context, bankapi.Request) (*bankapi.Response, error),
	cc bankapi.ClientCredentials, id, typ, interactionID string) (gone *bankapi.Error, err error) {
	path, ok := revokePaths[typ]
	if !ok {
		return nil, errors.New("obconsent: no revocation for consent type " + typ)
	}
	_, err = bankapi.WithClientCredentials(ctx, do, cc, typ,
		bankapi.Request{Method: http.MethodDelete, Path: path + id, InteractionID: interactionID})
	var be *bankapi.Error
	if errors.As(err, &be) && be.Status == http.StatusBadRequest && be.HasCode(bankapi.CodeNotFound) {
		return be, nil
	}
	return nil, err
}
