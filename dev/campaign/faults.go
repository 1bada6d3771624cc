package campaign

import (
	"fmt"
	"net/http"
	"time"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// StoreTarget is where a store fault may land: a DynamoDB operation whose request contains
// Contains (a consent id, a state hash), and the most matching requests to let pass first.
type StoreTarget struct {
	Operation string
	Contains  string
	MaxAfter  int
}

// StoreFault arms, with probability p, one random store fault on one of targets: a kind the SDK
// retries failing 1 to DynamoDBAttempts+1 requests (so it sometimes outlasts the retries), a lost
// answer (once: the SDK's retry meets its own write), or, on a transaction, a cancellation. It
// returns what it armed, "" for none.
func (c *Campaign) StoreFault(p float64, targets ...StoreTarget) string {
	if len(targets) == 0 || !c.Chance(p) {
		return ""
	}
	tg := targets[c.Intn(len(targets))]
	kinds := append(awsfault.Retried(), awsfault.LostAnswer)
	if tg.Operation == "TransactWriteItems" {
		kinds = append(kinds, awsfault.TxConflict, awsfault.TxThrottled)
	}
	r := awsfault.Rule{Service: "dynamodb", Operation: tg.Operation, Contains: tg.Contains, Kind: kinds[c.Intn(len(kinds))],
		Times: 1 + c.Intn(awsfault.DynamoDBAttempts+1)}
	if tg.MaxAfter > 0 {
		r.After = c.Intn(tg.MaxAfter + 1)
	}
	if r.Kind == awsfault.LostAnswer || r.Kind == awsfault.TxConflict || r.Kind == awsfault.TxThrottled {
		r.Times = 1
	}
	c.Faults.Add(r)
	return fmt.Sprintf("store %s %s after %d ×%d", tg.Operation, r.Kind, r.After, r.Times)
}

// BankFault is one fault of the sandbox bank.
type BankFault struct {
	Fault sandbox.Fault
	Name  string
	// Unanswered: the request was sent and no answer came (a dropped connection, a timeout): the
	// connector cannot tell whether the bank acted, and must assume it may have.
	Unanswered bool
	// Acted: the bank processed the request before the answer was lost (a rotated refresh
	// token, an issued code exchange, a payment made).
	Acted bool
}

// BankFaults is the menu: 5xx and 429 answers, a dropped connection before the bank acts, and,
// acting first, a dropped answer and one slower than the client waits (timeout).
func BankFaults(clientTimeout time.Duration) []BankFault {
	return []BankFault{
		{Fault: sandbox.Fault{Status: http.StatusInternalServerError}, Name: "500"},
		{Fault: sandbox.Fault{Status: http.StatusServiceUnavailable, Empty: true}, Name: "503"},
		{Fault: sandbox.Fault{Status: http.StatusTooManyRequests, RetryAfter: time.Second}, Name: "429"},
		{Fault: sandbox.Fault{Drop: true}, Name: "drop", Unanswered: true},
		{Fault: sandbox.Fault{DropAfterProcessing: true}, Name: "answer lost", Unanswered: true, Acted: true},
		{Fault: sandbox.Fault{Delay: clientTimeout + 300*time.Millisecond}, Name: "timeout", Unanswered: true, Acted: true},
	}
}

// PickBankFault arms, with probability p, a random fault of menu on the bank for the next 1 to
// maxCount requests under prefix. It returns the fault, ok false for none.
func (c *Campaign) PickBankFault(b *sandbox.Bank, p float64, prefix string, maxCount int, menu []BankFault) (BankFault, bool) {
	if !c.Chance(p) {
		return BankFault{}, false
	}
	f := menu[c.Intn(len(menu))]
	f.Fault.Count = 1 + c.Intn(maxCount)
	b.Fail(prefix, f.Fault)
	return f, true
}
