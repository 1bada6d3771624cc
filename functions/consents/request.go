package main

// maxBody bounds every request body of the consents API.
const maxBody = 16 << 10

// authorizeRequest is the (optional) body of POST /consents/{id}/authorize.
type authorizeRequest struct {
	StepUp *bool `json:"stepUp"`
}
