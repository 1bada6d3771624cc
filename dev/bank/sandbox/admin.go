package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"
)

// adminMux is the loopback admin API; each route mirrors a Go method (README).
func (b *Bank) adminMux() http.Handler {
	m := http.NewServeMux()
	m.HandleFunc("POST /admin/clock/advance", b.adminAdvance)
	m.HandleFunc("GET /admin/clock", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"now": b.Now().Format(time.RFC3339Nano)})
	})
	m.HandleFunc("POST /admin/consents/{id}/{action}", b.adminConsentAction)
	m.HandleFunc("POST /admin/consents/{id}/payment-plan", b.adminPaymentPlan)
	m.HandleFunc("GET /admin/consents/{id}", func(w http.ResponseWriter, r *http.Request) {
		info, err := b.Consent(r.PathValue("id"))
		writeAdmin(w, info, err)
	})
	m.HandleFunc("POST /admin/accounts/{id}/{action}", b.adminAccountAction)
	m.HandleFunc("POST /admin/faults", b.adminFault)
	m.HandleFunc("DELETE /admin/faults", func(w http.ResponseWriter, r *http.Request) {
		b.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	})
	m.HandleFunc("GET /admin/requests", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, b.Requests())
	})
	m.HandleFunc("DELETE /admin/requests", func(w http.ResponseWriter, r *http.Request) {
		b.ResetRequests()
		w.WriteHeader(http.StatusNoContent)
	})
	m.HandleFunc("GET /admin/handshakes", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]int{"handshakes": b.Handshakes()})
	})
	m.HandleFunc("GET /admin/payments", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, b.Payments())
	})
	m.HandleFunc("POST /admin/settings", b.adminSettings)
	m.HandleFunc("POST /admin/redirects", b.adminRedirects)
	m.HandleFunc("POST /admin/decoding", b.adminDecoding)
	m.HandleFunc("GET /admin/secret", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(b.SecretJSON())
	})
	return m
}

func writeAdmin(w http.ResponseWriter, v any, err error) {
	switch {
	case errors.Is(err, ErrNotFound):
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
	case err != nil:
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
	case v == nil:
		w.WriteHeader(http.StatusNoContent)
	default:
		writeJSON(w, http.StatusOK, v)
	}
}

func decodeAdmin(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad JSON: " + err.Error()})
		return false
	}
	return true
}

func (b *Bank) adminAdvance(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Seconds float64 `json:"seconds"`
	}
	if !decodeAdmin(w, r, &req) {
		return
	}
	if req.Seconds < 0 {
		writeAdmin(w, nil, errors.New("seconds must not be negative"))
		return
	}
	b.Advance(time.Duration(req.Seconds * float64(time.Second)))
	writeJSON(w, http.StatusOK, map[string]any{"now": b.Now().Format(time.RFC3339Nano)})
}

func (b *Bank) adminConsentAction(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var err error
	switch r.PathValue("action") {
	case "revoke-tokens":
		err = b.RevokeTokens(id)
	case "reject":
		err = b.RejectConsent(id)
	case "expire":
		err = b.ExpireConsent(id)
	default:
		http.NotFound(w, r)
		return
	}
	writeAdmin(w, nil, err)
}

func (b *Bank) adminAccountAction(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var err error
	switch r.PathValue("action") {
	case "close":
		err = b.CloseAccount(id)
	case "bar":
		err = b.BarAccount(id)
	case "reopen":
		err = b.ReopenAccount(id)
	default:
		http.NotFound(w, r)
		return
	}
	writeAdmin(w, nil, err)
}

// adminFaultRequest is the JSON of POST /admin/faults.
type adminFaultRequest struct {
	PathPrefix          string  `json:"pathPrefix"`
	Count               int     `json:"count"`
	Status              int     `json:"status"`
	RetryAfterSeconds   float64 `json:"retryAfterSeconds"`
	HTML                bool    `json:"html"`
	JSON                string  `json:"json"`
	Empty               bool    `json:"empty"`
	DelayMs             int     `json:"delayMs"`
	Drop                bool    `json:"drop"`
	DropAfterProcessing bool    `json:"dropAfterProcessing"`
	// AnswerAfterProcessing: handle the request, then answer status/html/empty instead.
	AnswerAfterProcessing bool `json:"answerAfterProcessing"`
	// CorruptSignature: handle the request and answer as usual with a signature that does not verify.
	CorruptSignature bool `json:"corruptSignature"`
}

func (b *Bank) adminFault(w http.ResponseWriter, r *http.Request) {
	var req adminFaultRequest
	if !decodeAdmin(w, r, &req) {
		return
	}
	if req.PathPrefix == "" {
		writeAdmin(w, nil, errors.New("pathPrefix is required"))
		return
	}
	b.Fail(req.PathPrefix, Fault{Count: req.Count, Status: req.Status, RetryAfter: time.Duration(req.RetryAfterSeconds * float64(time.Second)),
		HTML: req.HTML, JSON: req.JSON, Empty: req.Empty, Delay: time.Duration(req.DelayMs) * time.Millisecond, Drop: req.Drop,
		DropAfterProcessing: req.DropAfterProcessing, AnswerAfterProcessing: req.AnswerAfterProcessing,
		CorruptSignature: req.CorruptSignature})
	w.WriteHeader(http.StatusNoContent)
}

func (b *Bank) adminSettings(w http.ResponseWriter, r *http.Request) {
	var req struct {
		AccessTTLSeconds  float64 `json:"accessTtlSeconds"`
		RefreshTTLSeconds float64 `json:"refreshTtlSeconds"`
		RefreshMode       string  `json:"refreshMode"`
		// PaymentPlans: per kind (DP, DSP, DSO), SetDefaultPaymentPlan; [] restores the default.
		PaymentPlans map[string][]planStep `json:"paymentPlans"`
	}
	if !decodeAdmin(w, r, &req) {
		return
	}
	for k, steps := range req.PaymentPlans {
		var plan []PaymentStep
		for _, s := range steps {
			plan = append(plan, s.step())
		}
		if err := b.SetDefaultPaymentPlan(k, plan); err != nil {
			writeAdmin(w, nil, err)
			return
		}
	}
	b.mu.Lock()
	mode := b.refreshMode
	b.mu.Unlock()
	if req.RefreshMode != "" {
		m, err := ParseRefreshMode(req.RefreshMode)
		if err != nil {
			writeAdmin(w, nil, err)
			return
		}
		mode = m
	}
	b.SetTokenSettings(time.Duration(req.AccessTTLSeconds*float64(time.Second)), time.Duration(req.RefreshTTLSeconds*float64(time.Second)), mode)
	w.WriteHeader(http.StatusNoContent)
}

// adminRedirects is POST /admin/redirects {"errorsWithoutState": bool}: SetErrorsWithoutState.
func (b *Bank) adminRedirects(w http.ResponseWriter, r *http.Request) {
	var req struct {
		ErrorsWithoutState *bool `json:"errorsWithoutState"`
	}
	if !decodeAdmin(w, r, &req) {
		return
	}
	if req.ErrorsWithoutState == nil {
		writeAdmin(w, nil, errors.New("errorsWithoutState is required"))
		return
	}
	b.SetErrorsWithoutState(*req.ErrorsWithoutState)
	w.WriteHeader(http.StatusNoContent)
}

// adminDecoding is POST /admin/decoding {"decoding":"form|percent|literal"}: SetDecoding.
func (b *Bank) adminDecoding(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Decoding string `json:"decoding"`
	}
	if !decodeAdmin(w, r, &req) {
		return
	}
	d, err := ParseDecoding(req.Decoding)
	if err != nil {
		writeAdmin(w, nil, err)
		return
	}
	b.SetDecoding(d)
	w.WriteHeader(http.StatusNoContent)
}
