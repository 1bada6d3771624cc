package bankapi

import (
	"context"
	"errors"
	"net/http"
	"testing"

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
