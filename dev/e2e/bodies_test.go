package e2e

import (
	"time"
)

// The request bodies of POST /consents (docs/api-consents.md). Dates are taken from the
// bank's clock, which TestSchedule moves forward.

// aisPermissions cover every AIS route of the proxy, the step-up ones included.
var aisPermissions = []string{
	"ReadAccountsDetail", "ReadBalances", "ReadTransactionsDetail", "ReadTransactionsCredits",
	"ReadTransactionsDebits", "ReadStandingOrdersDetail", "ReadDirectDebits", "ReadScheduledPaymentsDetail",
}

func aisBody() map[string]any {
	return map[string]any{
		"brand": "coop", "type": "accounts", "permissions": aisPermissions,
		"expirationDateTime": st.Bank().Now().Add(90 * 24 * time.Hour).UTC().Format(time.RFC3339),
	}
}

// creditor is the payee of every payment of the tests.
var creditor = map[string]string{"name": "Test Beneficiary", "sortCode": "089999", "accountNumber": "11223344"}

// aliceCurrent is alice's current account 1001 (sort code 089999, account 12345678).
var aliceCurrent = map[string]string{"name": "Alice Smith", "sortCode": "089999", "accountNumber": "12345678"}

func paymentBody(journey, amount string) map[string]any {
	b := map[string]any{
		"brand": "coop", "type": "payments", "journey": journey, "amount": amount, "currency": "GBP",
		"creditor": creditor, "reference": "E2E-" + journey,
	}
	switch journey {
	case "DSP":
		b["executionDate"] = nextWorkingDay(st.Bank().Now(), 7).Format(time.DateOnly)
	case "DSO":
		b["standingOrder"] = map[string]any{"frequency": "IntrvlMnthDay:01:15", "numberOfPayments": 12,
			"firstPaymentDate": nextWorkingDay(st.Bank().Now(), 10).Format(time.DateOnly)}
	}
	return b
}

func fundsBody() map[string]any {
	return map[string]any{
		"brand": "coop", "type": "fundsconfirmations", "debtorAccount": aliceCurrent,
		"expirationDateTime": st.Bank().Now().Add(90 * 24 * time.Hour).UTC().Format(time.RFC3339),
	}
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
