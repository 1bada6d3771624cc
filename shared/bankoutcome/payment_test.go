package bankoutcome

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/payment"
)

// TestPayment pins what each payment protocol result means for the app.
func TestPayment(t *testing.T) {
	for _, tc := range []struct {
		name   string
		res    payment.Result
		caller bool // answered by the caller (Done, BankFailed)
		typ    string
		status int
		after  time.Duration
		iid    string
		logged string
	}{
		{name: "done", res: payment.Result{Outcome: payment.Done}, caller: true},
		{name: "bank failed", res: payment.Result{Outcome: payment.BankFailed, Err: errors.New("x")}, caller: true},
		{name: "refused", res: payment.Result{Outcome: payment.Refused}, typ: httpapi.TypePaymentNotAllowed, status: http.StatusConflict},
		{name: "consent used", res: payment.Result{Outcome: payment.ConsentUsed}, typ: httpapi.TypeConflict, status: http.StatusConflict},
		{name: "in progress", res: payment.Result{Outcome: payment.InProgress, Why: "leased"},
			typ: httpapi.TypeRetryLater, status: http.StatusServiceUnavailable, after: time.Second, logged: "payment in progress"},
		{name: "not recorded", res: payment.Result{Outcome: payment.NotRecorded},
			typ: httpapi.TypeRetryLater, status: http.StatusServiceUnavailable, after: time.Second},
		{name: "unreadable: 502, same key again after 1 s", res: payment.Result{Outcome: payment.Unreadable, InteractionID: "iid-2"},
			typ: httpapi.TypeBankError, status: http.StatusBadGateway, after: time.Second, iid: "iid-2", logged: "bank refused"},
		{name: "unsettled, bank busy", res: payment.Result{Outcome: payment.Unsettled, InteractionID: "iid-3",
			Err: &bankapi.Error{Status: http.StatusServiceUnavailable}},
			typ: httpapi.TypeRetryLater, status: http.StatusServiceUnavailable, iid: "iid-3", logged: "bank unavailable"},
		{name: "unconfirmed", res: payment.Result{Outcome: payment.Unconfirmed, InteractionID: "iid-4"},
			typ: httpapi.TypePaymentUnconfirmed, status: http.StatusBadGateway, iid: "iid-4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, ok := Payment(tc.res)
			if ok == tc.caller {
				t.Fatalf("ok %v, want %v", ok, !tc.caller)
			}
			if tc.caller {
				return
			}
			if o.Internal != nil || o.Problem.Type != tc.typ || o.Problem.Status != tc.status || o.RetryAfter != tc.after ||
				o.Problem.InteractionID != tc.iid || o.Log.Msg != tc.logged {
				t.Errorf("outcome %+v", o)
			}
			if o.Happening != "" || o.Journey != NoJourney {
				t.Errorf("a payment result records %q and offers journey %v: nothing is learned about the consent", o.Happening, o.Journey)
			}
		})
	}
	if o, ok := Payment(payment.Result{Outcome: payment.Outcome(-1)}); !ok || o.Internal == nil {
		t.Errorf("unknown outcome: %+v %v, want internal", o, ok)
	}
}
