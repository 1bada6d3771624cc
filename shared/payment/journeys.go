package payment

// orderPaths are the payment-order resources of each journey under
// bankapi.PISPPath (docs/bank-rules.md §Endpoints the bank offers).
var orderPaths = map[string]string{
	"DP":  "/domestic-payments",
	"DSP": "/domestic-scheduled-payments",
	"DSO": "/domestic-standing-orders",
}

// consentPaths are the payment-consent resources of each journey, read with
// a client-credentials token (docs/bank-rules.md §Grants and scopes).
var consentPaths = map[string]string{
	"DP":  "/domestic-payment-consents",
	"DSP": "/domestic-scheduled-payment-consents",
	"DSO": "/domestic-standing-order-consents",
}

// OrderPath is the payment-order resource of journey (DP, DSP or DSO) under
// bankapi.PISPPath, or "" for an unknown journey.
func OrderPath(journey string) string { return orderPaths[journey] }
