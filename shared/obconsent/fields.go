package obconsent

import (
	"slices"
	"time"

	"github.com/coop-ob/connector/shared/authflow"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/obtime"
)

// fieldErrors collects every problem of a request, so the app fixes them in one pass.
type fieldErrors []httpapi.FieldError

func (f *fieldErrors) add(field, message string) {
	*f = append(*f, httpapi.FieldError{Field: field, Message: message})
}

// check adds err's text (worded for the app: banklimits, obtime) under field, if err is not nil.
func (f *fieldErrors) check(field string, err error) {
	if err != nil {
		f.add(field, err.Error())
	}
}

// notFor refuses the fields of other consent types that are set.
func (f *fieldErrors) notFor(typ string, fields map[string]bool) {
	names := make([]string, 0, len(fields))
	for name, set := range fields {
		if set {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, n := range names {
		f.add(n, "not allowed for type "+typ)
	}
}

// obTimeLayout is the OB date-time form the bank's examples use ("+00:00", whole seconds).
const obTimeLayout = "2006-01-02T15:04:05-07:00"

// dateTime parses an RFC 3339 date-time with offset (obtime.Parse: offset
// hours 00-23 and minutes 00-59, years 2000-2099) and returns it in obTimeLayout.
func dateTime(f *fieldErrors, field, s string) (time.Time, string) {
	t, err := obtime.Parse(s)
	if err != nil {
		f.add(field, err.Error()) // obtime's errors are worded for the app
		return time.Time{}, ""
	}
	t = t.Truncate(time.Second)
	return t, t.Format(obTimeLayout)
}

// checkBrandType checks the fields every request has.
func checkBrandType(f *fieldErrors, r *Request) {
	switch r.Brand {
	case "coop", "smile":
	case "":
		f.add("brand", "required")
	default:
		f.add("brand", "must be coop or smile")
	}
	switch r.Type {
	case authflow.TypeAccounts, authflow.TypePayments, authflow.TypeFundsConfirmations:
	case "":
		f.add("type", "required")
	default:
		f.add("type", "must be accounts, payments or fundsconfirmations")
	}
}
