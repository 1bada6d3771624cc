package bankapi

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/coop-ob/connector/shared/metrics"
)

// Operations of bank calls: the Operation dimension of the bank-call metrics, a short fixed set
// so that the metrics stay few (docs/performance.md "Metrics"). Each names a kind of endpoint,
// whichever API (AIS, PIS, CBPII) it is in.
const (
	OpToken             = "token"              // the token endpoint, every grant
	OpConsentCreate     = "consent-create"     // POST …-consents
	OpConsentRead       = "consent-read"       // GET …-consents/{id}
	OpConsentDelete     = "consent-delete"     // DELETE …-consents/{id}
	OpAccountRead       = "account-read"       // GET /aisp/accounts…
	OpPaymentCreate     = "payment-create"     // POST domestic payments, scheduled payments, standing orders
	OpPaymentRead       = "payment-read"       // GET of one of them
	OpFundsConfirmation = "funds-confirmation" // a payment consent's funds check, a CBPII confirmation
	OpOther             = "other"
)

// Operations lists every operation but OpOther, in the order the dashboard shows them.
var Operations = []string{OpToken, OpConsentCreate, OpConsentRead, OpConsentDelete, OpAccountRead,
	OpPaymentCreate, OpPaymentRead, OpFundsConfirmation}

// Operation names the endpoint of a bank call from its method and URL; tokenPath is the token
// endpoint's path (BANK_TOKEN_URL's).
func Operation(method string, u *url.URL, tokenPath string) string {
	p := strings.TrimSuffix(u.Path, "/")
	switch {
	case tokenPath != "" && p == strings.TrimSuffix(tokenPath, "/"):
		return OpToken
	case strings.HasSuffix(p, "/funds-confirmation") || strings.HasSuffix(p, CBPIIPath+"/funds-confirmations"):
		return OpFundsConfirmation
	case strings.HasSuffix(p, "-consents"):
		return OpConsentCreate
	case strings.Contains(p, "-consents/"):
		if method == http.MethodDelete {
			return OpConsentDelete
		}
		return OpConsentRead
	case strings.HasPrefix(p, AISPPath+"/accounts"):
		return OpAccountRead
	case strings.HasPrefix(p, PISPPath+"/domestic-"):
		if method == http.MethodPost {
			return OpPaymentCreate
		}
		return OpPaymentRead
	}
	return OpOther
}

// Observed wraps base (the mTLS transport every bank call and token call goes through) so that
// each exchange is published through the Recorder of its request's context (metrics.BankCall):
// one line per attempt, with its operation, status class, latency to the answer's headers and
// the x-fapi-interaction-id (the bank's echo, else the one sent; token calls carry none).
func Observed(base http.RoundTripper, tokenPath string) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return observed{base: base, tokenPath: tokenPath}
}

type observed struct {
	base      http.RoundTripper
	tokenPath string
}

func (o observed) RoundTrip(req *http.Request) (*http.Response, error) {
	rec := metrics.From(req.Context())
	if rec == nil {
		return o.base.RoundTrip(req)
	}
	start := time.Now()
	resp, err := o.base.RoundTrip(req)
	c := metrics.BankCall{Operation: Operation(req.Method, req.URL, o.tokenPath), Method: req.Method,
		Duration: time.Since(start), InteractionID: req.Header.Get(HeaderInteractionID)}
	if err == nil {
		c.Status = resp.StatusCode
		if echo := resp.Header.Get(HeaderInteractionID); echo != "" {
			c.InteractionID = echo
		}
	}
	rec.BankCall(req.Context(), c)
	return resp, err
}
