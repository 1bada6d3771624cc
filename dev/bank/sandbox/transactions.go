package sandbox

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
	_ "time/tzdata" // the bank's calendar is the UK's wherever the sandbox runs
)

const (
	pageSize      = 25
	queryDateTime = "2006-01-02T15:04:05"
	stepUpHorizon = 90 // days
	historyMonths = 13
)

type obTransaction struct {
	AccountID              string `json:"AccountId"`
	TransactionID          string `json:"TransactionId"`
	CreditDebitIndicator   string `json:"CreditDebitIndicator"`
	Status                 string `json:"Status"`
	BookingDateTime        string `json:"BookingDateTime"`
	ValueDateTime          string `json:"ValueDateTime"`
	Amount                 amount `json:"Amount"`
	TransactionInformation string `json:"TransactionInformation,omitempty"`
}

// london is the bank's calendar: "today" in its date rules is the UK's date.
var london = func() *time.Location {
	l, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err) // cannot happen: time/tzdata is embedded
	}
	return l
}()

// ukToday is the start of the UK's date of now, on the wall clock that
// zone-less query dates are read on (time.Parse gives them in UTC).
func ukToday(now time.Time) time.Time {
	y, m, d := now.In(london).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// handleTransactions is GET /accounts/{AccountId}/transactions with the bank's rules:
// query dates carry no zone; from/to must be before today (the UK's date) and within
// 13 months (else 400 UK.OBIE.Field.InvalidDate); a from older than 90 days needs step-up (403
// UK.OBIE.Reauthenticate); without a from the window is the last 90 days, or 13 months
// with step-up; the consent's transaction window and credit/debit permissions filter;
// pages of 25, newest first, Links.Next with ?page=N.
func (b *Bank) handleTransactions(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	tok, c, a, ok := b.aisLocked(w, r, r.PathValue("AccountId"), "ReadTransactionsBasic", "ReadTransactionsDetail")
	if !ok {
		return
	}
	now := b.nowLocked()
	today := ukToday(now)
	oldest := today.AddDate(0, -historyMonths, 0)
	q := r.URL.Query()
	from, e := queryDate(q, "fromBookingDateTime", today, oldest)
	if e == nil {
		var to *time.Time
		if to, e = queryDate(q, "toBookingDateTime", today, oldest); e == nil && from != nil && to != nil && to.Before(*from) {
			e = obErr("UK.OBIE.Field.InvalidDate", "toBookingDateTime is before fromBookingDateTime", "toBookingDateTime")
		}
		if e == nil {
			b.writeTransactions(w, r, tok, c, a, from, to, now)
			return
		}
	}
	writeOBError(w, r, 0, e)
}

func (b *Bank) writeTransactions(w http.ResponseWriter, r *http.Request, tok *accessToken, c *consent, a *account, from, to *time.Time, now time.Time) {
	today := ukToday(now)
	horizon := today.AddDate(0, 0, -stepUpHorizon)
	lo := horizon
	if from != nil {
		if from.Before(horizon) && !requireStepUp(w, r, tok, "transactions older than 90 days") {
			return
		}
		lo = *from
	} else if tok.grant.stepUp {
		lo = today.AddDate(0, -historyMonths, 0)
	}
	hi := now
	if to != nil {
		hi = *to
	}
	if c.TxFrom != nil && c.TxFrom.After(lo) {
		lo = *c.TxFrom
	}
	if c.TxTo != nil && c.TxTo.Before(hi) {
		hi = *c.TxTo
	}
	credits := slices.Contains(c.Permissions, "ReadTransactionsCredits")
	debits := slices.Contains(c.Permissions, "ReadTransactionsDebits")
	detail := slices.Contains(c.Permissions, "ReadTransactionsDetail")
	list := []obTransaction{}
	for _, t := range a.tx {
		if t.Booking.Before(lo) || t.Booking.After(hi) || (t.Credit && !credits) || (!t.Credit && !debits) {
			continue
		}
		o := obTransaction{AccountID: a.ID, TransactionID: t.ID, CreditDebitIndicator: "Debit", Status: "Booked",
			BookingDateTime: obTime(t.Booking), ValueDateTime: obTime(t.Booking), Amount: gbp(t.Amount)}
		if t.Credit {
			o.CreditDebitIndicator = "Credit"
		}
		if detail {
			o.TransactionInformation = t.Info
		}
		list = append(list, o)
	}
	slices.SortStableFunc(list, func(x, y obTransaction) int { return -compareStrings(x.BookingDateTime, y.BookingDateTime) })
	page := 1
	if p := r.URL.Query().Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 {
			writeOBError(w, r, 0, obErr("UK.OBIE.Field.Invalid", "page must be a positive integer", "page"))
			return
		}
		page = n
	}
	pages := max(1, (len(list)+pageSize-1)/pageSize)
	start := min((page-1)*pageSize, len(list))
	end := min(start+pageSize, len(list))
	lk := b.self(r)
	lk.First = b.pageURL(r, 1)
	lk.Last = b.pageURL(r, pages)
	if page < pages {
		lk.Next = b.pageURL(r, page+1)
	}
	if page > 1 {
		lk.Prev = b.pageURL(r, page-1)
	}
	writeJSON(w, http.StatusOK, envelope{Data: map[string]any{"Transaction": list[start:end]}, Links: lk, Meta: meta{TotalPages: pages}})
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// pageURL is an absolute URL on the API host for another page of the same query.
func (b *Bank) pageURL(r *http.Request, page int) string {
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(page))
	return b.apiURL + r.URL.Path + "?" + q.Encode()
}

// queryDate parses a zone-less query date-time and applies the bank's window rules.
func queryDate(q url.Values, name string, today, oldest time.Time) (*time.Time, *obError) {
	v := q.Get(name)
	if v == "" {
		return nil, nil
	}
	t, err := time.Parse(queryDateTime, v)
	if err != nil {
		return nil, obErr("UK.OBIE.Field.InvalidDate", name+" "+v+" is not a valid date-time. Expected yyyy-MM-ddTHH:mm:ss (no time zone)", name)
	}
	if !t.Before(today) {
		return nil, obErr("UK.OBIE.Field.InvalidDate", name+" must be before today", name)
	}
	if t.Before(oldest) {
		return nil, obErr("UK.OBIE.Field.InvalidDate", name+" must be within the last 13 months", name)
	}
	return &t, nil
}
