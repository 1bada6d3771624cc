package awsfault

import (
	"bytes"
	"fmt"
	"strings"
)

// Kind is what an injected fault does to a request.
type Kind int

// Fault kinds. The SDK's standard retryer retries Throttle, Throttling, ServerError, Timeout and
// LostAnswer (DynamoDBAttempts attempts in all for DynamoDB, 3 for Secrets Manager); it never
// retries the transaction cancellations.
const (
	// Throttle answers 400 ProvisionedThroughputExceededException (DynamoDB) or
	// ThrottlingException (other services).
	Throttle Kind = iota + 1
	// Throttling answers 400 ThrottlingException.
	Throttling
	// ServerError answers 500 InternalServerError (DynamoDB) or InternalServiceError (Secrets
	// Manager).
	ServerError
	// Timeout never answers: the request hangs until the client gives up (its context ends) or,
	// through the Transport, until Injector.Hang passes, when it fails as a client timeout does.
	Timeout
	// TxConflict answers 400 TransactionCanceledException with reason TransactionConflict on the
	// first item and None on the others (another transaction touched an item).
	TxConflict
	// TxThrottled answers 400 TransactionCanceledException with reason ThrottlingError on the
	// first item and None on the others.
	TxThrottled
	// LostAnswer forwards the request (the write is applied) and then answers 500, as when the
	// answer is lost on the way back: an SDK retry meets the effect of its own first attempt.
	LostAnswer
)

var kindNames = map[Kind]string{Throttle: "throttle", Throttling: "throttling", ServerError: "5xx",
	Timeout: "timeout", TxConflict: "txConflict", TxThrottled: "txThrottled", LostAnswer: "lostAnswer"}

func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Kinds lists every fault kind.
func Kinds() []Kind {
	return []Kind{Throttle, Throttling, ServerError, Timeout, TxConflict, TxThrottled, LostAnswer}
}

// Rule says which requests fail and how. Empty match fields match anything.
type Rule struct {
	Service   string // "dynamodb", "secretsmanager" (the SigV4 scope's service)
	Operation string // "PutItem", "TransactWriteItems", "GetSecretValue"
	Caller    string // the access key id (the local stack gives each function its own)
	Contains  string // text the request body must contain (a key such as "PAYMENT#", an attribute name)
	Kind      Kind
	// After is how many matching requests pass before the rule starts failing them (the second
	// UpdateItem of an operation, not the first).
	After int
	// Times is how many matching requests fail; 0 is every one (for Probability rules).
	Times int
	// Probability fails a matching request with this chance, from the Injector's seeded source;
	// 0 fails every matching request.
	Probability float64
}

// request is what a rule is matched against.
type request struct {
	service, operation, caller string
	body                       []byte
}

func (r *Rule) matches(q request) bool {
	return (r.Service == "" || strings.EqualFold(r.Service, q.service)) &&
		(r.Operation == "" || r.Operation == q.operation) &&
		(r.Caller == "" || r.Caller == q.caller) &&
		(r.Contains == "" || bytes.Contains(q.body, []byte(r.Contains)))
}

// identify reads the service, operation and caller of an AWS JSON-protocol request.
func identify(target, authorization string, body []byte) request {
	q := request{body: body}
	if _, op, ok := strings.Cut(target, "."); ok {
		q.operation = op
	}
	if _, cred, ok := strings.Cut(authorization, "Credential="); ok {
		cred, _, _ = strings.Cut(cred, ",")
		parts := strings.Split(cred, "/") // AKID/date/region/service/aws4_request
		q.caller = parts[0]
		if len(parts) >= 4 {
			q.service = parts[3]
		}
	}
	return q
}

// DynamoDBAttempts is the attempts the SDK's DynamoDB client makes per call (its standard
// retryer, 4 for DynamoDB, 3 for other services): a rule failing this many DynamoDB requests
// outlasts its retries.
const DynamoDBAttempts = 4

// Retried lists the kinds the SDK retries and that, once they outlast its retries, the
// connector answers 503 retry-later.
func Retried() []Kind { return []Kind{Throttle, Throttling, ServerError, Timeout} }
