package payment

// outcomeNames are the outcomes' names in logs and in the Payments metric's Result dimension.
var outcomeNames = map[Outcome]string{
	Done: "done", Refused: "refused", ConsentUsed: "consent-used", InProgress: "in-progress",
	NotRecorded: "not-recorded", BankFailed: "bank-failed", Unreadable: "unreadable",
	Unsettled: "unsettled", Unconfirmed: "unconfirmed",
}

// String is the outcome's name ("done", "bank-failed", …), "unknown" for the zero value.
func (o Outcome) String() string {
	if n, ok := outcomeNames[o]; ok {
		return n
	}
	return "unknown"
}
