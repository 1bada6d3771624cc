package sandbox

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"time"

	"github.com/google/uuid"
)

// PaymentRecord is a payment order the bank accepted.
type PaymentRecord struct {
	PaymentID       string
	Kind            string // DP, DSP or DSO
	ConsentID       string
	IdempotencyKey  string
	Amount          string // InstructedAmount (DSO: FirstPaymentAmount)
	Currency        string
	DebtorAccountID string
	CreditorAccount string // sort code + account number
	CreditorName    string
	Status          string
	Created         time.Time
	// StatusAt is when the order took Status (its StatusUpdateDateTime).
	StatusAt   time.Time
	initiation json.RawMessage
	plan       []PaymentStep // the statuses it moves through (paymentplan.go); none: Status stays
}

// Payments lists every payment order the bank accepted, oldest first.
func (b *Bank) Payments() []PaymentRecord {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]PaymentRecord, len(b.st.payments))
	for i, p := range b.st.payments {
		out[i] = *p
		out[i].Status, out[i].StatusAt = b.statusLocked(p)
	}
	return out
}

type paymentOrderRequest struct {
	Data *struct {
		ConsentID  string          `json:"ConsentId"`
		Initiation json.RawMessage `json:"Initiation"`
	} `json:"Data"`
	Risk json.RawMessage `json:"Risk"`
}

// handlePaymentOrder is POST /domestic-payments, /domestic-scheduled-payments or
// /domestic-standing-orders: an auth-code token for the consent, x-idempotency-key,
// x-jws-signature, Initiation identical to the consent's (else 400
// UK.OBIE.Resource.ConsentMismatch); the consent becomes Consumed. A repeat with the
// same key and body answers the same payment, even after the consent is Consumed.
func (b *Bank) handlePaymentOrder(k kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b.mu.Lock()
		defer b.mu.Unlock()
		tok := b.bearerLocked(w, r, "payments", useAuthCode)
		if tok == nil {
			return
		}
		var req paymentOrderRequest
		key, body, ok := b.signedIdempotentBodyLocked(w, r, &req, func(id string) {
			b.writePayment(w, http.StatusCreated, b.paymentLocked(id))
		})
		if !ok {
			return
		}
		if req.Data == nil || req.Data.ConsentID == "" || len(req.Data.Initiation) == 0 {
			writeOBError(w, r, 0, obErr("UK.OBIE.Field.Missing", "Data.ConsentId and Data.Initiation are required", "Data"))
			return
		}
		if !tokenForConsent(w, r, tok, req.Data.ConsentID, "Data.ConsentId") {
			return
		}
		c := b.consentOfLocked(w, r, tok)
		if c == nil {
			return
		}
		if c.Kind != k {
			writeOBError(w, r, 0, obErr("UK.OBIE.Resource.ConsentMismatch", "the consent is for another payment type", "Data.ConsentId"))
			return
		}
		if !sameJSON(req.Data.Initiation, c.Initiation) {
			writeOBError(w, r, 0, obErr("UK.OBIE.Resource.ConsentMismatch", "Initiation does not match the consent", "Data.Initiation"))
			return
		}
		a := b.debtorAccountLocked(w, r, c)
		if a == nil {
			return
		}
		now := b.nowLocked()
		amt := c.pay.paymentAmount()
		p := &PaymentRecord{PaymentID: uuid.NewString(), Kind: string(k), ConsentID: c.ID, IdempotencyKey: key,
			Amount: amt.Amount, Currency: amt.Currency, DebtorAccountID: a.ID,
			CreditorAccount: c.pay.CreditorAccount.Identification, CreditorName: c.pay.CreditorAccount.Name,
			Status: "InitiationCompleted", Created: now, initiation: c.Initiation, plan: b.planLocked(k, c.ID)}
		if k == kindDP {
			p.Status = "AcceptedSettlementCompleted"
			a.Available -= toPence(amt.Amount)
		}
		if len(p.plan) > 0 {
			p.Status = p.plan[0].Status // before its first step (a step after 0): the first
		}
		b.st.payments = append(b.st.payments, p)
		c.setStatus(statusConsumed, now)
		b.rememberLocked(r, key, body, p.PaymentID)
		b.writePayment(w, http.StatusCreated, p)
	}
}

// sameJSON compares two JSON documents by value (field order and spacing aside).
func sameJSON(a, b json.RawMessage) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

func (b *Bank) paymentLocked(id string) *PaymentRecord {
	i := slices.IndexFunc(b.st.payments, func(p *PaymentRecord) bool { return p.PaymentID == id })
	if i < 0 {
		return nil
	}
	return b.st.payments[i]
}

func (b *Bank) writePayment(w http.ResponseWriter, status int, p *PaymentRecord) {
	k := kind(p.Kind)
	paths := pisPaths[k]
	st, at := b.statusLocked(p)
	writeJSON(w, status, envelope{Data: map[string]any{
		paths.idName: p.PaymentID, "ConsentId": p.ConsentID, "Status": st,
		"CreationDateTime": obTime(p.Created), "StatusUpdateDateTime": obTime(at), "Initiation": p.initiation,
	}, Links: links{Self: b.apiURL + pispBase + "/" + paths.orders + "/" + p.PaymentID}})
}

// handlePaymentGet is GET of a payment order (client-credentials token).
func (b *Bank) handlePaymentGet(k kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.bearerLocked(w, r, "payments", useClientCredentials) == nil {
			return
		}
		p := b.paymentLocked(r.PathValue("PaymentId"))
		if p == nil || p.Kind != string(k) {
			writeOBError(w, r, 0, obErr("UK.OBIE.Resource.NotFound", "payment "+r.PathValue("PaymentId")+" not found", ""))
			return
		}
		b.writePayment(w, http.StatusOK, p)
	}
}
