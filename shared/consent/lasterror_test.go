package consent

import "testing"

// TestPublicError: an outcome code is shown as it is, an OB error code is picked out of the
// bank's error summary, and anything else (free text, the bank's words) is not shown.
func TestPublicError(t *testing.T) {
	t.Parallel()
	tests := []struct{ stored, want string }{
		{"invalid_grant", "invalid_grant"},
		{"access_denied", "access_denied"},
		{"bank 400 UK.OBIE.Field.Invalid: UK.OBIE.Field.Invalid (Data.Initiation)", "UK.OBIE.Field.Invalid"},
		{"UK.COOP.Forbidden", "UK.COOP.Forbidden"},
		{"The customer John Smith at 1 High St cancelled", ""},
		{"Invalid_Grant", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := PublicError(tt.stored); got != tt.want {
			t.Errorf("PublicError(%q) = %q, want %q", tt.stored, got, tt.want)
		}
	}
}
