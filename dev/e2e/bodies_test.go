package e2e

import (
	"fmt"
	"time"

	"github.com/coop-ob/connector/client"
)

// The request bodies of POST /consents (docs/api-consents.md). Dates are taken from the
// bank's clock, which TestSchedule moves forward.

// aisPermissions cover every AIS route of the proxy, the step-up ones included.
var aisPermissions = []client.Permission{
	client.ReadAccountsDetail, client.ReadBalances, client.ReadTransactionsDetail, client.ReadTransactionsCredits,
	client.ReadTransactionsDebits, client.ReadStandingOrdersDetail, client.ReadDirectDebits, client.ReadScheduledPaymentsDetail,
}

// consentBody wraps one of the typed requests in the union POST /consents takes.
func consentBody(v any) client.ConsentRequest {
	var b client.ConsentRequest
	var err error
	switch v := v.(type) {
	case client.AccountsConsentRequest:
		err = b.FromAccountsConsentRequest(v)
	case client.PaymentsConsentRequest:
		err = b.FromPaymentsConsentRequest(v)
	case client.FundsConsentRequest:
		err = b.FromFundsConsentRequest(v)
	default:
		err = fmt.Errorf("%T is no consent request", v)
	}
	if err != nil { // only plain values are marshalled: a programming error
		panic(err)
	}
	return b
}

// in90Days is an expirationDateTime 90 days after the bank's now.
func in90Days() *string {
	s := st.Bank().Now().Add(90 * 24 * time.Hour).UTC().Format(time.RFC3339)
	return &s
}

func aisBody() client.ConsentRequest {
	return consentBody(client.AccountsConsentRequest{Brand: client.Coop, Type: client.AccountsConsentRequestTypeAccounts,
		Permissions: &aisPermissions, ExpirationDateTime: in90Days()})
}

// creditor is the payee of every payment of the tests.
var creditor = client.Creditor{Name: "Test Beneficiary", SortCode: "089999", AccountNumber: "11223344"}

// aliceCurrent is alice's current account 1001 (sort code 089999, account 12345678).
var aliceCurrent = client.Account{Name: ptr("Alice Smith"), SortCode: "089999", AccountNumber: "12345678"}

func ptr[T any](v T) *T { return &v }

func paymentBody(journey, amount string) client.ConsentRequest {
	b := client.PaymentsConsentRequest{Brand: client.Coop, Type: client.PaymentsConsentRequestTypePayments,
		Journey: client.Journey(journey), Amount: amount, Currency: ptr(client.GBP), Creditor: creditor,
		Reference: ptr("E2E-" + journey)}
	switch journey {
	case "DSP":
		b.ExecutionDate = ptr(nextWorkingDay(st.Bank().Now(), 7).Format(time.DateOnly))
	case "DSO":
		b.StandingOrder = &client.StandingOrder{Frequency: "IntrvlMnthDay:01:15", NumberOfPayments: 12,
			FirstPaymentDate: nextWorkingDay(st.Bank().Now(), 10).Format(time.DateOnly)}
	}
	return consentBody(b)
}

func fundsBody() client.ConsentRequest {
	return consentBody(client.FundsConsentRequest{Brand: client.Coop, Type: client.FundsConsentRequestTypeFundsconfirmations,
		DebtorAccount: aliceCurrent, ExpirationDateTime: in90Days()})
}

// nextWorkingDay is at least days after now, moved off weekends and the fixed-date bank
// holidays (25, 26 December, 1 January) both the bank and the connector refuse; day 15
// of a month or later keeps clear of Easter and the May and August Mondays as well.
func nextWorkingDay(now time.Time, days int) time.Time {
	d := now.UTC().AddDate(0, 0, days)
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || isFixedHoliday(d) || isMondayHoliday(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

func isFixedHoliday(d time.Time) bool {
	return (d.Month() == time.December && (d.Day() == 25 || d.Day() == 26 || d.Day() == 27 || d.Day() == 28)) ||
		(d.Month() == time.January && d.Day() <= 3)
}

// isMondayHoliday avoids every Monday in the months with a movable holiday (Easter, May,
// August): simpler than computing Easter, and the tests need only some working day.
func isMondayHoliday(d time.Time) bool {
	return d.Weekday() == time.Monday && (d.Month() == time.March || d.Month() == time.April ||
		d.Month() == time.May || d.Month() == time.August)
}
