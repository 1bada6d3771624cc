package oauth

import (
	"testing"
	"time"

	"golang.org/x/oauth2"
)

func TestFromOAuth2TokenType(t *testing.T) {
	t.Parallel()
	issued := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		sent, want string
		bearer     bool
	}{
		{"bearer", "Bearer", true},
		{"BEARER", "Bearer", true},
		{"", "Bearer", true},
		{"mac", "mac", false},
		{"DPoP", "DPoP", false},
		{"a-very-long-token-type-value", "(invalid)", false},
		{"x\"y", "(invalid)", false},
	} {
		tk := (&oauth2.Token{AccessToken: "access-value", RefreshToken: "refresh-rotated", TokenType: tc.sent}).
			WithExtra(map[string]any{"expires_in": float64(1800)})
		got, err := fromOAuth2(tk, issued)
		if err != nil {
			t.Errorf("token_type %q: %v, want the tokens (the bank may have rotated)", tc.sent, err)
			continue
		}
		if got.TokenType != tc.want || got.IsBearer() != tc.bearer || got.RefreshToken != "refresh-rotated" ||
			!got.ExpiresAt.Equal(issued.Add(30*time.Minute)) {
			t.Errorf("token_type %q: got %v (bearer %v), want type %q", tc.sent, got, got.IsBearer(), tc.want)
		}
	}
}
