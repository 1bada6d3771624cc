package bankapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/google/uuid"
)

// Context paths of the bank's APIs (docs/bank-rules.md §Hosts and paths).
const (
	AISPPath  = "/apis/retail/open-banking/v3.1/aisp"
	PISPPath  = "/apis/retail/open-banking/v3.1/pisp"
	CBPIIPath = "/apis/retail/open-banking/v3.1/cbpii"
)

// MaxBodySize bounds a response body the client reads.
const MaxBodySize = 5 << 20

// ErrBodyTooLarge is returned for a 2xx response longer than MaxBodySize.
var ErrBodyTooLarge = errors.New("bankapi: response body larger than 5 MiB")

// Client calls the bank's resource APIs over mTLS. Build one per cold start.
type Client struct {
	BaseURL     string       // scheme://host[:port] of the mTLS API host, no path
	HTTP        *http.Client // the mTLS client (shared/mtls), with its timeout
	FinancialID string       // x-fapi-financial-id, sent when set
	Now         func() time.Time
	NewID       func() string // interaction ids; uuid.NewString when nil
	// Answers checks the signature of the answers of the signed endpoints (the PIS
	// API; PIS_SIGNATURE); nil checks nothing.
	Answers AnswerCheck
}

// Request is one call. Path is relative to BaseURL (e.g. AISPPath+"/accounts")
// or an absolute URL on the same scheme and host (a Links.Next).
type Request struct {
	Method         string
	Path           string
	Query          url.Values
	Body           []byte // the exact bytes to send (and that JWSSignature signs)
	AccessToken    string
	InteractionID  string    // x-fapi-interaction-id; generated when empty
	IdempotencyKey string    // x-idempotency-key (PIS POSTs), at most 40 chars
	JWSSignature   string    // x-jws-signature (PIS POSTs)
	CustomerIP     string    // x-fapi-customer-ip-address: only when the PSU is present
	AuthDate       time.Time // x-fapi-auth-date: when the PSU last logged in
}

// Response is a 2xx answer.
type Response struct {
	Status        int
	Header        http.Header
	Body          []byte
	InteractionID string // the bank's echo, or the one sent
}

// Header names (OB read-write-data-api-profile "Request Headers").
const (
	HeaderInteractionID  = "x-fapi-interaction-id"
	HeaderFinancialID    = "x-fapi-financial-id"
	HeaderCustomerIP     = "x-fapi-customer-ip-address"
	HeaderAuthDate       = "x-fapi-auth-date"
	HeaderIdempotencyKey = "x-idempotency-key"
	HeaderJWSSignature   = "x-jws-signature"
)

// Do sends r. A non-2xx answer is an *Error; a 2xx that is not an OB
// resource answer (HTML, empty, JSON without Data) an *UnusableError; a
// network failure a *TransportError. All carry the interaction id.
func (c *Client) Do(ctx context.Context, r Request) (*Response, error) {
	target, err := c.url(r)
	if err != nil {
		return nil, err
	}
	iid := r.InteractionID
	if iid == "" {
		iid = c.newID()
	}
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, target, body)
	if err != nil {
		return nil, fmt.Errorf("bankapi: %s request: %w", r.Method, err)
	}
	c.setHeaders(req.Header, r, iid)

	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, newTransportError(r.Method, iid, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxBodySize+1))
	if err != nil {
		return nil, newTransportError(r.Method, iid, err)
	}
	echo := resp.Header.Get(HeaderInteractionID)
	if echo == "" {
		echo = iid
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		if len(data) > MaxBodySize {
			data = data[:MaxBodySize]
		}
		return nil, parseError(resp, data, echo, c.now())
	}
	if len(data) > MaxBodySize {
		return nil, ErrBodyTooLarge
	}
	if err := checkUsable(r.Method, resp.StatusCode, resp.Header.Get("Content-Type"), data, echo); err != nil {
		return nil, err
	}
	if err := c.checkSigned(ctx, Answer{Method: r.Method, Path: req.URL.Path, Status: resp.StatusCode,
		Signature: resp.Header.Get(HeaderJWSSignature), Body: data, InteractionID: echo}); err != nil {
		return nil, err
	}
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: data, InteractionID: echo}, nil
}

func (c *Client) setHeaders(h http.Header, r Request, iid string) {
	h.Set("Accept", "application/json")
	if r.Body != nil {
		h.Set("Content-Type", "application/json")
	}
	if r.AccessToken != "" {
		h.Set("Authorization", "Bearer "+r.AccessToken)
	}
	h.Set(HeaderInteractionID, iid)
	if c.FinancialID != "" {
		h.Set(HeaderFinancialID, c.FinancialID)
	}
	if r.CustomerIP != "" {
		h.Set(HeaderCustomerIP, r.CustomerIP)
	}
	if !r.AuthDate.IsZero() {
		h.Set(HeaderAuthDate, r.AuthDate.UTC().Format(http.TimeFormat))
	}
	if r.IdempotencyKey != "" {
		h.Set(HeaderIdempotencyKey, r.IdempotencyKey)
	}
	if r.JWSSignature != "" {
		h.Set(HeaderJWSSignature, r.JWSSignature)
	}
}

// url joins BaseURL and the path, refusing absolute URLs on another origin
// so that an access token never leaves the bank's host.
func (c *Client) url(r Request) (string, error) {
	base, err := url.Parse(c.BaseURL)
	if err != nil || base.Host == "" {
		return "", errors.New("bankapi: bad BaseURL")
	}
	u, err := base.Parse(r.Path)
	if err != nil || r.Path == "" || u.Scheme != base.Scheme || u.Host != base.Host || u.User != nil {
		return "", fmt.Errorf("bankapi: path must be relative or on %s://%s", base.Scheme, base.Host)
	}
	if len(r.Query) > 0 {
		q := u.Query()
		for k, vs := range r.Query {
			q[k] = append(q[k], vs...)
		}
		u.RawQuery = q.Encode()
	}
	return u.String(), nil
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Client) newID() string {
	if c.NewID != nil {
		return c.NewID()
	}
	return uuid.NewString()
}
