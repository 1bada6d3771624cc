package sandbox

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"time"
)

// initiation is what the bank reads from a PIS Initiation (DP, DSP and DSO fields).
type initiation struct {
	InstructionIdentification string      `json:"InstructionIdentification"`
	EndToEndIdentification    string      `json:"EndToEndIdentification"`
	InstructedAmount          *amount     `json:"InstructedAmount"`
	CreditorAccount           *accountRef `json:"CreditorAccount"`
	DebtorAccount             *accountRef `json:"DebtorAccount"`
	RemittanceInformation     *struct {
		Reference    string `json:"Reference"`
		Unstructured string `json:"Unstructured"`
	} `json:"RemittanceInformation"`
	RequestedExecutionDateTime string  `json:"RequestedExecutionDateTime"`
	Frequency                  string  `json:"Frequency"`
	Reference                  string  `json:"Reference"`
	NumberOfPayments           string  `json:"NumberOfPayments"`
	FirstPaymentDateTime       string  `json:"FirstPaymentDateTime"`
	FirstPaymentAmount         *amount `json:"FirstPaymentAmount"`
	FinalPaymentDateTime       string  `json:"FinalPaymentDateTime"`
}

// paymentAmount is the amount a consent moves first (DSO: FirstPaymentAmount).
func (p *initiation) paymentAmount() *amount {
	if p.FirstPaymentAmount != nil {
		return p.FirstPaymentAmount
	}
	return p.InstructedAmount
}

func (p *initiation) hasReference() bool {
	return p.Reference != "" || (p.RemittanceInformation != nil && p.RemittanceInformation.Reference != "")
}

type pisConsentRequest struct {
	Data *struct {
		Permission string          `json:"Permission"`
		Initiation json.RawMessage `json:"Initiation"`
	} `json:"Data"`
	Risk json.RawMessage `json:"Risk"`
}

var (
	amountRe    = regexp.MustCompile(`^\d{1,13}(\.\d{1,2})?$`)
	sortCodeRe  = regexp.MustCompile(`^\d{14}$`)
	weekFreqRe  = regexp.MustCompile(`^IntrvlWkDay:(01|02|04):0[1-7]$`)
	monthFreqRe = regexp.MustCompile(`^IntrvlMnthDay:(01|02|03|06|12):(0[1-9]|[12]\d|3[01])$`)
	numPayRe    = regexp.MustCompile(`^\d{1,3}$`)
)

// pisPaths maps each payment kind to its consent and order resources.
var pisPaths = map[kind]struct{ consents, orders, idName string }{
	kindDP:  {"domestic-payment-consents", "domestic-payments", "DomesticPaymentId"},
	kindDSP: {"domestic-scheduled-payment-consents", "domestic-scheduled-payments", "DomesticScheduledPaymentId"},
	kindDSO: {"domestic-standing-order-consents", "domestic-standing-orders", "DomesticStandingOrderId"},
}

// handlePISConsentCreate is POST of a DP, DSP or DSO consent: client-credentials
// token, x-idempotency-key, x-jws-signature, then the bank's PIS rules (docs/bank-rules.md §PIS limits).
func (b *Bank) handlePISConsentCreate(k kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.bearerLocked(w, r, "payments", useClientCredentials) == nil {
			return
		}
		var req pisConsentRequest
		key, body, ok := b.signedIdempotentBodyLocked(w, r, &req, func(id string) {
			b.writePISConsent(w, http.StatusCreated, b.st.consents[id])
		})
		if !ok {
			return
		}
		now := b.nowLocked()
		c, e := validatePISConsent(k, &req, now)
		if e != nil {
			writeOBError(w, r, 0, e)
			return
		}
		b.addConsentLocked(c, now)
		b.rememberLocked(r, key, body, c.ID)
		b.writePISConsent(w, http.StatusCreated, c)
	}
}

func validatePISConsent(k kind, req *pisConsentRequest, now time.Time) (*consent, *obError) {
	if req.Data == nil || len(req.Data.Initiation) == 0 {
		return nil, obErr("UK.OBIE.Field.Missing", "Data.Initiation is required", "Data.Initiation")
	}
	if len(req.Risk) == 0 {
		return nil, obErr("UK.OBIE.Field.Missing", "Risk is required", "Risk")
	}
	var p initiation
	if err := json.Unmarshal(req.Data.Initiation, &p); err != nil {
		return nil, obErr("UK.OBIE.Resource.InvalidFormat", "Initiation is malformed: "+err.Error(), "Data.Initiation")
	}
	if k != kindDP && req.Data.Permission != "Create" {
		return nil, obErr("UK.OBIE.Field.Invalid", "Permission must be Create", "Data.Permission")
	}
	var e *obError
	switch k {
	case kindDP, kindDSP:
		e = validateSinglePayment(k, &p, now)
	case kindDSO:
		e = validateStandingOrder(&p, now)
	}
	if e == nil {
		e = validateAccount(p.CreditorAccount, "Data.Initiation.CreditorAccount", true)
	}
	if e == nil && p.DebtorAccount != nil {
		e = validateAccount(p.DebtorAccount, "Data.Initiation.DebtorAccount", false)
	}
	if e != nil {
		return nil, e
	}
	return &consent{Kind: k, Initiation: req.Data.Initiation, Risk: req.Risk, Permission: req.Data.Permission, pay: p, Debtor: p.DebtorAccount}, nil
}

func validateSinglePayment(k kind, p *initiation, now time.Time) *obError {
	if p.InstructionIdentification == "" {
		return obErr("UK.OBIE.Field.Missing", "InstructionIdentification is required", "Data.Initiation.InstructionIdentification")
	}
	if k == kindDP && p.EndToEndIdentification == "" {
		return obErr("UK.OBIE.Field.Missing", "EndToEndIdentification is required", "Data.Initiation.EndToEndIdentification")
	}
	if e := validateAmount(p.InstructedAmount, "Data.Initiation.InstructedAmount"); e != nil {
		return e
	}
	if k == kindDSP {
		return validateExecutionDate(p.RequestedExecutionDateTime, now)
	}
	return nil
}

// validateExecutionDate: the bank rejects scheduled payments dated today, more than two
// years ahead, or on a weekend or bank holiday (only fixed-date UK holidays here).
func validateExecutionDate(s string, now time.Time) *obError {
	const path = "Data.Initiation.RequestedExecutionDateTime"
	if s == "" {
		return obErr("UK.OBIE.Field.Missing", "RequestedExecutionDateTime is required", path)
	}
	t, e := optionalTime(s, path)
	if e != nil {
		return e
	}
	d := t.UTC().Truncate(24 * time.Hour)
	today := now.Truncate(24 * time.Hour)
	switch {
	case !d.After(today):
		return obErr("UK.OBIE.Field.InvalidDate", "RequestedExecutionDateTime must be after today", path)
	case d.After(today.AddDate(2, 0, 0)):
		return obErr("UK.OBIE.Field.InvalidDate", "RequestedExecutionDateTime must be at most 2 years ahead", path)
	case d.Weekday() == time.Saturday || d.Weekday() == time.Sunday:
		return obErr("UK.OBIE.Field.InvalidDate", "RequestedExecutionDateTime must not be on a weekend", path)
	case (d.Month() == time.December && (d.Day() == 25 || d.Day() == 26)) || (d.Month() == time.January && d.Day() == 1):
		return obErr("UK.OBIE.Field.InvalidDate", "RequestedExecutionDateTime must not be on a bank holiday", path)
	}
	return nil
}

// validateStandingOrder: "simple" standing orders only; Frequency, NumberOfPayments
// (1-998, 999 open-ended), FirstPaymentDateTime, FirstPaymentAmount and Reference are
// mandatory; end dates are not supported.
func validateStandingOrder(p *initiation, now time.Time) *obError {
	const base = "Data.Initiation."
	for _, f := range []struct{ name, v string }{{"Frequency", p.Frequency}, {"Reference", p.Reference},
		{"NumberOfPayments", p.NumberOfPayments}, {"FirstPaymentDateTime", p.FirstPaymentDateTime}} {
		if f.v == "" {
			return obErr("UK.OBIE.Field.Missing", f.name+" is required", base+f.name)
		}
	}
	if !weekFreqRe.MatchString(p.Frequency) && !monthFreqRe.MatchString(p.Frequency) {
		return obErr("UK.OBIE.Unsupported.Frequency", "Frequency must be IntrvlWkDay:0[124]:0[1-7] or IntrvlMnthDay:(01|02|03|06|12):DD", base+"Frequency")
	}
	if n, err := strconv.Atoi(p.NumberOfPayments); !numPayRe.MatchString(p.NumberOfPayments) || err != nil || n < 1 || n > 999 {
		return obErr("UK.OBIE.Field.Invalid", "NumberOfPayments must be 1-999 (999 = open-ended)", base+"NumberOfPayments")
	}
	if p.FinalPaymentDateTime != "" {
		return obErr("UK.OBIE.Field.Unexpected", "end dates are not supported: use NumberOfPayments", base+"FinalPaymentDateTime")
	}
	t, e := optionalTime(p.FirstPaymentDateTime, base+"FirstPaymentDateTime")
	if e != nil {
		return e
	}
	if !t.After(now) {
		return obErr("UK.OBIE.Field.InvalidDate", "FirstPaymentDateTime must be in the future", base+"FirstPaymentDateTime")
	}
	if p.FirstPaymentAmount == nil {
		return obErr("UK.OBIE.Field.Missing", "FirstPaymentAmount is required", base+"FirstPaymentAmount")
	}
	return validateAmount(p.FirstPaymentAmount, base+"FirstPaymentAmount")
}

// validateAmount: GBP only, positive, at most two decimals.
func validateAmount(a *amount, path string) *obError {
	if a == nil || a.Amount == "" {
		return obErr("UK.OBIE.Field.Missing", "amount is required", path)
	}
	if a.Currency != "GBP" {
		return obErr("UK.OBIE.Unsupported.Currency", "only GBP is supported", path+".Currency")
	}
	if !amountRe.MatchString(a.Amount) {
		return obErr("UK.OBIE.Field.Invalid", "Amount must be a positive decimal with at most 2 decimals", path+".Amount")
	}
	if f, _ := strconv.ParseFloat(a.Amount, 64); f <= 0 {
		return obErr("UK.OBIE.Field.Invalid", "Amount must be positive", path+".Amount")
	}
	return nil
}

// validateAccount: UK.OBIE.SortCodeAccountNumber with 14 digits; a creditor needs a Name.
func validateAccount(a *accountRef, path string, creditor bool) *obError {
	if a == nil {
		return obErr("UK.OBIE.Field.Missing", "account is required", path)
	}
	if a.SchemeName != "UK.OBIE.SortCodeAccountNumber" {
		return obErr("UK.OBIE.Unsupported.Scheme", "SchemeName must be UK.OBIE.SortCodeAccountNumber", path+".SchemeName")
	}
	if !sortCodeRe.MatchString(a.Identification) {
		return obErr("UK.OBIE.Field.Invalid", "Identification must be a 6-digit sort code and 8-digit account number (14 digits)", path+".Identification")
	}
	if creditor && a.Name == "" {
		return obErr("UK.OBIE.Field.Missing", "Name is required", path+".Name")
	}
	return nil
}

// toPence converts a validated amount string.
func toPence(s string) int64 {
	whole, frac, _ := cutDot(s)
	w, _ := strconv.ParseInt(whole, 10, 64)
	for len(frac) < 2 {
		frac += "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	return w*100 + f
}

func cutDot(s string) (string, string, bool) {
	for i := range len(s) {
		if s[i] == '.' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

type pisConsentData struct {
	ConsentID            string          `json:"ConsentId"`
	CreationDateTime     string          `json:"CreationDateTime"`
	Status               string          `json:"Status"`
	StatusUpdateDateTime string          `json:"StatusUpdateDateTime"`
	Permission           string          `json:"Permission,omitempty"`
	Initiation           json.RawMessage `json:"Initiation"`
	DebtorAccount        *accountRef     `json:"DebtorAccount,omitempty"`
}

func (b *Bank) writePISConsent(w http.ResponseWriter, status int, c *consent) {
	d := pisConsentData{ConsentID: c.ID, CreationDateTime: obTime(c.Created), Status: c.Status,
		StatusUpdateDateTime: obTime(c.StatusUpdated), Permission: c.Permission, Initiation: c.Initiation}
	if c.Status != statusAwaiting && len(c.Accounts) == 1 {
		a := b.st.accounts[c.Accounts[0]]
		d.DebtorAccount = &accountRef{SchemeName: a.Scheme, Identification: a.Identification, Name: a.HolderName}
	}
	writeJSON(w, status, envelope{Data: d, Risk: c.Risk, Links: links{Self: b.apiURL + pispBase + "/" + pisPaths[c.Kind].consents + "/" + c.ID}})
}

func (b *Bank) handlePISConsentGet(k kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.bearerLocked(w, r, "payments", useClientCredentials) == nil {
			return
		}
		if c := b.consentForTPPLocked(w, r, k); c != nil {
			b.writePISConsent(w, http.StatusOK, c)
		}
	}
}

// handlePISFundsConfirmation is GET /domestic-payment-consents/{id}/funds-confirmation:
// an auth-code token for that consent, which must be Authorised.
func (b *Bank) handlePISFundsConfirmation(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	tok := b.bearerLocked(w, r, "payments", useAuthCode)
	if tok == nil {
		return
	}
	if !tokenForConsent(w, r, tok, r.PathValue("ConsentId"), "") {
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
	writeJSON(w, http.StatusOK, envelope{Data: map[string]any{"FundsAvailableResult": map[string]any{
		"FundsAvailableDateTime": obTime(b.nowLocked()),
		"FundsAvailable":         toPence(c.pay.paymentAmount().Amount) <= a.Available,
	}}, Links: b.self(r)})
}
