package sandbox

import (
	"fmt"
	"time"
)

// account is one of the sandbox PSU's accounts. Amounts are in pence.
type account struct {
	ID, SubType, Nickname  string
	Scheme, Identification string
	Owner, HolderName      string
	Available              int64
	CreditLine             int64
	CreditLineType         string
	status                 string // "", "closed" or "barred"
	tx                     []transaction
	standingOrders         []standingOrder
	directDebits           []directDebit
	scheduled              []scheduledPayment
}

type transaction struct {
	ID      string
	Booking time.Time
	Amount  int64
	Credit  bool
	Info    string
}

type standingOrder struct {
	ID, Frequency, Reference string
	First, Next              time.Time
	Amount                   int64
	Creditor                 accountRef
}

type directDebit struct {
	ID, Mandate, Name string
	Previous          time.Time
	Amount            int64
}

type scheduledPayment struct {
	ID, Reference string
	When          time.Time
	Amount        int64
	Creditor      accountRef
}

// sandboxAccounts builds alice's accounts. Transactions are dated back from the bank
// clock at start: on the current account 30 in the last 90 days and 30 more reaching
// back about 15 months, so step-up, the 13-month limit and pagination all matter.
func sandboxAccounts(now time.Time) (map[string]*account, []string) {
	day := now.Truncate(24 * time.Hour)
	at := func(daysAgo int) time.Time { return day.AddDate(0, 0, -daysAgo).Add(10 * time.Hour) }
	current := &account{
		ID: "1001", SubType: "CurrentAccount", Nickname: "Current", Scheme: "UK.OBIE.SortCodeAccountNumber",
		Identification: "08999912345678", Owner: "alice", HolderName: "Alice Smith",
		Available: 123456, CreditLine: 50000, CreditLineType: "Pre-Agreed",
	}
	for i := range 60 {
		daysAgo := 1 + 3*i
		if i >= 30 {
			daysAgo = 92 + 12*(i-30)
		}
		current.tx = append(current.tx, transaction{
			ID: fmt.Sprintf("T1001-%03d", i+1), Booking: at(daysAgo),
			Amount: int64(100 + (i*1379)%9000), Credit: i%5 == 0,
			Info: []string{"SALARY", "TESCO STORES", "RENT", "COFFEE SHOP", "TRAIN TICKET"}[i%5],
		})
	}
	payee := accountRef{SchemeName: "UK.OBIE.SortCodeAccountNumber", Identification: "40400411223344", Name: "Landlord Ltd"}
	current.standingOrders = []standingOrder{{ID: "SO-1001-1", Frequency: "IntrvlMnthDay:01:01", Reference: "RENT",
		First: at(400), Next: day.AddDate(0, 1, 0), Amount: 75000, Creditor: payee}}
	current.directDebits = []directDebit{
		{ID: "DD-1001-1", Mandate: "ENERGY-0001", Name: "Energy Co", Previous: at(20), Amount: 8900},
		{ID: "DD-1001-2", Mandate: "PHONE-0002", Name: "Phone Co", Previous: at(12), Amount: 2500},
	}
	current.scheduled = []scheduledPayment{{ID: "SP-1001-1", Reference: "GIFT", When: day.AddDate(0, 0, 10),
		Amount: 5000, Creditor: accountRef{SchemeName: "UK.OBIE.SortCodeAccountNumber", Identification: "20000055667788", Name: "Bob Smith"}}}

	savings := &account{
		ID: "1002", SubType: "Savings", Nickname: "Savings", Scheme: "UK.OBIE.SortCodeAccountNumber",
		Identification: "08999987654321", Owner: "alice", HolderName: "Alice Smith", Available: 500000,
	}
	for i := range 6 {
		savings.tx = append(savings.tx, transaction{ID: fmt.Sprintf("T1002-%03d", i+1), Booking: at(5 + 75*i),
			Amount: int64(1000 + 250*i), Credit: true, Info: "INTEREST"})
	}
	card := &account{
		ID: "1003", SubType: "CreditCard", Nickname: "Credit card", Scheme: "UK.OBIE.PAN",
		Identification: "5555********4444", Owner: "alice", HolderName: "Alice Smith",
		Available: 175000, CreditLine: 200000, CreditLineType: "Credit",
	}
	for i := range 8 {
		card.tx = append(card.tx, transaction{ID: fmt.Sprintf("T1003-%03d", i+1), Booking: at(2 + 9*i),
			Amount: int64(1500 + 700*i), Credit: false, Info: "ONLINE SHOP"})
	}
	return map[string]*account{"1001": current, "1002": savings, "1003": card}, []string{"1001", "1002", "1003"}
}

// pence formats an amount as OB's decimal string.
func pence(p int64) string {
	sign := ""
	if p < 0 {
		sign, p = "-", -p
	}
	return fmt.Sprintf("%s%d.%02d", sign, p/100, p%100)
}

// accountsOf lists the ids of a PSU's accounts in order.
func (s *state) accountsOf(psu string) []string {
	var ids []string
	for _, id := range s.accOrder {
		if s.accounts[id].Owner == psu {
			ids = append(ids, id)
		}
	}
	return ids
}

// findAccount finds a PSU's account by scheme and identification.
func (s *state) findAccount(psu string, ref *accountRef) *account {
	for _, id := range s.accOrder {
		a := s.accounts[id]
		if a.Owner == psu && a.Scheme == ref.SchemeName && a.Identification == ref.Identification {
			return a
		}
	}
	return nil
}

// unavailable is the bank's error for a closed or barred account, else nil.
func (a *account) unavailable() *obError {
	switch a.status {
	case "closed":
		return obErr("UK.OBIE.Resource.NotFound", "AccountPermanentlyUnavailable", "")
	case "barred":
		return obErr("UK.OBIE.Resource.NotFound", "AccountTemporarilyUnavailable", "")
	}
	return nil
}
