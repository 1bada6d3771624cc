package bankapi

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRefusals: field paths and codes only; a path that is not a field path becomes "bank", an
// error whose code is not a code is left out, and the bank's Message never appears.
func TestRefusals(t *testing.T) {
	t.Parallel()
	e := &Error{Status: 400, Errors: []ErrorDetail{
		{ErrorCode: "UK.OBIE.Field.Invalid", Message: "Mr Smith's sort code", Path: "Data.Initiation.CreditorAccount.Identification"},
		{ErrorCode: "UK.OBIE.Field.Missing", Message: "x", Path: "Data.Permissions[0]"},
		{ErrorCode: "UK.OBIE.Field.Unexpected", Message: "x", Path: "see <b>John</b>'s account"},
		{ErrorCode: "Not a code: call 0800 123 456 now!", Message: "x", Path: "Data.Amount"},
	}}
	want := []Refusal{
		{Path: "Data.Initiation.CreditorAccount.Identification", Code: "UK.OBIE.Field.Invalid"},
		{Path: "Data.Permissions[0]", Code: "UK.OBIE.Field.Missing"},
		{Path: "bank", Code: "UK.OBIE.Field.Unexpected"},
	}
	if diff := cmp.Diff(want, e.Refusals()); diff != "" {
		t.Errorf("Refusals (-want +got):\n%s", diff)
	}
}
