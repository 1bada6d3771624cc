package sandbox

import (
	"errors"
	"net/http"
	"time"
)

// PaymentStep is one status of a payment order's plan: the status the order
// shows from After its creation on (on the bank clock).
type PaymentStep struct {
	Status string
	After  time.Duration
}

// paymentStatuses are the statuses a plan may use, per kind (OB v3.1.10).
var paymentStatuses = map[kind]map[string]bool{
	kindDP: {"Pending": true, "AcceptedSettlementInProcess": true, "AcceptedSettlementCompleted": true,
		"AcceptedWithoutPosting": true, "AcceptedCreditSettlementCompleted": true, "Rejected": true},
	kindDSP: {"InitiationPending": true, "InitiationCompleted": true, "InitiationFailed": true, "Cancelled": true},
	kindDSO: {"InitiationPending": true, "InitiationCompleted": true, "InitiationFailed": true, "Cancelled": true},
}

// errBadPlan: a plan with no steps, an unknown status or steps out of order.
var errBadPlan = errors.New("a payment plan is one or more steps {status, after} with known statuses in time order")

func checkPlan(k kind, steps []PaymentStep) error {
	if len(steps) == 0 {
		return errBadPlan
	}
	for i, s := range steps {
		if !paymentStatuses[k][s.Status] || s.After < 0 || (i > 0 && s.After < steps[i-1].After) {
			return errBadPlan
		}
	}
	return nil
}

// SetPaymentPlan makes the payment order later made with consent consentID
// move through steps on the bank clock (e.g. AcceptedSettlementInProcess at
// once, AcceptedSettlementCompleted or Rejected after a delay; a standing
// order's InitiationPending then InitiationCompleted). The consent must exist.
func (b *Bank) SetPaymentPlan(consentID string, steps []PaymentStep) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	c := b.st.consents[consentID]
	if c == nil || paymentStatuses[c.Kind] == nil {
		return ErrNotFound
	}
	if err := checkPlan(c.Kind, steps); err != nil {
		return err
	}
	if b.plans == nil {
		b.plans = map[string][]PaymentStep{}
	}
	b.plans[consentID] = append([]PaymentStep(nil), steps...)
	return nil
}

// SetDefaultPaymentPlan is the plan of every later payment order of kind k
// ("DP", "DSP" or "DSO") whose consent has none; nil steps restore the
// default (DP AcceptedSettlementCompleted, DSP and DSO InitiationCompleted at once).
func (b *Bank) SetDefaultPaymentPlan(k string, steps []PaymentStep) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if paymentStatuses[kind(k)] == nil {
		return errBadPlan
	}
	if steps == nil {
		delete(b.defaultPlans, kind(k))
		return nil
	}
	if err := checkPlan(kind(k), steps); err != nil {
		return err
	}
	if b.defaultPlans == nil {
		b.defaultPlans = map[kind][]PaymentStep{}
	}
	b.defaultPlans[kind(k)] = append([]PaymentStep(nil), steps...)
	return nil
}

// planLocked is the plan a new order of kind k with consentID follows.
func (b *Bank) planLocked(k kind, consentID string) []PaymentStep {
	if p := b.plans[consentID]; p != nil {
		return p
	}
	return b.defaultPlans[k]
}

// statusLocked is p's status at the bank's now and when it took it.
func (b *Bank) statusLocked(p *PaymentRecord) (string, time.Time) {
	status, at := p.Status, p.Created
	for _, s := range p.plan {
		if b.nowLocked().Sub(p.Created) < s.After {
			break
		}
		status, at = s.Status, p.Created.Add(s.After)
	}
	return status, at
}

// adminPaymentPlan is POST /admin/consents/{id}/payment-plan:
// {"steps":[{"status":"AcceptedSettlementInProcess","afterSeconds":0},{"status":"AcceptedSettlementCompleted","afterSeconds":60}]}.
func (b *Bank) adminPaymentPlan(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Steps []planStep `json:"steps"`
	}
	if !decodeAdmin(w, r, &req) {
		return
	}
	steps := make([]PaymentStep, 0, len(req.Steps))
	for _, s := range req.Steps {
		steps = append(steps, s.step())
	}
	if err := b.SetPaymentPlan(r.PathValue("id"), steps); err != nil {
		writeAdmin(w, nil, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// planStep is a PaymentStep in the admin API's JSON.
type planStep struct {
	Status       string  `json:"status"`
	AfterSeconds float64 `json:"afterSeconds"`
}

func (s planStep) step() PaymentStep {
	return PaymentStep{Status: s.Status, After: time.Duration(s.AfterSeconds * float64(time.Second))}
}
