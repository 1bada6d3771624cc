package main

import (
	"errors"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
)

// TestAuthorisationReadsSharedAccounts: after an AIS journey the callback reads the accounts
// the customer ticked on the bank's page (GET /accounts) and keeps their ids and masked
// identifications; a re-authentication sharing other accounts replaces them; a payment
// consent reads none.
func TestAuthorisationReadsSharedAccounts(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	f.wantResult(f.callback(f.drive(f.start(c, false), sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1002"}})),
		c.ID, OutcomeAuthorised)
	got, err := f.env.Deps.Store.GetAccounts(f.ctx, c.ID)
	if err != nil {
		t.Fatalf("accounts: %v", err)
	}
	if len(got.Accounts) != 1 || got.Accounts[0].ID != "1002" || len(got.Accounts[0].Masked) == 0 || got.Accounts[0].Masked[:len("••••")] != "••••" {
		t.Errorf("accounts %+v, want 1002 with a masked identification", got.Accounts)
	}

	f.wantResult(f.callback(f.drive(f.start(f.consent(c.ID), false), sandbox.JourneyOptions{User: "alice", Password: "password", Accounts: []string{"1001", "1002"}})),
		c.ID, OutcomeAuthorised)
	got, err = f.env.Deps.Store.GetAccounts(f.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range got.Accounts {
		ids = append(ids, a.ID)
	}
	if diff := cmp.Diff([]string{"1001", "1002"}, ids); diff != "" {
		t.Errorf("after re-authentication (-want +got):\n%s", diff)
	}

	p := f.createConsent(typePIS)
	f.wantResult(f.callback(f.drive(f.start(p, false), alice)), p.ID, OutcomeAuthorised)
	if _, err := f.env.Deps.Store.GetAccounts(f.ctx, p.ID); !errors.Is(err, consent.ErrNotFound) {
		t.Errorf("payment consent accounts: %v, want none", err)
	}
}

// TestAccountsReadFailureScheduledForRetry: when the bank fails the accounts read, the journey
// still ends authorised and the read is left pending for the tokens run.
func TestAccountsReadFailureScheduledForRetry(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.createConsent(typeAIS)
	back := f.drive(f.start(c, false), alice)
	f.env.Bank.Fail(bankapi.AISPPath+"/accounts", sandbox.Fault{Status: http.StatusServiceUnavailable})
	f.wantResult(f.callback(back), c.ID, OutcomeAuthorised)
	a, err := f.env.Deps.Store.GetAccounts(f.ctx, c.ID)
	if err != nil || !a.Pending || a.RetryShard == "" || len(a.Accounts) != 0 {
		t.Errorf("accounts after a failed read: %+v %v, want pending in the refresh index", a, err)
	}
}
