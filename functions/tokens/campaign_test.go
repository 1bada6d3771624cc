package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/campaign"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/dev/testenv"
)

// campaignRounds is how many scheduled refreshes one campaign plays.
const campaignRounds = 15

// TestFaultCampaign plays seeded scheduled refreshes through the tokens function's real handler,
// against a bank that rotates one-time refresh tokens, each under a random mix of bank faults on
// the token endpoint and store faults (every class awsfault injects, on the round's tokens or on
// the refresh index). Runs follow as the schedule would. No run may count an unexpected error,
// a failed run is allowed only when the index itself could not be read (docs/refresh.md), and
// the refresh token kept must still refresh once the faults end, except after the one loss
// docs/refresh.md explains (the answer to a rotating refresh lost after the bank acted).
// CAMPAIGN_SEED replays a campaign.
func TestFaultCampaign(t *testing.T) {
	camp := campaign.New(t)
	e := testenv.Start(t, testenv.Options{Faults: camp.Faults, Bank: sandbox.Options{RefreshMode: sandbox.RefreshRotateOneTime},
		Env: map[string]string{"BANK_HTTP_TIMEOUT": "1s", "REFRESH_POLICY": "all", "REFRESH_SHARDS": "4"}})
	f := &fixture{env: e, h: New(e.Deps), metrics: &testenv.SyncBuffer{}}
	f.h.metrics = f.metrics
	menu := campaign.BankFaults(time.Second)
	for i := range campaignRounds {
		scheduledRound(t, f, camp, menu, i)
	}
	camp.Report()
}

func scheduledRound(t *testing.T, f *fixture, camp *campaign.Campaign, menu []campaign.BankFault, round int) {
	id := refreshtest.Authorise(t, f.env)
	f.advance(25 * time.Minute)
	what := camp.StoreFault(0.7, campaign.StoreTarget{Operation: "UpdateItem", Contains: id, MaxAfter: 2},
		campaign.StoreTarget{Operation: "GetItem", Contains: id, MaxAfter: 2},
		campaign.StoreTarget{Operation: "Query", Contains: "R#"})
	bf, bankOn := camp.PickBankFault(f.env.Bank, 0.6, "/apis/oauth", 3, menu)
	where := fmt.Sprintf("scheduled round %d (%s; bank %s)", round, what, bf.Name)

	refreshed, reauth := false, false
	runs := func(n int) {
		for range n {
			s, err := f.h.Handle(context.Background(), json.RawMessage(`{}`))
			switch {
			case err != nil && !strings.HasPrefix(what, "store Query"):
				camp.Fail(campaign.UndocumentedAnswers, "%s: run failed without a fault on the index: %v", where, err)
			case err != nil:
				camp.Add("runs failed (index unreadable)", 1)
			case s.Errors != 0:
				camp.Fail(campaign.UndocumentedAnswers, "%s: run counted %d errors", where, s.Errors)
			}
			camp.Add(fmt.Sprintf("runs refreshed=%d retryLater=%d reauth=%d", s.Refreshed, s.RetryLater, s.ReauthRequired), 1)
			refreshed, reauth = refreshed || s.Refreshed > 0, reauth || s.ReauthRequired > 0
			if refreshed || reauth {
				return
			}
			f.advance(5 * time.Minute) // past the refresher's backoff and any lease left behind
		}
	}
	runs(4)
	camp.Faults.Clear()
	f.env.Bank.ClearFaults()
	if !refreshed && !reauth {
		runs(3)
	}
	if refreshed && !reauth { // the chain must still work with what the connector kept
		refreshed = false
		f.advance(25 * time.Minute)
		runs(2)
		if !refreshed && !reauth {
			camp.Fail(campaign.UndocumentedAnswers, "%s: no refresh once the faults ended", where)
		}
	}
	switch {
	case reauth && bankOn && bf.Acted:
		camp.Add(campaign.ExplainedTokenLosses, 1)
	case reauth:
		camp.Fail(campaign.LostRefreshTokens, "%s: the bank refused the stored refresh token", where)
	}
	if tk := f.tokens(t, id); tk.LeaseHolder != "" && tk.LeaseUntil.After(f.env.Bank.Now()) {
		camp.Fail(campaign.HalfWrittenJourneys, "%s: a lease still held after the round", where)
	}
	if err := f.env.Deps.Store.ClearRefreshDue(context.Background(), id); err != nil { // the next rounds refresh only theirs
		t.Fatal(err)
	}
	camp.Add("scheduledRounds", 1)
}
