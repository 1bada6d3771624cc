package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

type txPage struct {
	Data  struct{ Transaction []obTransaction }
	Links links
	Meta  meta
}

func TestAISResources(t *testing.T) {
	f := newFixture(t)
	_, tok := f.aisToken()
	at := tok.AccessToken
	s, body := f.do("GET", aispBase+"/accounts", at, nil, nil)
	var accts struct{ Data struct{ Account []obAccount } }
	if err := json.Unmarshal(body, &accts); s != 200 || err != nil || len(accts.Data.Account) != 3 || accts.Data.Account[0].Account[0].Identification != "08999912345678" {
		t.Fatalf("accounts: %d %s", s, body)
	}
	s, body = f.do("GET", aispBase+"/accounts/1003/balances", at, nil, nil)
	if s != 200 || !strings.Contains(string(body), `"CreditLine":[{"Included":true,"Type":"Credit"`) {
		t.Errorf("card balances: %d %s", s, body)
	}
	// Without step-up: last 90 days only, 30 transactions over two pages.
	s, body = f.do("GET", aispBase+"/accounts/1001/transactions", at, nil, map[string]string{"x-fapi-interaction-id": "iid-1"})
	var p1 txPage
	_ = json.Unmarshal(body, &p1)
	if s != 200 || len(p1.Data.Transaction) != pageSize || p1.Meta.TotalPages != 2 || !strings.HasPrefix(p1.Links.Next, f.b.APIURL()+aispBase+"/accounts/1001/transactions?") {
		t.Fatalf("page 1: %d %d %+v", s, len(p1.Data.Transaction), p1.Links)
	}
	s, body = f.do("GET", strings.TrimPrefix(p1.Links.Next, f.b.APIURL()), at, nil, nil)
	var p2 txPage
	_ = json.Unmarshal(body, &p2)
	if s != 200 || len(p2.Data.Transaction) != 5 || p2.Links.Next != "" {
		t.Errorf("page 2: %d %d %+v", s, len(p2.Data.Transaction), p2.Links)
	}
	today := f.b.Now().Truncate(24 * time.Hour)
	q := func(from, to time.Time) string {
		path := aispBase + "/accounts/1001/transactions?fromBookingDateTime=" + from.Format(queryDateTime)
		if !to.IsZero() {
			path += "&toBookingDateTime=" + to.Format(queryDateTime)
		}
		return path
	}
	for name, tt := range map[string]struct {
		path   string
		status int
		code   string
	}{
		"older than 90 days needs step-up": {q(today.AddDate(0, 0, -120), time.Time{}), 403, "UK.OBIE.Reauthenticate"},
		"to today is refused":              {q(today.AddDate(0, 0, -10), today), 400, "UK.OBIE.Field.InvalidDate"},
		"beyond 13 months":                 {q(today.AddDate(0, -14, 0), time.Time{}), 400, "UK.OBIE.Field.InvalidDate"},
		"zone in query date":               {aispBase + "/accounts/1001/transactions?fromBookingDateTime=2026-01-02T00:00:00Z", 400, "UK.OBIE.Field.InvalidDate"},
		"standing orders need step-up":     {aispBase + "/accounts/1001/standing-orders", 403, "UK.OBIE.Reauthenticate"},
		"direct debits need step-up":       {aispBase + "/accounts/1001/direct-debits", 403, "UK.OBIE.Reauthenticate"},
		"scheduled payments need step-up":  {aispBase + "/accounts/1001/scheduled-payments", 403, "UK.OBIE.Reauthenticate"},
		"account outside the bank":         {aispBase + "/accounts/9999/balances", 403, "UK.COOP.Forbidden"},
	} {
		s, body := f.do("GET", tt.path, at, nil, nil)
		if s != tt.status {
			t.Errorf("%s: %d %s", name, s, body)
			continue
		}
		if code, _ := obCode(t, body); code != tt.code {
			t.Errorf("%s: code %s", name, code)
		}
	}
	if s, body := f.do("GET", q(today.AddDate(0, 0, -30), today.AddDate(0, 0, -1)), at, nil, nil); s != 200 {
		t.Errorf("30-day window: %d %s", s, body)
	}
	found := false
	for _, e := range f.b.Requests() {
		if e.InteractionID == "iid-1" {
			found = true
			if !e.BearerAuth || e.Status != 200 || strings.Contains(e.Headers.Get("Authorization"), at) {
				t.Errorf("request log entry: %+v", e)
			}
		}
	}
	if !found {
		t.Error("interaction id iid-1 not in the request log")
	}
}

func TestStepUp(t *testing.T) {
	f := newFixture(t)
	id, tok := f.aisToken()
	stepped := f.authorise(f.params(id, "accounts+offline").set("stepUp", "require"), alice)
	for _, path := range []string{"/accounts/1001/standing-orders", "/accounts/1001/direct-debits", "/accounts/1001/scheduled-payments",
		"/accounts/1001/transactions?fromBookingDateTime=" + f.b.Now().AddDate(0, -12, 0).Format(queryDateTime)} {
		if s, body := f.do("GET", aispBase+path, stepped.AccessToken, nil, nil); s != 200 {
			t.Errorf("%s with step-up: %d %s", path, s, body)
		}
	}
	if s, _ := f.do("GET", aispBase+"/accounts", tok.AccessToken, nil, nil); s != http.StatusUnauthorized {
		t.Errorf("pre-step-up token = %d, want 401 (superseded)", s)
	}
	if _, err := refresh(f, tok.RefreshToken); !isGrantErr(err) {
		t.Errorf("pre-step-up refresh token: %v", err)
	}
	// The step-up survives a refresh.
	next, err := refresh(f, stepped.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := f.do("GET", aispBase+"/accounts/1001/standing-orders", next.AccessToken, nil, nil); s != 200 {
		t.Errorf("refreshed step-up token = %d", s)
	}
	// A wrong OTP ends the journey with Account not found.
	q := f.journey(f.params(id, "accounts+offline").set("stepUp", "require"), JourneyOptions{User: "alice", Password: "password", OTP: "000000"})
	if q.Get("error") != errAccountNotFound || q.Get("error_description") != descAccountNotFound {
		t.Errorf("wrong OTP: %v", q)
	}
	// Full 13-month history with step-up and no from: two pages plus.
	s, body := f.do("GET", aispBase+"/accounts/1001/transactions", next.AccessToken, nil, nil)
	var p txPage
	_ = json.Unmarshal(body, &p)
	if s != 200 || p.Meta.TotalPages < 2 {
		t.Errorf("step-up history: %d pages %d", s, p.Meta.TotalPages)
	}
}

func TestScenarios(t *testing.T) {
	f := newFixture(t)
	check := func(name, token, path string, status int, code, msg string) {
		t.Helper()
		s, body := f.do("GET", aispBase+path, token, nil, nil)
		if s != status {
			t.Errorf("%s: %d %s", name, s, body)
			return
		}
		c, m := obCode(t, body)
		if c != code || (msg != "" && m != msg) {
			t.Errorf("%s: %s %q", name, c, m)
		}
	}
	id, tok := f.aisToken()
	if err := f.b.RevokeTokens(id); err != nil {
		t.Fatal(err)
	}
	check("revoked", tok.AccessToken, "/accounts", 403, "UK.OBIE.Reauthenticate", "")
	if _, err := refresh(f, tok.RefreshToken); !isGrantErr(err) {
		t.Errorf("refresh after revoke: %v", err)
	}
	info, _ := f.b.Consent(id)
	if info.Status != statusAuthorised {
		t.Errorf("consent after revoke: %s", info.Status)
	}
	again := f.authorise(f.params(id, "accounts+offline"), alice)
	if s, _ := f.do("GET", aispBase+"/accounts", again.AccessToken, nil, nil); s != 200 {
		t.Errorf("after re-authentication: %d", s)
	}

	id, tok = f.aisToken()
	_ = f.b.RejectConsent(id)
	check("rejected", tok.AccessToken, "/accounts", 400, "UK.OBIE.Resource.InvalidConsentStatus", "")
	id, tok = f.aisToken()
	_ = f.b.ExpireConsent(id)
	check("expired", tok.AccessToken, "/accounts", 400, "UK.OBIE.Resource.InvalidConsentStatus", "")

	_, tok = f.aisToken()
	_ = f.b.CloseAccount("1002")
	check("closed", tok.AccessToken, "/accounts/1002/balances", 400, "UK.OBIE.Resource.NotFound", "AccountPermanentlyUnavailable")
	_ = f.b.BarAccount("1003")
	check("barred", tok.AccessToken, "/accounts/1003/balances", 400, "UK.OBIE.Resource.NotFound", "AccountTemporarilyUnavailable")
	if s, _ := f.do("GET", aispBase+"/accounts/1001/balances", tok.AccessToken, nil, nil); s != 200 {
		t.Errorf("open account while others closed: %d", s)
	}
	if err := f.b.CloseAccount("nope"); err != ErrNotFound {
		t.Errorf("unknown account: %v", err)
	}

	// A consent that passes its ExpirationDateTime on the bank clock.
	body := mustJSON(t, map[string]any{"Data": map[string]any{"Permissions": []string{"ReadAccountsBasic"},
		"ExpirationDateTime": obTime(f.b.Now().Add(time.Hour))}, "Risk": map[string]any{}})
	s, raw := f.do("POST", aispBase+"/account-access-consents", f.ccToken("accounts"), body, nil)
	if s != 201 {
		t.Fatalf("%d %s", s, raw)
	}
	exp := consentID(t, raw)
	et := f.authorise(f.params(exp, "accounts+offline"), alice)
	f.b.Advance(2 * time.Hour)
	if _, err := refresh(f, et.RefreshToken); !isGrantErr(err) {
		t.Errorf("refresh on an expired consent: %v", err)
	}
}

func TestAISConsentValidation(t *testing.T) {
	f := newFixture(t)
	cc := f.ccToken("accounts")
	for name, tt := range map[string]struct {
		data map[string]any
		code string
	}{
		"empty permissions":       {map[string]any{"Permissions": []string{}}, "UK.OBIE.Field.Missing"},
		"unsupported permission":  {map[string]any{"Permissions": []string{"ReadAccountsBasic", "ReadParty"}}, "UK.OBIE.Field.Invalid"},
		"no accounts permission":  {map[string]any{"Permissions": []string{"ReadBalances"}}, "UK.OBIE.Field.Invalid"},
		"transactions without cd": {map[string]any{"Permissions": []string{"ReadAccountsBasic", "ReadTransactionsBasic"}}, "UK.OBIE.Field.Invalid"},
		"credits without basic":   {map[string]any{"Permissions": []string{"ReadAccountsBasic", "ReadTransactionsCredits"}}, "UK.OBIE.Field.Invalid"},
		"expiry in the past":      {map[string]any{"Permissions": []string{"ReadAccountsBasic"}, "ExpirationDateTime": "2020-01-01T00:00:00+00:00"}, "UK.OBIE.Field.InvalidDate"},
		"expiry not a date":       {map[string]any{"Permissions": []string{"ReadAccountsBasic"}, "ExpirationDateTime": "tomorrow"}, "UK.OBIE.Field.InvalidDate"},
	} {
		s, body := f.do("POST", aispBase+"/account-access-consents", cc, mustJSON(t, map[string]any{"Data": tt.data, "Risk": map[string]any{}}), nil)
		if s != 400 {
			t.Errorf("%s: %d %s", name, s, body)
			continue
		}
		if code, _ := obCode(t, body); code != tt.code {
			t.Errorf("%s: %s", name, code)
		}
	}
	id := f.createAIS("ReadAccountsBasic")
	if s, body := f.do("GET", aispBase+"/account-access-consents/"+id, cc, nil, nil); s != 200 || !strings.Contains(string(body), statusAwaiting) {
		t.Errorf("GET consent: %d %s", s, body)
	}
	if s, _ := f.do("GET", aispBase+"/account-access-consents/"+id, f.ccToken("payments"), nil, nil); s != 403 {
		t.Errorf("GET consent with a payments token: %d", s)
	}
	if s, _ := f.do("DELETE", aispBase+"/account-access-consents/"+id, cc, nil, nil); s != 204 {
		t.Errorf("DELETE consent: %d", s)
	}
	if s, _ := f.do("GET", aispBase+"/account-access-consents/"+id, cc, nil, nil); s != 400 {
		t.Errorf("GET deleted consent: %d", s)
	}
}

// The bank's "today" is the UK's date: at 23:30 UTC in summer (00:30 in
// London the next day) the UTC date is already yesterday, so a booking date
// on it is accepted, and one on the UK's date is refused.
func TestTransactionsUKToday(t *testing.T) {
	f := newFixture(t)
	now := f.b.Now()
	target := time.Date(now.Year()+1, time.July, 10, 23, 30, 0, 0, time.UTC)
	f.b.Advance(target.Sub(now))
	_, tok := f.aisToken()
	path := func(from string) string {
		return aispBase + "/accounts/1001/transactions?fromBookingDateTime=" + from
	}
	utcDate := fmt.Sprintf("%d-07-10T10:00:00", target.Year())
	if s, body := f.do("GET", path(utcDate), tok.AccessToken, nil, nil); s != 200 {
		t.Errorf("from the UTC date (UK yesterday): %d %s", s, body)
	}
	ukDate := fmt.Sprintf("%d-07-11T00:10:00", target.Year())
	s, body := f.do("GET", path(ukDate), tok.AccessToken, nil, nil)
	if code, _ := obCode(t, body); s != 400 || code != "UK.OBIE.Field.InvalidDate" {
		t.Errorf("from the UK's today: %d %s", s, body)
	}
}
