package consent

// Happening is something that happened to a consent: the bank created it, a
// journey authorised it, the bank refused its tokens. What each one does to
// the consent's Status, BankStatus, LastAction and LastError is a row of
// transitions, and Apply is the only code that writes those fields
// (tree/consentstatus_test.go checks that no code outside this package
// assigns them). docs/lifecycle.md shows the table (tree/lifecycle_test.go
// checks it matches).
type Happening string

// The happenings, in the order of a consent's life.
const (
	// Created: the bank created the consent (POST /consents).
	Created Happening = "Created"
	// Authorised: a journey's code was exchanged for tokens.
	Authorised Happening = "Authorised"
	// SteppedUp: a step-up journey's code was exchanged for tokens (StepUpAt is set).
	SteppedUp Happening = "SteppedUp"
	// AuthorisationFailed: a journey ended without tokens and with a verdict
	// (the PSU declined, the bank redirected with an error, the code was
	// refused); the detail is the outcome code.
	AuthorisationFailed Happening = "AuthorisationFailed"
	// AuthorisationUnresolved: a journey ended without tokens and without a
	// verdict (abandoned, or the exchange's answer was lost).
	AuthorisationUnresolved Happening = "AuthorisationUnresolved"
	// ReauthRequired: the bank refused the consent's tokens (403
	// UK.OBIE.Reauthenticate, a 401 a refresh did not cure, no tokens stored).
	ReauthRequired Happening = "ReauthRequired"
	// ReauthReported: a call learned that its refresh was refused
	// (invalid_grant); the refresher marks the status (RefreshRejected).
	ReauthReported Happening = "ReauthReported"
	// RefreshRejected: the refresher's refresh was refused (invalid_grant).
	RefreshRejected Happening = "RefreshRejected"
	// RefreshTokenLapsed: the refresher found the refresh token expired.
	RefreshTokenLapsed Happening = "RefreshTokenLapsed"
	// StepUpRequired: the call needs a step-up authorisation the consent does not hold.
	StepUpRequired Happening = "StepUpRequired"
	// ReconsentRequired: the bank no longer accepts the consent for a call
	// (and says nothing of its status), a payment consent needs
	// re-authentication, or the refresh token lapsed.
	ReconsentRequired Happening = "ReconsentRequired"
	// BankRejected: the bank answered UK.OBIE.Resource.InvalidConsentStatus
	// for a consent not past its expiry.
	BankRejected Happening = "BankRejected"
	// BankExpired: the bank answered UK.OBIE.Resource.InvalidConsentStatus
	// for a consent past its expiry.
	BankExpired Happening = "BankExpired"
	// AccountUnavailable: the bank reports the account temporarily unavailable.
	AccountUnavailable Happening = "AccountUnavailable"
	// Used: a call succeeded with the consent; an action recorded earlier is stale.
	Used Happening = "Used"
	// Reconfirmed: the app recorded that its customer reconfirmed the AIS
	// consent (POST /consents/{id}/reconfirm); LastConfirmedAt becomes the
	// time passed to Apply (the customer's reconfirmation time).
	Reconfirmed Happening = "Reconfirmed"
	// Revoked: DELETE /consents/{id} revoked the consent at the bank.
	Revoked Happening = "Revoked"
	// PaymentConsumed: the bank consumed the payment consent with a payment order.
	PaymentConsumed Happening = "PaymentConsumed"
)
