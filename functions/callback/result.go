package main

import "net/url"

// resultLocation returns the app's result URL (configuration, never the
// request) with consentId and outcome added to any query it already has.
// Values the result URL already has for those two names are replaced.
func resultLocation(result *url.URL, consentID, outcome string) string {
	u := *result
	q := u.Query()
	q.Set("consentId", consentID)
	q.Set("outcome", outcome)
	u.RawQuery = q.Encode()
	return u.String()
}
