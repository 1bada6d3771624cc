package sandbox

import (
	"net/http"
	"slices"
)

type obAccount struct {
	AccountID      string       `json:"AccountId"`
	Status         string       `json:"Status"`
	Currency       string       `json:"Currency"`
	AccountType    string       `json:"AccountType"`
	AccountSubType string       `json:"AccountSubType"`
	Nickname       string       `json:"Nickname,omitempty"`
	Account        []accountRef `json:"Account,omitempty"`
}

type obBalance struct {
	AccountID            string         `json:"AccountId"`
	CreditDebitIndicator string         `json:"CreditDebitIndicator"`
	Type                 string         `json:"Type"`
	DateTime             string         `json:"DateTime"`
	Amount               amount         `json:"Amount"`
	CreditLine           []obCreditLine `json:"CreditLine,omitempty"`
}

type obCreditLine struct {
	Included bool   `json:"Included"`
	Type     string `json:"Type"`
	Amount   amount `json:"Amount"`
}

func gbp(p int64) amount { return amount{Amount: pence(p), Currency: "GBP"} }

// aisLocked authorises an AIS resource call: an auth-code "accounts" token, its consent
// Authorised and unexpired, one of perms held, and (when accountID is set) the account
// in the consent and available. It writes the refusal and returns ok=false.
func (b *Bank) aisLocked(w http.ResponseWriter, r *http.Request, accountID string, perms ...string) (*accessToken, *consent, *account, bool) {
	tok := b.bearerLocked(w, r, "accounts", useAuthCode)
	if tok == nil {
		return nil, nil, nil, false
	}
	c := b.consentOfLocked(w, r, tok)
	if c == nil {
		return nil, nil, nil, false
	}
	if !slices.ContainsFunc(perms, func(p string) bool { return slices.Contains(c.Permissions, p) }) {
		writeOBError(w, r, 0, obErr("UK.COOP.Forbidden", "the consent does not grant "+perms[0], ""))
		return nil, nil, nil, false
	}
	var ids []string
	if accountID != "" {
		if !slices.Contains(c.Accounts, accountID) {
			writeOBError(w, r, 0, obErr("UK.COOP.Forbidden", "account "+accountID+" is not in the consent", ""))
			return nil, nil, nil, false
		}
		ids = []string{accountID}
	} else {
		ids = c.Accounts
	}
	for _, id := range ids {
		if e := b.st.accounts[id].unavailable(); e != nil {
			writeOBError(w, r, 0, e)
			return nil, nil, nil, false
		}
	}
	var a *account
	if accountID != "" {
		a = b.st.accounts[accountID]
	}
	return tok, c, a, true
}

// requireStepUp refuses, with 403 UK.OBIE.Reauthenticate, a call that needs step-up
// (the bank's page: transactions over 90 days, standing orders, direct debits,
// scheduled payments) from a token without it.
func requireStepUp(w http.ResponseWriter, r *http.Request, tok *accessToken, what string) bool {
	if tok.grant.stepUp {
		return true
	}
	writeOBError(w, r, 0, obErr("UK.OBIE.Reauthenticate", what+" needs step-up authentication (stepUp=require journey)", ""))
	return false
}

func toOBAccount(a *account, detail bool) obAccount {
	o := obAccount{AccountID: a.ID, Status: "Enabled", Currency: "GBP", AccountType: "Personal", AccountSubType: a.SubType, Nickname: a.Nickname}
	if detail {
		o.Account = []accountRef{{SchemeName: a.Scheme, Identification: a.Identification, Name: a.HolderName}}
	}
	return o
}

func (b *Bank) handleAccounts(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	_, c, _, ok := b.aisLocked(w, r, "", "ReadAccountsBasic", "ReadAccountsDetail")
	if !ok {
		return
	}
	detail := slices.Contains(c.Permissions, "ReadAccountsDetail")
	list := []obAccount{}
	for _, id := range c.Accounts {
		list = append(list, toOBAccount(b.st.accounts[id], detail))
	}
	writeJSON(w, http.StatusOK, envelope{Data: map[string]any{"Account": list}, Links: b.self(r)})
}

func (b *Bank) handleAccount(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	_, c, a, ok := b.aisLocked(w, r, r.PathValue("AccountId"), "ReadAccountsBasic", "ReadAccountsDetail")
	if !ok {
		return
	}
	detail := slices.Contains(c.Permissions, "ReadAccountsDetail")
	writeJSON(w, http.StatusOK, envelope{Data: map[string]any{"Account": []obAccount{toOBAccount(a, detail)}}, Links: b.self(r)})
}

// handleBalances follows the bank's AIS deviations (docs/bank-rules.md §AIS limits): current accounts
// report the available balance with the overdraft as credit line; savings no credit
// line; credit cards the available-to-spend figure with the credit limit.
func (b *Bank) handleBalances(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	_, _, a, ok := b.aisLocked(w, r, r.PathValue("AccountId"), "ReadBalances")
	if !ok {
		return
	}
	bal := obBalance{AccountID: a.ID, CreditDebitIndicator: "Credit", Type: "InterimAvailable",
		DateTime: obTime(b.nowLocked()), Amount: gbp(a.Available)}
	if a.CreditLine > 0 {
		bal.CreditLine = []obCreditLine{{Included: a.SubType == "CreditCard", Type: a.CreditLineType, Amount: gbp(a.CreditLine)}}
	}
	writeJSON(w, http.StatusOK, envelope{Data: map[string]any{"Balance": []obBalance{bal}}, Links: b.self(r)})
}

func (b *Bank) handleDirectDebits(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	tok, _, a, ok := b.aisLocked(w, r, r.PathValue("AccountId"), "ReadDirectDebits")
	if !ok || !requireStepUp(w, r, tok, "direct debits") {
		return
	}
	list := []map[string]any{}
	for _, d := range a.directDebits {
		list = append(list, map[string]any{"AccountId": a.ID, "DirectDebitId": d.ID, "MandateIdentification": d.Mandate,
			"DirectDebitStatusCode": "Active", "Name": d.Name, "PreviousPaymentDateTime": obTime(d.Previous),
			"PreviousPaymentAmount": gbp(d.Amount)})
	}
	writeJSON(w, http.StatusOK, envelope{Data: map[string]any{"DirectDebit": list}, Links: b.self(r)})
}

func (b *Bank) handleStandingOrders(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	tok, c, a, ok := b.aisLocked(w, r, r.PathValue("AccountId"), "ReadStandingOrdersBasic", "ReadStandingOrdersDetail")
	if !ok || !requireStepUp(w, r, tok, "standing orders") {
		return
	}
	detail := slices.Contains(c.Permissions, "ReadStandingOrdersDetail")
	list := []map[string]any{}
	for _, s := range a.standingOrders {
		m := map[string]any{"AccountId": a.ID, "StandingOrderId": s.ID, "Frequency": s.Frequency, "Reference": s.Reference,
			"FirstPaymentDateTime": obTime(s.First), "FirstPaymentAmount": gbp(s.Amount),
			"NextPaymentDateTime": obTime(s.Next), "NextPaymentAmount": gbp(s.Amount), "StandingOrderStatusCode": "Active"}
		if detail {
			m["CreditorAccount"] = s.Creditor
		}
		list = append(list, m)
	}
	writeJSON(w, http.StatusOK, envelope{Data: map[string]any{"StandingOrder": list}, Links: b.self(r)})
}

func (b *Bank) handleScheduledPayments(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	tok, c, a, ok := b.aisLocked(w, r, r.PathValue("AccountId"), "ReadScheduledPaymentsBasic", "ReadScheduledPaymentsDetail")
	if !ok || !requireStepUp(w, r, tok, "scheduled payments") {
		return
	}
	detail := slices.Contains(c.Permissions, "ReadScheduledPaymentsDetail")
	list := []map[string]any{}
	for _, s := range a.scheduled {
		m := map[string]any{"AccountId": a.ID, "ScheduledPaymentId": s.ID, "ScheduledPaymentDateTime": obTime(s.When),
			"ScheduledType": "Execution", "Reference": s.Reference, "InstructedAmount": gbp(s.Amount)}
		if detail {
			m["CreditorAccount"] = s.Creditor
		}
		list = append(list, m)
	}
	writeJSON(w, http.StatusOK, envelope{Data: map[string]any{"ScheduledPayment": list}, Links: b.self(r)})
}
