package config

import "strings"

// Problem is one missing or invalid variable. Reason never contains the variable's value.
type Problem struct {
	Var    string // the environment variable's name
	Reason string // what is wrong, e.g. "missing" or "must be https"
}

// Error is returned by Load when one or more variables are missing or invalid.
type Error struct {
	Problems []Problem // in the order Load reads them
}

// Error lists every problem: "config: ENVIRONMENT missing; BANK_TOKEN_URL must be https".
func (e *Error) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Var + " " + p.Reason
	}
	return "config: " + strings.Join(parts, "; ")
}
