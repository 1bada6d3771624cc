package banklimits

import (
	"errors"
	"strings"
)

// maxFundsReference is OB Max35Text (OBFundsConfirmation1.Data.Reference).
const maxFundsReference = 35

// FundsReference checks a CBPII funds confirmation's reference: 1 to 35
// characters (OB Max35Text), no control characters.
func FundsReference(s string) error {
	if s == "" || len([]rune(s)) > maxFundsReference || strings.ContainsFunc(s, isControl) {
		return errors.New("must be 1-35 characters, no control characters")
	}
	return nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }
