// Package accountlist reads the accounts a customer shared with an AIS
// consent from the bank's GET /accounts (OB Read/Write v3.1 AIS, Accounts
// endpoint) after each (re-)authorisation, and keeps only what a consent
// dashboard needs: the AccountId and, when the consent holds
// ReadAccountsDetail, the account identification masked to its last four
// characters (consent.SharedAccounts). Nothing else of the bank's answer is
// kept or logged.
package accountlist

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
)

// Timeout bounds the read when it runs on the customer's redirect path.
const Timeout = 3 * time.Second

// Retries of a failed read by the tokens run: after RetryAfter, doubling,
// at most MaxAttempts in all.
const (
	RetryAfter  = time.Minute
	MaxAttempts = 6
)

// NextRetry is when attempt (1 = the first retry) runs; zero once MaxAttempts are spent.
func NextRetry(now time.Time, attempt int) time.Time {
	if attempt >= MaxAttempts {
		return time.Time{}
	}
	return now.Add(RetryAfter << (attempt - 1))
}

// bankDoer is the part of *bankapi.Client Read uses.
type bankDoer interface {
	Do(ctx context.Context, r bankapi.Request) (*bankapi.Response, error)
}

// store is the part of *consent.Store Read uses.
type store interface {
	GetConsent(ctx context.Context, id string) (*consent.Consent, error)
	GetTokens(ctx context.Context, consentID string) (*consent.Tokens, error)
	PutAccounts(ctx context.Context, a *consent.SharedAccounts, expires time.Time) error
}

// accountsBody is the part of OBReadAccount6 kept.
type accountsBody struct {
	Data struct {
		Account []struct {
			AccountID string `json:"AccountId"`
			Account   []struct {
				Identification string `json:"Identification"`
			} `json:"Account"`
		} `json:"Account"`
	} `json:"Data"`
}

// ErrNotApplicable: the consent is not an Authorised accounts consent; nothing was read.
var ErrNotApplicable = errors.New("accountlist: not an authorised accounts consent")

// Read reads the accounts of an authorised AIS consent with its stored
// access token and stores them. Any other consent is left alone
// (ErrNotApplicable).
func Read(ctx context.Context, bank bankDoer, st store, consentID string, now time.Time) error {
	c, err := st.GetConsent(ctx, consentID)
	if err != nil {
		return err
	}
	if c.Type != "accounts" || c.Status != consent.StatusAuthorised {
		return ErrNotApplicable
	}
	tok, err := st.GetTokens(ctx, consentID)
	if err != nil {
		return err
	}
	resp, err := bank.Do(ctx, bankapi.Request{Method: http.MethodGet, Path: bankapi.AISPPath + "/accounts", AccessToken: tok.AccessToken})
	if err != nil {
		return fmt.Errorf("consent %s: read accounts: %w", consentID, err)
	}
	var body accountsBody
	if err := json.Unmarshal(resp.Body, &body); err != nil {
		return fmt.Errorf("consent %s: read accounts: not OBReadAccount JSON", consentID)
	}
	detail := slices.Contains(c.Permissions, "ReadAccountsDetail")
	out := &consent.SharedAccounts{ConsentID: consentID, ReadAt: now, Accounts: []consent.SharedAccount{}}
	for _, a := range body.Data.Account {
		s := consent.SharedAccount{ID: a.AccountID}
		if detail && len(a.Account) > 0 {
			s.Masked = Mask(a.Account[0].Identification)
		}
		out.Accounts = append(out.Accounts, s)
	}
	return st.PutAccounts(ctx, out, c.ExpiresAt)
}

// Mask keeps the last four characters of an identification ("••••5678");
// shorter ones are masked whole.
func Mask(id string) string {
	id = strings.TrimSpace(id)
	r := []rune(id)
	if len(r) <= 4 {
		return strings.Repeat("•", len(r))
	}
	return "••••" + string(r[len(r)-4:])
}
