package metrics

// Units used by the catalogue (CloudWatch unit names).
const (
	UnitCount        = "Count"
	UnitMilliseconds = "Milliseconds"
)

// The metric catalogue (docs/performance.md "Metrics"): every name the connector publishes
// through a Recorder, with its dimensions besides Environment. template.yaml's alarms and
// dashboard read these names; deploy tests compare them.
const (
	// BankCalls: 1 per HTTP exchange with the bank (resource APIs and token endpoint, each attempt
	// of a retry counted), by Operation and StatusClass.
	BankCalls = "BankCalls"
	// BankErrors: 1 for a bank call that failed on the bank's side (5xx, 429, no answer), else 0,
	// by Operation: its Average is the error rate, its SampleCount the calls.
	BankErrors = "BankErrors"
	// BankLatency: milliseconds from sending a bank call to its answer's headers (or its failure),
	// by Operation.
	BankLatency = "BankLatency"
	// BankRetries: 1 per bank read sent again after a failure a retry can cure (bankapi.Retry).
	BankRetries = "BankRetries"
	// Problems: 1 per problem+json answer, by Type (the last segment of the problem type URI) and
	// Action ("none" without one).
	Problems = "Problems"
	// CallbackOutcomes: 1 per GET /callback, by Outcome (the outcome sent to the app's result
	// page, or no_journey for a link with no journey behind it).
	CallbackOutcomes = "CallbackOutcomes"
	// Payments: 1 per POST /consents/{id}/payments answered, by Result.
	Payments = "Payments"
	// Refreshes: 1 per refresh-token grant sent to the bank (on demand by the proxy, or by the
	// tokens function), by Result: refreshed, refused (invalid_grant: the consent needs
	// re-authentication), failed (anything else); and lapsed for a refresh token found expired
	// before it could be sent.
	Refreshes = "Refreshes"
	// AWSErrors: 1 per AWS call (DynamoDB, Secrets Manager, KMS, SQS, …) that failed after the
	// SDK's retries, by Service and Kind (throttled, unavailable, failed); a failed condition
	// of a versioned write is an expected outcome, not counted.
	AWSErrors = "AWSErrors"
	// EventsPublished and EventsFailed: the events publisher's outcome per event (reserved for it).
	EventsPublished = "EventsPublished"
	EventsFailed    = "EventsFailed"
)

// Dimension names (besides Environment).
const (
	DimOperation   = "Operation"
	DimStatusClass = "StatusClass"
	DimType        = "Type"
	DimAction      = "Action"
	DimOutcome     = "Outcome"
	DimResult      = "Result"
	DimService     = "Service"
	DimKind        = "Kind"
)

// Refresh results (Refreshes, DimResult).
const (
	RefreshRefreshed = "refreshed"
	RefreshRefused   = "refused"
	RefreshFailed    = "failed"
	RefreshLapsed    = "lapsed"
)
