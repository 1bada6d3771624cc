package consent

import "time"

// Reconfirmation is what the app recorded with POST /consents/{id}/reconfirm:
// when its customer reconfirmed the consent in the app, through which channel,
// the app's own customer reference, and the caller (the app's identity, the
// JWT sub; not the customer's). The time itself is Consent.LastConfirmedAt.
type Reconfirmation struct {
	At          time.Time `dynamodbav:"at"`
	Channel     string    `dynamodbav:"channel"`
	CustomerRef string    `dynamodbav:"customerRef,omitempty"`
	Caller      string    `dynamodbav:"caller"`
	RecordedAt  time.Time `dynamodbav:"recordedAt"`
}
