package sandbox

import (
	"net/http"
	"time"

	"github.com/google/uuid"
)

type cbpiiConsentRequest struct {
	Data *struct {
		DebtorAccount      *accountRef `json:"DebtorAccount"`
		ExpirationDateTime string      `json:"ExpirationDateTime"`
	} `json:"Data"`
}

// handleCBPIIConsentCreate is POST /funds-confirmation-consents (client credentials).
func (b *Bank) handleCBPIIConsentCreate(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.bearerLocked(w, r, "fundsconfirmations", useClientCredentials) == nil {
		return
	}
	var req cbpiiConsentRequest
	if _, ok := readJSON(w, r, &req); !ok {
		return
	}
	now := b.nowLocked()
	if req.Data == nil {
		writeOBError(w, r, 0, obErr("UK.OBIE.Field.Missing", "Data is required", "Data"))
		return
	}
	if e := validateAccount(req.Data.DebtorAccount, "Data.DebtorAccount", false); e != nil {
		writeOBError(w, r, 0, e)
		return
	}
	exp, e := optionalTime(req.Data.ExpirationDateTime, "Data.ExpirationDateTime")
	if e == nil && exp != nil && !exp.After(now) {
		e = obErr("UK.OBIE.Field.InvalidDate", "ExpirationDateTime must be in the future", "Data.ExpirationDateTime")
	}
	if e != nil {
		writeOBError(w, r, 0, e)
		return
	}
	c := &consent{Kind: kindCBPII, Debtor: req.Data.DebtorAccount, Expiration: exp, ExpirationRaw: req.Data.ExpirationDateTime}
	b.addConsentLocked(c, now)
	b.writeCBPIIConsent(w, http.StatusCreated, c)
}

func (b *Bank) writeCBPIIConsent(w http.ResponseWriter, status int, c *consent) {
	d := map[string]any{"ConsentId": c.ID, "CreationDateTime": obTime(c.Created), "Status": c.displayStatus(b.nowLocked()),
		"StatusUpdateDateTime": obTime(c.StatusUpdated), "DebtorAccount": c.Debtor}
	if c.ExpirationRaw != "" {
		d["ExpirationDateTime"] = c.ExpirationRaw
	}
	writeJSON(w, status, envelope{Data: d, Links: links{Self: b.apiURL + cbpiiBase + "/funds-confirmation-consents/" + c.ID}})
}

func (b *Bank) handleCBPIIConsentGet(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.bearerLocked(w, r, "fundsconfirmations", useClientCredentials) == nil {
		return
	}
	if c := b.consentForTPPLocked(w, r, kindCBPII); c != nil {
		b.writeCBPIIConsent(w, http.StatusOK, c)
	}
}

type fundsConfirmationRequest struct {
	Data *struct {
		ConsentID        string  `json:"ConsentId"`
		Reference        string  `json:"Reference"`
		InstructedAmount *amount `json:"InstructedAmount"`
	} `json:"Data"`
}

// handleFundsConfirmation is POST /funds-confirmations: an auth-code token for the
// consent; FundsAvailable is true when the amount is at most the available balance.
func (b *Bank) handleFundsConfirmation(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	tok := b.bearerLocked(w, r, "fundsconfirmations", useAuthCode)
	if tok == nil {
		return
	}
	var req fundsConfirmationRequest
	if _, ok := readJSON(w, r, &req); !ok {
		return
	}
	if req.Data == nil || req.Data.ConsentID == "" || req.Data.Reference == "" {
		writeOBError(w, r, 0, obErr("UK.OBIE.Field.Missing", "Data.ConsentId, Data.Reference and Data.InstructedAmount are required", "Data"))
		return
	}
	if !tokenForConsent(w, r, tok, req.Data.ConsentID, "Data.ConsentId") {
		return
	}
	if e := validateAmount(req.Data.InstructedAmount, "Data.InstructedAmount"); e != nil {
		writeOBError(w, r, 0, e)
		return
	}
	c := b.consentOfLocked(w, r, tok)
	if c == nil {
		return
	}
	a := b.debtorAccountLocked(w, r, c)
	if a == nil {
		return
	}
	writeJSON(w, http.StatusCreated, envelope{Data: map[string]any{
		"FundsConfirmationId": uuid.NewString(), "ConsentId": c.ID, "CreationDateTime": obTime(b.nowLocked().Truncate(time.Second)),
		"FundsAvailable": toPence(req.Data.InstructedAmount.Amount) <= a.Available,
		"Reference":      req.Data.Reference, "InstructedAmount": req.Data.InstructedAmount,
	}, Links: b.self(r)})
}
