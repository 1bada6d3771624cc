package bankoutcome

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/httpapi"
)

// TestUsable: only an Authorised consent of the route's type serves it; any
// other answers what the app must do, and only a consent that needs
// re-authentication records it (and offers the journey).
func TestUsable(t *testing.T) {
	cases := []struct {
		name, typ, status string
		payment           bool
		ok                bool
		want              want
	}{
		{"authorised", "accounts", consent.StatusAuthorised, false, true, want{}},
		{"wrong type", "payments", consent.StatusAuthorised, true, false, want{typ: httpapi.TypeInvalidRequest, status: http.StatusBadRequest}},
		{"needs re-authentication", "accounts", consent.StatusReauthRequired, false, false,
			want{typ: httpapi.TypeReauthenticationRequired, status: 403, action: httpapi.ActionReauthenticate,
				happening: consent.ReauthRequired, why: "consent needs re-authentication", journey: Reauthorise}},
		{"payment needs re-authentication", "payments", consent.StatusReauthRequired, true, false,
			want{typ: httpapi.TypeReconsentRequired, status: 409, action: httpapi.ActionReconsent,
				happening: consent.ReconsentRequired, why: "consent needs re-authentication"}},
		{"not authorised yet", "accounts", consent.StatusAwaitingAuthorisation, false, false, want{typ: httpapi.TypeConflict, status: 409}},
		{"consumed", "payments", consent.StatusConsumed, true, false, want{typ: httpapi.TypePaymentNotAllowed, status: 409}},
		{"revoked", "accounts", consent.StatusRevoked, false, false, want{typ: httpapi.TypeReconsentRequired, status: 409, action: httpapi.ActionReconsent}},
		{"expired", "accounts", consent.StatusExpired, false, false, want{typ: httpapi.TypeReconsentRequired, status: 409, action: httpapi.ActionReconsent}},
	}
	for _, tc := range cases {
		route := tc.typ
		if tc.name == "wrong type" {
			route = "accounts"
		}
		o, ok := Usable(&consent.Consent{Type: tc.typ, Status: tc.status}, route, tc.payment)
		got := want{typ: o.Problem.Type, status: o.Problem.Status, action: o.Problem.Action, happening: o.Happening,
			why: o.Why, journey: o.Journey}
		if ok != tc.ok || fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: ok %v %+v, want ok %v %+v", tc.name, ok, got, tc.ok, tc.want)
		}
	}
}

// TestUsableKeepsTheReason: a consent that already needs re-authentication answers with the
// reason it holds (the bank's code, invalid_grant), so recording the refusal changes nothing
// on it: its lastError stays the bank's and no lifecycle event repeats the one the app had.
func TestUsableKeepsTheReason(t *testing.T) {
	for _, reason := range []string{"invalid_grant", "UK.OBIE.Reauthenticate"} {
		c := &consent.Consent{ID: "c1", Type: "accounts", Status: consent.StatusReauthRequired,
			BankStatus: consent.StatusAuthorised, LastAction: consent.ActionReauthenticate, LastError: reason}
		o, ok := Usable(c, "accounts", false)
		if ok || o.Why != reason || o.Happening != consent.ReauthRequired {
			t.Fatalf("%s: ok %v why %q happening %q", reason, ok, o.Why, o.Happening)
		}
		changed, err := consent.Apply(c, o.Happening, time.Now(), o.Why)
		if err != nil || changed || len(c.Events) != 0 || c.LastError != reason {
			t.Errorf("%s: recording the local refusal changed %v (%v), events %v, lastError %q", reason, changed, err, c.Events, c.LastError)
		}
	}
}
