package bankapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/credentials/credentialstest"
)

// seen is what the fake bank saw of one request.
type seen struct {
	Method, Path, RawQuery string
	Header                 http.Header
	Body                   string
	ClientCN               string
}

type fakeBank struct {
	mu      sync.Mutex
	reqs    []seen
	respond func(w http.ResponseWriter, r *http.Request)
}

func (f *fakeBank) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := r.Body.Read(buf)
		body.Write(buf[:n])
		if err != nil {
			break
		}
	}
	s := seen{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: body.String()}
	if len(r.TLS.PeerCertificates) > 0 {
		s.ClientCN = r.TLS.PeerCertificates[0].Subject.CommonName
	}
	f.mu.Lock()
	f.reqs = append(f.reqs, s)
	f.mu.Unlock()
	if f.respond != nil {
		f.respond(w, r)
		return
	}
	w.Header().Set(HeaderInteractionID, r.Header.Get(HeaderInteractionID))
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	fmt.Fprint(w, `{"Data":{}}`)
}

func (f *fakeBank) last() seen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reqs[len(f.reqs)-1]
}

func (f *fakeBank) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.reqs)
}

func newBank(t *testing.T) (*Client, *fakeBank) {
	t.Helper()
	fb := &fakeBank{}
	srv, hc := credentialstest.MTLSServer(t, fb)
	return &Client{BaseURL: srv.URL, HTTP: hc, Now: func() time.Time { return testNow }}, fb
}

var testNow = time.Date(2026, 4, 2, 10, 0, 0, 0, time.UTC)

func TestDoHeadersPOST(t *testing.T) {
	t.Parallel()
	c, fb := newBank(t)
	c.FinancialID = "0015800001041RHAAY"
	body := []byte(`{"Data":{"Initiation":{}},"Risk":{}}`)
	auth := time.Date(2026, 4, 2, 9, 30, 5, 0, time.FixedZone("BST", 3600))
	resp, err := c.Do(context.Background(), Request{
		Method: http.MethodPost, Path: PISPPath + "/domestic-payment-consents", Body: body,
		AccessToken: "tok", InteractionID: "93bac548-d2de-4546-b106-880a5018460d",
		IdempotencyKey: "idem-1", JWSSignature: "hdr..sig", CustomerIP: "203.0.113.7", AuthDate: auth,
	})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if resp.Status != 201 || resp.InteractionID != "93bac548-d2de-4546-b106-880a5018460d" || string(resp.Body) != `{"Data":{}}` {
		t.Errorf("response %d %q %q", resp.Status, resp.InteractionID, resp.Body)
	}
	got := fb.last()
	want := map[string]string{
		"Authorization":              "Bearer tok",
		"X-Fapi-Interaction-Id":      "93bac548-d2de-4546-b106-880a5018460d",
		"X-Fapi-Financial-Id":        "0015800001041RHAAY",
		"X-Fapi-Customer-Ip-Address": "203.0.113.7",
		"X-Fapi-Auth-Date":           "Thu, 02 Apr 2026 08:30:05 GMT",
		"Content-Type":               "application/json",
		"Accept":                     "application/json",
		"X-Idempotency-Key":          "idem-1",
		"X-Jws-Signature":            "hdr..sig",
	}
	for k, v := range want {
		if g := got.Header.Get(k); g != v {
			t.Errorf("header %s = %q, want %q", k, g, v)
		}
	}
	if got.Body != string(body) || got.Path != PISPPath+"/domestic-payment-consents" || got.ClientCN != "tpp" {
		t.Errorf("bank saw body %q path %q client %q", got.Body, got.Path, got.ClientCN)
	}
}

func TestDoHeadersGETDefaults(t *testing.T) {
	t.Parallel()
	c, fb := newBank(t)
	c.NewID = func() string { return "generated-id" }
	fb.respond = func(w http.ResponseWriter, _ *http.Request) { // no echo
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"Data":{}}`))
	}
	resp, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: AISPPath + "/accounts/1001/transactions",
		Query: url.Values{"fromBookingDateTime": {"2026-01-01T00:00:00"}}, AccessToken: "tok"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.InteractionID != "generated-id" {
		t.Errorf("InteractionID = %q, want the generated one", resp.InteractionID)
	}
	got := fb.last()
	if got.Header.Get(HeaderInteractionID) != "generated-id" {
		t.Errorf("sent interaction id %q", got.Header.Get(HeaderInteractionID))
	}
	for _, h := range []string{"Content-Type", HeaderFinancialID, HeaderCustomerIP, HeaderAuthDate, HeaderIdempotencyKey, HeaderJWSSignature} {
		if v, ok := got.Header[http.CanonicalHeaderKey(h)]; ok {
			t.Errorf("GET sent %s: %q", h, v)
		}
	}
	if got.RawQuery != "fromBookingDateTime=2026-01-01T00%3A00%3A00" {
		t.Errorf("query %q", got.RawQuery)
	}
}

func TestDoGeneratesUUID(t *testing.T) {
	t.Parallel()
	c, fb := newBank(t)
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: AISPPath + "/accounts"}); err != nil {
		t.Fatal(err)
	}
	if id := fb.last().Header.Get(HeaderInteractionID); len(id) != 36 || strings.Count(id, "-") != 4 {
		t.Errorf("generated interaction id %q is not a UUID", id)
	}
}

func TestDoPaths(t *testing.T) {
	t.Parallel()
	c, fb := newBank(t)
	next := c.BaseURL + AISPPath + "/accounts/1001/transactions?page=2"
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: next}); err != nil {
		t.Fatalf("same-origin Links.Next: %v", err)
	}
	if got := fb.last(); got.RawQuery != "page=2" {
		t.Errorf("query %q", got.RawQuery)
	}
	for _, p := range []string{"https://evil.example/x", "//evil.example/x", "http://" + strings.TrimPrefix(c.BaseURL, "https://") + "/x", ""} {
		if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: p, AccessToken: "tok"}); err == nil {
			t.Errorf("path %q accepted", p)
		}
	}
}

func TestDoErrors(t *testing.T) {
	t.Parallel()
	c, fb := newBank(t)
	fb.respond = func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set(HeaderInteractionID, "bank-echo")
		w.WriteHeader(400)
		fmt.Fprint(w, `{"Code":"400 BadRequest","Message":"Alice Smith account 12345678 tok","Errors":[{"ErrorCode":"UK.OBIE.Resource.InvalidConsentStatus","Message":"PII here"}]}`)
	}
	_, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: AISPPath + "/accounts", AccessToken: "SECRET-TOKEN"})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err %T %v, want *Error", err, err)
	}
	if e.InteractionID != "bank-echo" || Classify(err) != ActionReconsent {
		t.Errorf("interaction %q action %v", e.InteractionID, Classify(err))
	}
	for _, s := range []string{"SECRET-TOKEN", "Alice", "PII"} {
		if strings.Contains(err.Error(), s) {
			t.Errorf("Error() %q contains %q", err.Error(), s)
		}
	}
}

func TestDoTransportErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		method    string
		respond   func(w http.ResponseWriter, r *http.Request)
		timeout   time.Duration
		processed bool
	}{
		{"dropped GET", http.MethodGet, hangUp, 0, false},
		{"dropped POST", http.MethodPost, hangUp, 0, true},
		{"dropped mid-body", http.MethodGet, func(w http.ResponseWriter, _ *http.Request) {
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err == nil {
				fmt.Fprint(buf, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"Data\"")
				buf.Flush()
				conn.Close()
			}
		}, 0, false},
		// The bank holds the answer until the client has given up (released below, after
		// Do returns): the server's own request context is no signal, as it can end
		// before the client's timeout on a loaded machine.
		{"timeout POST", http.MethodPost, nil, 100 * time.Millisecond, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, fb := newBank(t)
			fb.respond = tc.respond
			if fb.respond == nil {
				release := make(chan struct{})
				defer close(release)
				fb.respond = func(http.ResponseWriter, *http.Request) { <-release }
			}
			c.HTTP.Timeout = tc.timeout
			var body []byte
			if tc.method == http.MethodPost {
				body = []byte(`{}`)
			}
			_, err := c.Do(context.Background(), Request{Method: tc.method, Path: PISPPath + "/domestic-payments", Body: body, AccessToken: "SECRET-TOKEN"})
			var te *TransportError
			if !errors.As(err, &te) {
				t.Fatalf("err %T %v, want *TransportError", err, err)
			}
			if !te.Transient || te.MayHaveBeenProcessed != tc.processed || te.InteractionID == "" || Classify(err) != ActionRetryLater {
				t.Errorf("transient=%v processed=%v iid=%q action=%v (%v)", te.Transient, te.MayHaveBeenProcessed, te.InteractionID, Classify(err), err)
			}
			if strings.Contains(err.Error(), "SECRET-TOKEN") {
				t.Errorf("Error() %q shows the token", err)
			}
		})
	}
}

func hangUp(w http.ResponseWriter, _ *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.Close()
	}
}

func TestDoRefusedDialNotProcessed(t *testing.T) {
	t.Parallel()
	c, _ := newBank(t)
	c.BaseURL = "https://127.0.0.1:1"
	_, err := c.Do(context.Background(), Request{Method: http.MethodPost, Path: "/x", Body: []byte("{}")})
	var te *TransportError
	if !errors.As(err, &te) || te.MayHaveBeenProcessed || !te.Transient {
		t.Errorf("refused dial: %#v", te)
	}
}

func TestDoCancelledIsNotTransient(t *testing.T) {
	t.Parallel()
	c, fb := newBank(t)
	ctx, cancel := context.WithCancel(context.Background())
	fb.respond = func(_ http.ResponseWriter, r *http.Request) { cancel(); <-r.Context().Done() }
	_, err := c.Do(ctx, Request{Method: http.MethodGet, Path: "/x"})
	if Classify(err) != ActionFailure || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled call: action %v, err %v", Classify(err), err)
	}
}

func TestResponseBodyLimit(t *testing.T) {
	t.Parallel()
	c, fb := newBank(t)
	fb.respond = func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(200)
		_, _ = w.Write([]byte(strings.Repeat("x", MaxBodySize+1)))
	}
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); !errors.Is(err, ErrBodyTooLarge) {
		t.Errorf("err %v, want ErrBodyTooLarge", err)
	}
	if diff := cmp.Diff(1, fb.count()); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}
