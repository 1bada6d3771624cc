package authflow

import (
	"errors"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/consent"
)

func TestCheck(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		typ, status string
		stepUp      bool
		expires     time.Time
		want        error
	}{
		{TypeAccounts, consent.StatusAwaitingAuthorisation, false, time.Time{}, nil},
		{TypeAccounts, consent.StatusAwaitingAuthorisation, true, time.Time{}, ErrStepUpNotAllowed},
		{TypeAccounts, consent.StatusAuthorised, false, time.Time{}, nil},
		{TypeAccounts, consent.StatusAuthorised, true, time.Time{}, nil},
		{TypeAccounts, consent.StatusReauthRequired, true, time.Time{}, nil},
		{TypeAccounts, consent.StatusAuthorised, false, now, ErrNotAuthorisable},
		{TypeAccounts, consent.StatusAuthorised, false, now.Add(time.Minute), nil},
		{TypeAccounts, consent.StatusRevoked, false, time.Time{}, ErrNotAuthorisable},
		{TypeAccounts, consent.StatusRejected, false, time.Time{}, ErrNotAuthorisable},
		{TypeAccounts, consent.StatusExpired, false, time.Time{}, ErrNotAuthorisable},
		{TypeAccounts, consent.StatusFailed, false, time.Time{}, ErrNotAuthorisable},
		{TypeFundsConfirmations, consent.StatusAuthorised, false, time.Time{}, nil},
		{TypeFundsConfirmations, consent.StatusAuthorised, true, time.Time{}, ErrStepUpNotAllowed},
		{TypePayments, consent.StatusAwaitingAuthorisation, false, time.Time{}, nil},
		{TypePayments, consent.StatusAwaitingAuthorisation, true, time.Time{}, ErrStepUpNotAllowed},
		{TypePayments, consent.StatusAuthorised, false, time.Time{}, ErrNotAuthorisable},
		{TypePayments, consent.StatusConsumed, false, time.Time{}, ErrNotAuthorisable},
	}
	for _, tt := range tests {
		c := &consent.Consent{Type: tt.typ, Status: tt.status, ExpiresAt: tt.expires}
		if err := Check(c, tt.stepUp, now); !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
			t.Errorf("Check(%s %s stepUp=%v expires=%v) = %v, want %v", tt.typ, tt.status, tt.stepUp, tt.expires, err, tt.want)
		}
	}
}

func TestParams(t *testing.T) {
	t.Parallel()
	c := &consent.Consent{ID: "id", Type: TypePayments, Brand: "smile", Journey: "DSO", BenName: "Bob", Amount: "1.00", PaymentDate: "x"}
	if p := Params(c, false); p.BenName != "" || p.Amount != "" || p.PaymentDate != "" || p.Journey != "DSO" || p.LoginHint != "smile" {
		t.Errorf("DSO params %+v: no ben_name, amount or pymt_dt", p)
	}
	c.Journey = "DP"
	if p := Params(c, false); p.BenName != "Bob" || p.Amount != "1.00" || p.PaymentDate != "" {
		t.Errorf("DP params %+v", p)
	}
	c.Journey = "DSP"
	if p := Params(c, false); p.PaymentDate != "x" || p.Amount != "1.00" {
		t.Errorf("DSP params %+v", p)
	}
	c = &consent.Consent{ID: "id", Type: TypeAccounts, Brand: "coop", Journey: "DP", Amount: "1"}
	if p := Params(c, true); p.Journey != "" || p.Amount != "" || !p.StepUp || p.Scope != "accounts+offline" {
		t.Errorf("accounts params %+v", p)
	}
}
