package main

import "net/http"

// Outcomes of a callback answered with a page instead of a redirect to the app (the
// CallbackOutcomes metric; the redirects count under their outcome).
const (
	metricNoJourney   = "no_journey"  // no, unknown, expired or used state; an altered link
	metricUnavailable = "unavailable" // the store was busy: the same link, reloaded, continues
	metricInternal    = "internal"
)

// pageOutcome is the CallbackOutcomes value of a page answered with status.
func pageOutcome(status int) string {
	switch {
	case status == http.StatusServiceUnavailable:
		return metricUnavailable
	case status >= 500:
		return metricInternal
	}
	return metricNoJourney
}
