package conflict

import (
	"errors"
	"fmt"
	"testing"

	"github.com/coop-ob/connector/shared/consent"
)

func TestRetry(t *testing.T) {
	t.Parallel()
	other := errors.New("store down")
	conflicted := fmt.Errorf("write: %w", consent.ErrConflict)
	tests := []struct {
		name      string
		results   []error // what each attempt returns, in order
		wantCalls int
		want      error
	}{
		{"first attempt succeeds", []error{nil}, 1, nil},
		{"succeeds after conflicts", []error{conflicted, conflicted, nil}, 3, nil},
		{"other error is not retried", []error{other}, 1, other},
		{"other error after a conflict", []error{conflicted, other}, 2, other},
		{"every attempt conflicts", []error{conflicted, conflicted, conflicted, nil}, MaxAttempts, consent.ErrConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			calls := 0
			err := Retry(func() error {
				calls++
				return tt.results[calls-1]
			})
			if calls != tt.wantCalls {
				t.Errorf("attempts = %d, want %d", calls, tt.wantCalls)
			}
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}
