package main

import (
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/banklimits"
	"github.com/coop-ob/connector/shared/httpapi"
)

// TestCreateBadInput: every bad request is a problem naming the field, and
// leaves the table unchanged and the bank untouched (not even a token call).
func TestCreateBadInput(t *testing.T) {
	f := newFixture(t)
	now := f.env.Bank.Now()
	day := func(n int) string { return banklimits.Today(now).AddDate(0, 0, n).Format("2006-01-02") }
	var saturday string
	for i := 3; ; i++ {
		if d, _ := banklimits.ParseDate(day(i)); d.Weekday() == 6 {
			saturday = day(i)
			break
		}
	}
	// Just past the two-year limit, on a day the other date rules accept.
	pastTwoYears := workingDayFrom(twoYearsAhead(now).AddDate(0, 0, 3), 1)
	dp := func(extra string) string {
		return `{"brand":"coop","type":"payments","journey":"DP","amount":"10.00","creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"}` + extra + `}`
	}
	so := func(so string) string {
		return `{"brand":"coop","type":"payments","journey":"DSO","amount":"5.00","reference":"R","creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"},"standingOrder":` + so + `}`
	}
	tests := []struct {
		name, body string
		status     int
		field      string // a field the problem must name ("" = none)
	}{
		{"empty body", ``, 400, ""},
		{"malformed", `{"brand":`, 400, ""},
		{"not an object", `[]`, 400, ""},
		{"unknown field", `{"brand":"coop","type":"accounts","colour":"red"}`, 400, "colour"},
		{"wrong type", `{"brand":"coop","type":"accounts","permissions":"ReadBalances"}`, 400, "permissions"},
		{"trailing data", `{"brand":"coop","type":"accounts"} {}`, 400, ""},
		{"oversize", `{"brand":"coop","type":"accounts","expirationDateTime":"` + strings.Repeat("x", 17<<10) + `"}`, 413, ""},
		{"missing brand", `{"type":"accounts"}`, 400, "brand"},
		{"bad brand", `{"brand":"natwest","type":"accounts"}`, 400, "brand"},
		{"missing type", `{"brand":"coop"}`, 400, "type"},
		{"bad type", `{"brand":"coop","type":"loans"}`, 400, "type"},
		{"empty permissions", `{"brand":"coop","type":"accounts","permissions":[]}`, 400, "permissions"},
		{"unsupported permission", `{"brand":"coop","type":"accounts","permissions":["ReadAccountsBasic","ReadStatementsDetail"]}`, 400, "permissions"},
		{"unknown permission", `{"brand":"coop","type":"accounts","permissions":["ReadAccountsBasic","ReadEverything"]}`, 400, "permissions"},
		{"no accounts permission", `{"brand":"coop","type":"accounts","permissions":["ReadBalances"]}`, 400, "permissions"},
		{"direction without kind", `{"brand":"coop","type":"accounts","permissions":["ReadAccountsBasic","ReadTransactionsCredits"]}`, 400, "permissions"},
		{"past expiry", `{"brand":"coop","type":"accounts","expirationDateTime":"2020-01-01T00:00:00Z"}`, 400, "expirationDateTime"},
		{"bad expiry", `{"brand":"coop","type":"accounts","expirationDateTime":"2099-01-01"}`, 400, "expirationDateTime"},
		{"window reversed", `{"brand":"coop","type":"accounts","transactionFromDateTime":"2025-02-01T00:00:00Z","transactionToDateTime":"2025-01-01T00:00:00Z"}`, 400, "transactionToDateTime"},
		{"payment field on accounts", `{"brand":"coop","type":"accounts","amount":"1.00"}`, 400, "amount"},
		{"missing journey", `{"brand":"coop","type":"payments","amount":"1.00","creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"}}`, 400, "journey"},
		{"bad journey", strings.Replace(dp(""), `"DP"`, `"BACS"`, 1), 400, "journey"},
		{"missing amount", strings.Replace(dp(""), `"amount":"10.00",`, ``, 1), 400, "amount"},
		{"amount number", strings.Replace(dp(""), `"10.00"`, `10`, 1), 400, "amount"},
		{"three decimals", strings.Replace(dp(""), `"10.00"`, `"10.001"`, 1), 400, "amount"},
		{"zero amount", strings.Replace(dp(""), `"10.00"`, `"0.00"`, 1), 400, "amount"},
		{"negative amount", strings.Replace(dp(""), `"10.00"`, `"-1"`, 1), 400, "amount"},
		{"euro", dp(`,"currency":"EUR"`), 400, "currency"},
		{"missing creditor", `{"brand":"coop","type":"payments","journey":"DP","amount":"1.00"}`, 400, "creditor"},
		{"missing creditor name", strings.Replace(dp(""), `"name":"Bob",`, ``, 1), 400, "creditor.name"},
		{"short sort code", strings.Replace(dp(""), `"080800"`, `"08080"`, 1), 400, "creditor.sortCode"},
		{"dashed sort code", strings.Replace(dp(""), `"080800"`, `"08-08-00"`, 1), 400, "creditor.sortCode"},
		{"long account", strings.Replace(dp(""), `"21325698"`, `"213256981"`, 1), 400, "creditor.accountNumber"},
		{"long name", strings.Replace(dp(""), `"Bob"`, `"`+strings.Repeat("B", 141)+`"`, 1), 400, "creditor.name"},
		{"name charset", strings.Replace(dp(""), `"Bob"`, `"Bob <script>"`, 1), 400, "creditor.name"},
		{"name padded", strings.Replace(dp(""), `"Bob"`, `" Bob"`, 1), 400, "creditor.name"},
		{"long reference", dp(`,"reference":"ABCDEFGHIJKLMNOPQRS"`), 400, "reference"},
		{"reference charset", dp(`,"reference":"INV#1"`), 400, "reference"},
		{"bad debtor", dp(`,"debtorAccount":{"sortCode":"1","accountNumber":"2"}`), 400, "debtorAccount.sortCode"},
		{"bad context code", dp(`,"paymentContextCode":"Gift"`), 400, "paymentContextCode"},
		{"execution date on DP", dp(`,"executionDate":"` + day(10) + `"`), 400, "executionDate"},
		{"DSP without date", strings.Replace(dp(""), `"DP"`, `"DSP"`, 1), 400, "executionDate"},
		{"DSP today", strings.Replace(dp(`,"executionDate":"`+day(0)+`"`), `"DP"`, `"DSP"`, 1), 400, "executionDate"},
		{"DSP past", strings.Replace(dp(`,"executionDate":"`+day(-3)+`"`), `"DP"`, `"DSP"`, 1), 400, "executionDate"},
		{"DSP weekend", strings.Replace(dp(`,"executionDate":"`+saturday+`"`), `"DP"`, `"DSP"`, 1), 400, "executionDate"},
		{"DSP over two years", strings.Replace(dp(`,"executionDate":"`+day(2*366+7)+`"`), `"DP"`, `"DSP"`, 1), 400, "executionDate"},
		{"DSP two years and days", strings.Replace(dp(`,"executionDate":"`+pastTwoYears+`"`), `"DP"`, `"DSP"`, 1), 400, "executionDate"},
		{"DSP bad date", strings.Replace(dp(`,"executionDate":"tomorrow"`), `"DP"`, `"DSP"`, 1), 400, "executionDate"},
		{"DSP christmas", strings.Replace(dp(`,"executionDate":"2027-12-27"`), `"DP"`, `"DSP"`, 1), 400, "executionDate"},
		{"DSO without standingOrder", strings.Replace(dp(`,"reference":"R"`), `"DP"`, `"DSO"`, 1), 400, "standingOrder"},
		{"DSO without reference", strings.Replace(so(`{"frequency":"IntrvlWkDay:01:01","numberOfPayments":1,"firstPaymentDate":"`+day(5)+`"}`), `"reference":"R",`, ``, 1), 400, "reference"},
		{"DSO bad frequency", so(`{"frequency":"IntrvlWkDay:03:01","numberOfPayments":1,"firstPaymentDate":"` + day(5) + `"}`), 400, "standingOrder.frequency"},
		{"DSO daily", so(`{"frequency":"EvryDay","numberOfPayments":1,"firstPaymentDate":"` + day(5) + `"}`), 400, "standingOrder.frequency"},
		{"DSO month day 32", so(`{"frequency":"IntrvlMnthDay:01:32","numberOfPayments":1,"firstPaymentDate":"` + day(5) + `"}`), 400, "standingOrder.frequency"},
		{"DSO zero payments", so(`{"frequency":"IntrvlMnthDay:01:15","numberOfPayments":0,"firstPaymentDate":"` + day(5) + `"}`), 400, "standingOrder.numberOfPayments"},
		{"DSO 1000 payments", so(`{"frequency":"IntrvlMnthDay:01:15","numberOfPayments":1000,"firstPaymentDate":"` + day(5) + `"}`), 400, "standingOrder.numberOfPayments"},
		{"DSO payments string", so(`{"frequency":"IntrvlMnthDay:01:15","numberOfPayments":"12","firstPaymentDate":"` + day(5) + `"}`), 400, "standingOrder.numberOfPayments"},
		{"DSO first today", so(`{"frequency":"IntrvlMnthDay:01:15","numberOfPayments":2,"firstPaymentDate":"` + day(0) + `"}`), 400, "standingOrder.firstPaymentDate"},
		{"funds without account", `{"brand":"coop","type":"fundsconfirmations"}`, 400, "debtorAccount"},
		{"funds bad account", `{"brand":"coop","type":"fundsconfirmations","debtorAccount":{"sortCode":"089999","accountNumber":"1234"}}`, 400, "debtorAccount.accountNumber"},
		{"funds with permissions", `{"brand":"coop","type":"fundsconfirmations","permissions":["ReadBalances"],"debtorAccount":{"sortCode":"089999","accountNumber":"12345678"}}`, 400, "permissions"},
	}
	before := f.countItems(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.env.Bank.ResetRequests()
			resp := f.do(t, routeCreate, "alice-app", "", tt.body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, resp.Body)
			}
			p := problem(t, resp)
			if p.Type != httpapi.TypeInvalidRequest || p.Detail == "" {
				t.Errorf("problem %+v", p)
			}
			if tt.field != "" && !slices.ContainsFunc(p.Errors, func(e httpapi.FieldError) bool { return e.Field == tt.field }) {
				t.Errorf("errors %+v do not name %s", p.Errors, tt.field)
			}
			if n := len(f.env.Bank.Requests()); n != 0 {
				t.Errorf("the bank got %d requests", n)
			}
			if n := f.countItems(t); n != before {
				t.Errorf("table has %d items, had %d", n, before)
			}
		})
	}
	t.Run("base64 body", func(t *testing.T) {
		req := request(routeCreate, "alice-app", "", base64.StdEncoding.EncodeToString([]byte(`{"brand":"coop","type":"x"}`)))
		req.IsBase64Encoded = true
		resp, _ := f.h.Handle(t.Context(), req)
		if p := problem(t, resp); p.Status != 400 || len(p.Errors) != 1 || p.Errors[0].Field != "type" {
			t.Errorf("problem %+v", p)
		}
	})
	t.Run("all errors at once", func(t *testing.T) {
		resp := f.do(t, routeCreate, "alice-app", "", `{"brand":"coop","type":"payments","journey":"DP","amount":"x","creditor":{"sortCode":"1","accountNumber":"2"}}`)
		var fields []string
		for _, e := range problem(t, resp).Errors {
			fields = append(fields, e.Field)
		}
		slices.Sort(fields)
		if want := []string{"amount", "creditor.accountNumber", "creditor.name", "creditor.sortCode"}; !slices.Equal(fields, want) {
			t.Errorf("fields %v, want %v", fields, want)
		}
	})
}

// TestCreateBankFailure: a bank 5xx, 429, HTML page, dropped connection or
// token-endpoint failure answers retryLater with the interaction id; a bank
// 400 answers the bank's field errors; nothing is stored either way.
func TestCreateBankFailure(t *testing.T) {
	f := newFixture(t)
	dp := `{"brand":"coop","type":"payments","journey":"DP","amount":"10.00","creditor":{"name":"Bob","sortCode":"080800","accountNumber":"21325698"}}`
	ais := `{"brand":"coop","type":"accounts"}`
	tests := []struct {
		name, prefix, body string
		fault              sandbox.Fault
		status             int
		typ, action        string
	}{
		{"PIS 500", bankapi.PISPPath + "/domestic-payment-consents", dp, sandbox.Fault{Status: 500}, 503, httpapi.TypeRetryLater, httpapi.ActionRetryLater},
		{"AIS 503 HTML", bankapi.AISPPath + "/account-access-consents", ais, sandbox.Fault{Status: 503, HTML: true}, 503, httpapi.TypeRetryLater, httpapi.ActionRetryLater},
		{"AIS 429", bankapi.AISPPath + "/account-access-consents", ais, sandbox.Fault{Status: 429, RetryAfter: 2e9}, 503, httpapi.TypeRetryLater, httpapi.ActionRetryLater},
		{"AIS dropped", bankapi.AISPPath + "/account-access-consents", ais, sandbox.Fault{Drop: true}, 503, httpapi.TypeRetryLater, httpapi.ActionRetryLater},
		{"PIS 400", bankapi.PISPPath + "/domestic-payment-consents", dp, sandbox.Fault{Status: 400}, 400, httpapi.TypeBankError, ""},
		{"token 503", "/apis/oauth", ais, sandbox.Fault{Status: 503}, 503, httpapi.TypeRetryLater, httpapi.ActionRetryLater},
	}
	before := f.countItems(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.h.tokens = newTokenCache(f) // a fresh cache, so the token endpoint is called
			f.env.Bank.ResetRequests()
			f.env.Bank.Fail(tt.prefix, tt.fault)
			resp := f.do(t, routeCreate, "alice-app", "", tt.body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, resp.Body)
			}
			p := problem(t, resp)
			if p.Type != tt.typ || p.Action != tt.action {
				t.Errorf("problem %+v, want type %s action %q", p, tt.typ, tt.action)
			}
			if tt.typ == httpapi.TypeBankError && (len(p.Errors) == 0 || p.InteractionID == "") {
				t.Errorf("bank 400 problem without field errors or interaction id: %+v", p)
			}
			if tt.prefix != "/apis/oauth" {
				posts := f.requestsTo(tt.prefix)
				if len(posts) != 1 || p.InteractionID != posts[0].InteractionID {
					t.Errorf("interactionId %q, bank saw %+v", p.InteractionID, posts)
				}
			}
			if n := f.countItems(t); n != before {
				t.Errorf("table has %d items, had %d", n, before)
			}
		})
	}
	if resp := f.do(t, routeCreate, "alice-app", "", ais); resp.StatusCode != http.StatusCreated {
		t.Errorf("after the faults: %d %s", resp.StatusCode, resp.Body)
	}
}
