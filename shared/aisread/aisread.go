// Package aisread is one account-information read at the bank: the bank path of each resource,
// the query parameters the app may send, and the app's query checked and turned into the bank's
// (a page token from an earlier answer's Links, or the transactions' booking-date filters),
// with whether the read needs a step-up authorisation (docs/bank-rules.md §Transaction filters
// and §Step-up).
package aisread

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
	"github.com/coop-ob/connector/shared/httpapi"
	"github.com/coop-ob/connector/shared/oblinks"
)

// The query parameters of the reads (OB AIS).
const (
	ParamFrom = "fromBookingDateTime"
	ParamTo   = "toBookingDateTime"
	ParamPage = oblinks.Param
)

// DateLayout is an OB query-string date-time: no time zone, read as UTC (docs/bank-rules.md
// §Payload shapes).
const DateLayout = "2006-01-02T15:04:05"

// Resource is one AIS resource the bank serves.
type Resource struct {
	suffix  string // after /accounts/{AccountId}; "" for the account itself
	list    bool   // /accounts (no account id)
	filters bool   // transactions: booking-date filters, and a bank 403 Reauthenticate means step-up
	banklimits.AISRead
}

// The resources.
var (
	Accounts          = Resource{list: true, AISRead: banklimits.AISReadOf("accounts")}
	Account           = Resource{AISRead: banklimits.AISReadOf("accounts")}
	Balances          = Resource{suffix: "/balances", AISRead: banklimits.AISReadOf("balances")}
	Transactions      = Resource{suffix: "/transactions", filters: true, AISRead: banklimits.AISReadOf("transactions")}
	DirectDebits      = Resource{suffix: "/direct-debits", AISRead: banklimits.AISReadOf("direct-debits")}
	StandingOrders    = Resource{suffix: "/standing-orders", AISRead: banklimits.AISReadOf("standing-orders")}
	ScheduledPayments = Resource{suffix: "/scheduled-payments", AISRead: banklimits.AISReadOf("scheduled-payments")}
)

// PerAccount says whether the read names an account (every resource but the account list).
func (r Resource) PerAccount() bool { return !r.list }

// Path is the bank path of the read of accountID (ignored for the account list); accountID
// must already be safe in a URL path.
func (r Resource) Path(accountID string) string {
	if r.list {
		return bankapi.AISPPath + "/accounts"
	}
	return bankapi.AISPPath + "/accounts/" + accountID + r.suffix
}

// Params are the query parameters the app may send to the read, each once.
func (r Resource) Params() []string {
	if r.filters {
		return []string{ParamPage, ParamFrom, ParamTo}
	}
	return []string{ParamPage}
}

// StepUpRefusal says whether a bank 403 Reauthenticate to the read asks for step-up.
func (r Resource) StepUpRefusal() bool { return r.StepUp || r.filters }

// QueryError is an app query the read refuses: what is wrong, and the fields.
type QueryError struct {
	Reason string
	Fields []httpapi.FieldError
}

// Query checks the app's query q (only Params, each once: the caller checks that) and returns
// the bank's (nil when empty) and whether the read needs step-up. A page token must come alone
// and be one a Links rewrite of this resource could have issued; it stands for the bank query it
// carries. The booking dates must make a window the bank accepts (banklimits.BookingWindow)
// before a step-up is considered: a fromBookingDateTime before the start of the UK's today
// minus 90 days needs step-up; without one the bank's default window applies and the bank
// decides (a 403 Reauthenticate is then a step-up).
func (r Resource) Query(q url.Values, now time.Time) (url.Values, bool, *QueryError) {
	if tok := q.Get(ParamPage); tok != "" || q.Has(ParamPage) {
		if len(q) > 1 {
			return nil, false, &QueryError{Reason: "page carries the filters of the listing: send it alone.",
				Fields: []httpapi.FieldError{{Field: ParamPage, Message: "must be the only query parameter"}}}
		}
		bq, ok := oblinks.DecodePage(tok, func(name, v string) bool {
			_, fe := parseDate(name, v)
			return r.filters && (name == ParamFrom || name == ParamTo) && fe == nil
		})
		if !ok {
			return nil, false, &QueryError{Reason: "The page token is not one this route issued.",
				Fields: []httpapi.FieldError{{Field: ParamPage, Message: "must be a token from a Links URL of an earlier response"}}}
		}
		q = bq
	}
	var from, to time.Time
	var errs []httpapi.FieldError
	for name, dst := range map[string]*time.Time{ParamFrom: &from, ParamTo: &to} {
		if v := q.Get(name); v != "" || q.Has(name) {
			t, fe := parseDate(name, v)
			if fe != nil {
				errs = append(errs, *fe)
			}
			*dst = t
		}
	}
	if len(errs) == 0 {
		errs = windowErrors(from, to, now)
	}
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b httpapi.FieldError) int { return strings.Compare(a.Field, b.Field) })
		return nil, false, &QueryError{Reason: "A date filter is invalid.", Fields: errs}
	}
	need := r.StepUp || (!from.IsZero() && from.Before(banklimits.StepUpHorizon(now)))
	if len(q) == 0 {
		q = nil
	}
	return q, need, nil
}

// parseDate parses an OB query date-time (no zone; read as UTC).
func parseDate(name, v string) (time.Time, *httpapi.FieldError) {
	t, err := time.Parse(DateLayout, v)
	if err != nil {
		return time.Time{}, &httpapi.FieldError{Field: name, Message: "must be yyyy-MM-ddTHH:mm:ss with no time zone"}
	}
	return t, nil
}

// windowErrors is banklimits.BookingWindow as field errors.
func windowErrors(from, to, now time.Time) []httpapi.FieldError {
	fromErr, toErr := banklimits.BookingWindow(from, to, now)
	var errs []httpapi.FieldError
	for _, e := range []struct {
		name string
		err  error
	}{{ParamFrom, fromErr}, {ParamTo, toErr}} {
		if e.err != nil {
			errs = append(errs, httpapi.FieldError{Field: e.name, Message: e.err.Error()})
		}
	}
	return errs
}
