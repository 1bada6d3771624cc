package authurl

import "errors"

// ErrRule is matched (errors.Is) by every *RuleError.
var ErrRule = errors.New("authurl: parameter breaks the bank's rules")

// RuleError reports the parameter that breaks one of the bank's rules. It
// never carries the parameter's value.
type RuleError struct {
	Param string // parameter name, e.g. ParamDisplay
	Rule  string // the rule broken, in words
}

func (e *RuleError) Error() string { return "authurl: " + e.Param + ": " + e.Rule }

// Is makes errors.Is(err, ErrRule) true.
func (e *RuleError) Is(target error) bool { return target == ErrRule }
