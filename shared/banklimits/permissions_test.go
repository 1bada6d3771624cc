package banklimits

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPermissions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     []string
		want   []string
		errors int
	}{
		{"default", nil, defaultPermissions, 0},
		{"detail adds directions", []string{"ReadAccountsBasic", "ReadTransactionsDetail"},
			[]string{"ReadAccountsBasic", "ReadTransactionsDetail", "ReadTransactionsCredits", "ReadTransactionsDebits"}, 0},
		{"duplicates dropped", []string{"ReadAccountsBasic", "ReadAccountsBasic"}, []string{"ReadAccountsBasic"}, 0},
		{"debits only", []string{"ReadAccountsBasic", "ReadTransactionsBasic", "ReadTransactionsDebits"},
			[]string{"ReadAccountsBasic", "ReadTransactionsBasic", "ReadTransactionsDebits"}, 0},
		{"party refused", []string{"ReadAccountsBasic", "ReadParty", "ReadPAN"}, nil, 2},
		{"empty", []string{}, nil, 1},
		{"no accounts permission", []string{"ReadBalances"}, nil, 1},
		{"direction without kind", []string{"ReadAccountsBasic", "ReadTransactionsCredits"}, nil, 1},
	}
	for _, tt := range tests {
		got, errs := Permissions(tt.in)
		if len(errs) != tt.errors {
			t.Errorf("%s: errors %v", tt.name, errs)
		}
		if tt.errors == 0 {
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.name, diff)
			}
		}
	}
	// The defaults are a copy: a caller appending to them cannot change the next consent's.
	d := DefaultPermissions()
	d[0] = "ReadParty"
	if DefaultPermissions()[0] != defaultPermissions[0] || defaultPermissions[0] == "ReadParty" {
		t.Error("DefaultPermissions shares its slice")
	}
}
