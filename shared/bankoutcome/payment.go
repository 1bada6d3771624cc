package bankoutcome

import (
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/payment"
)

// Payment is what a payment protocol result means for the app when it is neither a payment
// made (payment.Done: the caller answers the payment) nor a failed bank or token call
// (payment.BankFailed: Judge its error); ok is false for those two. The bank's free text is
// never copied.
func Payment(res payment.Result) (o Outcome, ok bool) {
	switch res.Outcome {
	case payment.Done, payment.BankFailed:
		return Outcome{}, false
	case payment.Refused:
		o.Problem = httpapi.Problem{Type: httpapi.TypePaymentNotAllowed, Title: "Payment refused", Status: http.StatusConflict,
			Detail: "The bank refused the payment made with this Idempotency-Key; it will not be sent again. Create a new consent to pay."}
	case payment.ConsentUsed:
		o.Problem = httpapi.Problem{Type: httpapi.TypeConflict, Title: "Consent already used", Status: http.StatusConflict,
			Detail: "A payment with another Idempotency-Key was already made (or is in progress) with this consent; a payment consent pays once."}
	case payment.InProgress:
		// Another request with the same key is sending the order right now; its outcome is
		// answered to a retry with the same key.
		o = Outcome{RetryAfter: time.Second, Log: Log{Level: slog.LevelInfo, Msg: "payment in progress", Attrs: []any{"err", res.Why}},
			Problem: retryProblem(http.StatusServiceUnavailable, "", "Payment in progress: retry with the same Idempotency-Key.")}
	case payment.NotRecorded:
		o = Outcome{RetryAfter: time.Second, Problem: retryProblem(http.StatusServiceUnavailable, "",
			"The payment could not be recorded before sending; nothing was sent: retry with the same Idempotency-Key.")}
	case payment.Unreadable:
		// The bank took the order but its answer could not be read: 502, the record stays
		// "sent" (in doubt, never failed), and the same key may be tried again.
		o = BankError(http.StatusBadGateway, "The bank's answer to the payment could not be read; retry with the same Idempotency-Key.",
			res.InteractionID, nil)
		o.RetryAfter = time.Second
	case payment.Unsettled:
		o = Unsettled(res.Err, res.InteractionID)
	case payment.Unconfirmed:
		o.Problem = httpapi.Problem{Type: httpapi.TypePaymentUnconfirmed, Title: "Payment made, not confirmed",
			Status: http.StatusBadGateway, InteractionID: res.InteractionID,
			Detail: "An earlier attempt with this Idempotency-Key lost the bank's answer, and the bank now refuses to send the order again, " +
				"but it reports the consent as used: the payment was most probably made. Do not pay again with a new consent; " +
				"the bank did not return the payment's id, so check the payment with the customer or the bank. " +
				"Retrying with the same Idempotency-Key asks the bank again."}
	default:
		o.Internal = errors.New("payment: unknown outcome")
	}
	return o, true
}
