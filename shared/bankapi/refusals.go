package bankapi

import (
	"slices"

	"github.com/coop-ob/connector/shared/ascii"
)

// fieldPath is what an OB field path looks like (Data.Initiation.InstructedAmount.Amount,
// Data.Permissions[0]); any other Path is replaced by "bank", so a bank body
// cannot put its own words into a problem through it.
var fieldPath = ascii.Rule{Min: 1, Max: 128, Extra: "_.[]-"} // ^[A-Za-z0-9_.\[\]-]{1,128}$

// Refusal is one of the bank's field errors as an app may see it.
type Refusal struct {
	Path string // the OB field path, or "bank"
	Code string // the ErrorCode
}

// Refusals lists the bank's field errors as field path and error code. The
// bank's Message is never copied: it is free text in the bank's words and may
// hold customer data. An error whose code does not look like a code is left out.
func (e *Error) Refusals() []Refusal {
	codes := e.ErrorCodes() // the Errors[].ErrorCode values that look like codes
	var out []Refusal
	for _, d := range e.Errors {
		if !slices.Contains(codes, d.ErrorCode) {
			continue
		}
		path := d.Path
		if !fieldPath.MatchString(path) {
			path = "bank"
		}
		out = append(out, Refusal{Path: path, Code: d.ErrorCode})
	}
	return out
}
