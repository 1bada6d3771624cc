package bankapi

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/oauth"
)

// ccTokens hands out numbered tokens and records which ones were forgotten.
type ccTokens struct {
	n         int
	forgotten []string
	err       error
}

func (c *ccTokens) ClientCredentials(context.Context, string) (*oauth.Token, error) {
	if c.err != nil {
		return nil, c.err
	}
	c.n++
	return &oauth.Token{AccessToken: "cc-" + string(rune('0'+c.n))}, nil
}

func (c *ccTokens) ForgetClientCredentials(t *oauth.Token) {
	c.forgotten = append(c.forgotten, t.AccessToken)
}

func TestWithClientCredentials(t *testing.T) {
	t.Parallel()
	unauthorized := &Error{Status: http.StatusUnauthorized, BodyKind: BodyEmpty}
	tests := []struct {
		name      string
		answers   []error // what the bank answers, call by call
		wantSent  []string
		wantForgt []string
		wantErr   bool
	}{
		{"ok", []error{nil}, []string{"cc-1"}, nil, false},
		{"401 then ok: new token", []error{unauthorized, nil}, []string{"cc-1", "cc-2"}, []string{"cc-1"}, false},
		{"401 twice: give up", []error{unauthorized, unauthorized}, []string{"cc-1", "cc-2"}, []string{"cc-1"}, true},
		{"500: not resent", []error{&Error{Status: 500}}, []string{"cc-1"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cc := &ccTokens{}
			var sent []string
			do := func(_ context.Context, r Request) (*Response, error) {
				sent = append(sent, r.AccessToken)
				if err := tt.answers[len(sent)-1]; err != nil {
					return nil, err
				}
				return &Response{Status: 200}, nil
			}
			_, err := WithClientCredentials(context.Background(), do, cc, "accounts", Request{Method: http.MethodGet, Path: "/x"})
			if (err != nil) != tt.wantErr {
				t.Errorf("err = %v, want error %v", err, tt.wantErr)
			}
			if len(sent) != len(tt.wantSent) || (len(sent) > 1 && sent[1] != tt.wantSent[1]) || sent[0] != tt.wantSent[0] {
				t.Errorf("sent with %v, want %v", sent, tt.wantSent)
			}
			if len(cc.forgotten) != len(tt.wantForgt) {
				t.Errorf("forgot %v, want %v", cc.forgotten, tt.wantForgt)
			}
		})
	}
	t.Run("token endpoint down", func(t *testing.T) {
		t.Parallel()
		cc := &ccTokens{err: &oauth.Error{StatusCode: 503, Transient: true}}
		_, err := WithClientCredentials(context.Background(), func(context.Context, Request) (*Response, error) {
			t.Fatal("the bank was called without a token")
			return nil, nil
		}, cc, "accounts", Request{})
		if !oauth.IsTransient(err) || errors.As(err, new(*Error)) {
			t.Errorf("err = %v, want the token client's transient error", err)
		}
	})
}

// A 401 with too little of the request's time left is not resent: the new token
// and the resend would run into the deadline. The caller gets a transient error
// (retry later) at once, the rejected token is forgotten for the next request,
// and the 401 is still visible inside.
func TestWithClientCredentialsResendNeedsTime(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		left     time.Duration // 0: no deadline
		wantSent int
	}{
		{"no deadline: resent", 0, 2},
		{"enough left: resent", time.Minute, 2},
		{"too little left: not resent", ResendMinTime / 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			if tt.left > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.left)
				defer cancel()
			}
			cc := &ccTokens{}
			sent := 0
			_, err := WithClientCredentials(ctx, func(context.Context, Request) (*Response, error) {
				sent++
				return nil, &Error{Status: http.StatusUnauthorized, BodyKind: BodyEmpty, InteractionID: "iid-1"}
			}, cc, "accounts", Request{Method: http.MethodPost, Path: "/x"})
			if sent != tt.wantSent || len(cc.forgotten) != 1 {
				t.Errorf("sent %d times, forgot %v; want %d sends and cc-1 forgotten", sent, cc.forgotten, tt.wantSent)
			}
			var be *Error
			if !errors.As(err, &be) || be.Status != http.StatusUnauthorized {
				t.Errorf("err = %v, want the 401 inside", err)
			}
			var te *TransportError
			skipped := errors.As(err, &te)
			if want := tt.wantSent == 1; skipped != want || Classify(err) != map[bool]Action{true: ActionRetryLater, false: ActionRefresh}[want] {
				t.Errorf("err = %v (%v), want a transient error only when the resend was skipped", err, Classify(err))
			}
			if skipped && (te.MayHaveBeenProcessed || te.InteractionID != "iid-1") {
				t.Errorf("skipped resend: %+v, want not processed and the bank's interaction id", te)
			}
		})
	}
}
