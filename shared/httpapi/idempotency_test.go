package httpapi

import (
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

// TestIdempotencyKey: the header is found whatever its case; a malformed key is a field error
// under the header's name and no key.
func TestIdempotencyKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		headers map[string]string
		key     string
		bad     bool
	}{
		{"absent", nil, "", false},
		{"uuid", map[string]string{"idempotency-key": "3f1c2a9e-0b7d-4e55-9a41-2c8b6f0d1e77"}, "3f1c2a9e-0b7d-4e55-9a41-2c8b6f0d1e77", false},
		{"mixed case header", map[string]string{"IDEMPOTENCY-KEY": "a.b_c:d-1"}, "a.b_c:d-1", false},
		{"empty", map[string]string{"Idempotency-Key": ""}, "", true},
		{"space", map[string]string{"Idempotency-Key": "a b"}, "", true},
		{"65 characters", map[string]string{"Idempotency-Key": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			key, fe := IdempotencyKey(events.APIGatewayV2HTTPRequest{Headers: tt.headers})
			if key != tt.key || (fe != nil) != tt.bad {
				t.Fatalf("IdempotencyKey = %q, %+v; want %q, bad %v", key, fe, tt.key, tt.bad)
			}
			if fe != nil && fe.Field != HeaderIdempotencyKey {
				t.Errorf("field %q", fe.Field)
			}
		})
	}
}
