package refresh_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/refresh"
)

// rejectedFunc is a RefreshRejected.
type rejectedFunc func(consentID, rejected string) (*consent.Tokens, error)

func (f rejectedFunc) RefreshRejected(_ context.Context, consentID, rejected string) (*consent.Tokens, error) {
	return f(consentID, rejected)
}

// TestSend: a 401 refreshes once, naming the refused token, and the call is
// made once more with the fresh tokens; any other answer is returned as is;
// a failed refresh is returned with the tokens used.
func TestSend(t *testing.T) {
	old, fresh := &consent.Tokens{AccessToken: "old"}, &consent.Tokens{AccessToken: "fresh"}
	unauthorized := &bankapi.Error{Status: http.StatusUnauthorized}
	refuseErr := errors.New("refresh refused")
	for _, tc := range []struct {
		name      string
		answers   map[string]error // by access token
		refreshed error
		calls     []string
		refreshes int
		used      *consent.Tokens
		err       error
	}{
		{"ok", map[string]error{"old": nil}, nil, []string{"old"}, 0, old, nil},
		{"other error, no refresh", map[string]error{"old": &bankapi.Error{Status: http.StatusForbidden}}, nil, []string{"old"}, 0, old, nil},
		{"401 then ok", map[string]error{"old": unauthorized, "fresh": nil}, nil, []string{"old", "fresh"}, 1, fresh, nil},
		{"401 twice: once only", map[string]error{"old": unauthorized, "fresh": unauthorized}, nil, []string{"old", "fresh"}, 1, fresh, unauthorized},
		{"refresh fails", map[string]error{"old": unauthorized}, refuseErr, []string{"old"}, 1, old, refuseErr},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls []string
			refreshes := 0
			tokens := rejectedFunc(func(consentID, rejected string) (*consent.Tokens, error) {
				refreshes++
				if consentID != "c-1" || rejected != "old" {
					t.Errorf("RefreshRejected(%q, %q)", consentID, rejected)
				}
				if tc.refreshed != nil {
					return nil, tc.refreshed
				}
				return fresh, nil
			})
			_, used, err := refresh.Send(context.Background(), tokens, "c-1", old, func(tok *consent.Tokens) (*bankapi.Response, error) {
				calls = append(calls, tok.AccessToken)
				return &bankapi.Response{}, tc.answers[tok.AccessToken]
			})
			if !slices.Equal(calls, tc.calls) || refreshes != tc.refreshes || used != tc.used {
				t.Errorf("calls %v refreshes %d used %v", calls, refreshes, used.AccessToken)
			}
			want := tc.err
			if want == nil {
				want = tc.answers[tc.used.AccessToken]
			}
			if !errors.Is(err, want) && err != want {
				t.Errorf("err %v, want %v", err, want)
			}
		})
	}
}
