package main

import (
	"html"
	"net/http"
	"strings"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/httpapi"
)

// page is what an error page says. Nothing in it comes from the request
// except the reference render adds (the gateway's request id), and render
// escapes every field anyway.
type page struct {
	Status  int
	Title   string
	Message string
}

// The pages the PSU can land on when the callback cannot continue the
// journey. None of them redirects: without a valid state there is no
// consent to report on, and the result URL must not be reachable with
// values an attacker chose.
var (
	pageNoState = page{Status: http.StatusBadRequest, Title: "This link is incomplete",
		Message: "The bank sent you back without the details needed to finish connecting your account. Nothing was shared. Please go back to the app and start again."}
	pageUnknown = page{Status: http.StatusBadRequest, Title: "We could not find this request",
		Message: "This link does not match a request we started, so nothing was shared. Please go back to the app and start again."}
	pageExpired = page{Status: http.StatusBadRequest, Title: "This request has expired",
		Message: "You took longer than allowed to finish at your bank, so this request has expired and nothing was shared. Please go back to the app and start again."}
	pageUsed = page{Status: http.StatusBadRequest, Title: "This link has already been used",
		Message: "This request was already completed or cancelled. Please go back to the app to see the result, or start again from the app."}
	pageBroken = page{Status: http.StatusBadRequest, Title: "This link is not valid",
		Message: "The address of this page was altered, so nothing was shared. Please go back to the app and start again."}
	pageOtherBrowser = page{Status: http.StatusForbidden, Title: "Please finish in the browser where you started",
		Message: "You started connecting your account in another browser, so it cannot be finished here. Nothing was shared. Please go back to the app and start again."}
	pageOpenedElsewhere = page{Status: http.StatusForbidden, Title: "This link was opened in another browser",
		Message: "For your security this link works only in the browser where it was first opened. Nothing was shared. Please go back to the app and start again."}
	pageUnavailable = page{Status: http.StatusServiceUnavailable, Title: "Please try again in a moment",
		Message: "We are busy and could not finish connecting your account yet. Nothing was lost: reload this page in a few seconds to continue."}
	pageInternal = page{Status: http.StatusInternalServerError, Title: "Something went wrong",
		Message: "We could not finish connecting your account. Please go back to the app and try again in a few minutes."}
)

// render answers p as an HTML page (no-store, no referrer, no scripts). Every field is
// escaped (html.EscapeString: <, >, &, ' and "): the page is a fixed frame around text, so the
// function needs neither html/template nor the reflection it keeps alive at link time, about
// 2 MB of the binary (docs/performance.md).
func render(p page, reference string) events.APIGatewayV2HTTPResponse {
	var b strings.Builder
	b.WriteString(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>`)
	b.WriteString(html.EscapeString(p.Title))
	b.WriteString(`</title>
<style>body{font-family:system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.5}small{color:#555}</style>
</head>
<body>
<h1>`)
	b.WriteString(html.EscapeString(p.Title))
	b.WriteString("</h1>\n<p>")
	b.WriteString(html.EscapeString(p.Message))
	b.WriteString("</p>\n")
	if reference != "" {
		b.WriteString("<p><small>Reference: ")
		b.WriteString(html.EscapeString(reference))
		b.WriteString("</small></p>")
	}
	b.WriteString("\n</body>\n</html>\n")
	return httpapi.HTML(p.Status, b.String())
}
