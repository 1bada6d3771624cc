package sandbox

import "html/template"

// pageData feeds the journey templates; html/template escapes every value.
type pageData struct {
	Title, Brand, Error, Rule, Action, CSRF, Message string
	Consent                                          *consent
	Accounts                                         []pageAccount
	Lines                                            []string
}

type pageAccount struct {
	ID, Label string
	Checked   bool
}

var pageTmpl = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}}</title></head>
<body><h1 id="title">{{.Title}}</h1>
{{if .Rule}}<p id="error" data-rule="{{.Rule}}">{{.Error}}</p>
{{else if .Error}}<p id="error">{{.Error}}</p>{{end}}
{{block "body" .}}{{end}}
</body></html>`))

var errorPage = template.Must(template.Must(pageTmpl.Clone()).Parse(`{{define "body"}}<p>The request cannot be processed. No redirect has been made.</p>{{end}}`))

var loginPage = template.Must(template.Must(pageTmpl.Clone()).Parse(`{{define "body"}}
<p id="brand">{{.Brand}} Online Banking</p>
<form id="login-form" method="post" action="{{.Action}}">
<input type="hidden" name="csrf" value="{{.CSRF}}">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username">
<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password">
<button id="login" type="submit" name="action" value="login">Log in</button>
<button id="cancel" type="submit" name="action" value="cancel">Cancel and return</button>
</form>{{end}}`))

var otpPage = template.Must(template.Must(pageTmpl.Clone()).Parse(`{{define "body"}}
<p>{{.Message}}</p>
<form id="otp-form" method="post" action="{{.Action}}">
<input type="hidden" name="csrf" value="{{.CSRF}}">
<label for="otp">One-time passcode</label> <input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code">
<button id="submit-otp" type="submit" name="action" value="otp">Continue</button>
</form>{{end}}`))

var consentPage = template.Must(template.Must(pageTmpl.Clone()).Parse(`{{define "body"}}
<ul id="consent-details">{{range .Lines}}<li>{{.}}</li>{{end}}</ul>
<form id="consent-form" method="post" action="{{.Action}}">
<input type="hidden" name="csrf" value="{{.CSRF}}">
<fieldset><legend>{{.Message}}</legend>
{{range .Accounts}}<label><input type="checkbox" id="account-{{.ID}}" name="account" value="{{.ID}}"{{if .Checked}} checked{{end}}> {{.Label}}</label><br>
{{end}}</fieldset>
<button id="approve" type="submit" name="action" value="approve">Confirm</button>
<button id="decline" type="submit" name="action" value="decline">Cancel</button>
</form>{{end}}`))
