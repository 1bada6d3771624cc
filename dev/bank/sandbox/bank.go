package sandbox

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// RefreshMode says what the token endpoint does with a refresh token it accepts.
type RefreshMode int

const (
	// RefreshKeep returns the same refresh token again (it keeps its expiry).
	RefreshKeep RefreshMode = iota
	// RefreshRotate returns a new refresh token; the presented one stops working.
	RefreshRotate
	// RefreshRotateOneTime rotates, and a second use of a spent refresh token revokes
	// the whole chain, newest refresh token and its access tokens included (Ory Hydra).
	RefreshRotateOneTime
)

// String names the mode as the admin API spells it.
func (m RefreshMode) String() string {
	switch m {
	case RefreshRotate:
		return "rotate"
	case RefreshRotateOneTime:
		return "rotate-one-time"
	default:
		return "keep"
	}
}

// ParseRefreshMode reads "keep", "rotate" or "rotate-one-time".
func ParseRefreshMode(s string) (RefreshMode, error) {
	for _, m := range []RefreshMode{RefreshKeep, RefreshRotate, RefreshRotateOneTime} {
		if m.String() == s {
			return m, nil
		}
	}
	return 0, fmt.Errorf("unknown refresh mode %q (keep, rotate, rotate-one-time)", s)
}

// Options configure [Start].
type Options struct {
	// Dir holds the generated material (material.json, secret.json, ca.pem); it is
	// reused on later starts. "" keeps everything in memory.
	Dir string
	// APIAddr, PagesAddr and AdminAddr are listen addresses; default "127.0.0.1:0".
	// AdminAddr must be a loopback address.
	APIAddr, PagesAddr, AdminAddr string
	// RedirectURI is the one registered redirect URI (exact match); default
	// http://127.0.0.1:3000/callback.
	RedirectURI string
	// AccessTTL and RefreshTTL default to 30m and 720h (the bank's page).
	AccessTTL, RefreshTTL time.Duration
	// RefreshMode defaults to RefreshKeep.
	RefreshMode RefreshMode
	// ErrorsWithoutState makes the bank's error redirects carry only error and
	// error_description, like the examples on the bank's own page; a code still carries state.
	ErrorsWithoutState bool
	// Decoding is how authorization values are read (DecodeForm when "").
	Decoding Decoding
	// Logger defaults to a discarding logger.
	Logger *slog.Logger
}

// Bank is a running sandbox bank. Its methods are safe for concurrent use.
type Bank struct {
	o   Options
	log *slog.Logger
	mat *material
	ca  *x509.CertPool

	handshakes atomic.Int64

	mu          sync.Mutex
	offset      time.Duration // bank clock = real time + offset
	accessTTL   time.Duration
	refreshTTL  time.Duration
	refreshMode RefreshMode
	// errorsWithoutState: error redirects leave state out (Options.ErrorsWithoutState).
	errorsWithoutState bool
	requests           []*RequestLog
	faults             []*faultEntry
	st                 *state
	secrets            secretLog
	// plans and defaultPlans: how payment orders move through their statuses (paymentplan.go).
	plans        map[string][]PaymentStep
	defaultPlans map[kind][]PaymentStep
	decoding     Decoding

	api, pages, admin          *http.Server
	apiURL, pagesURL, adminURL string
	wg                         sync.WaitGroup
}

// Start generates (or loads) the material and starts the three servers. They stop
// when ctx ends or Close is called.
func Start(ctx context.Context, o Options) (*Bank, error) {
	o = withDefaults(o)
	if err := checkLoopback(o.AdminAddr); err != nil {
		return nil, err
	}
	mat, err := loadOrGenerate(o.Dir, time.Now())
	if err != nil {
		return nil, err
	}
	b := &Bank{o: o, log: o.Logger, mat: mat, accessTTL: o.AccessTTL, refreshTTL: o.RefreshTTL, refreshMode: o.RefreshMode,
		errorsWithoutState: o.ErrorsWithoutState}
	if b.decoding, err = ParseDecoding(string(o.Decoding)); err != nil {
		return nil, err
	}
	b.ca = x509.NewCertPool()
	b.ca.AddCert(mat.caCert)
	b.st = newState(b.Now())

	apiLn, err := tls.Listen("tcp", o.APIAddr, b.apiTLSConfig())
	if err != nil {
		return nil, fmt.Errorf("bank api listen: %w", err)
	}
	pagesLn, err := tls.Listen("tcp", o.PagesAddr, &tls.Config{Certificates: []tls.Certificate{mat.server}, MinVersion: tls.VersionTLS12})
	if err != nil {
		apiLn.Close()
		return nil, fmt.Errorf("bank pages listen: %w", err)
	}
	adminLn, err := net.Listen("tcp", o.AdminAddr)
	if err != nil {
		apiLn.Close()
		pagesLn.Close()
		return nil, fmt.Errorf("bank admin listen: %w", err)
	}
	b.apiURL = "https://" + apiLn.Addr().String()
	b.pagesURL = "https://" + pagesLn.Addr().String()
	b.adminURL = "http://" + adminLn.Addr().String()

	b.api = b.newServer(b.edge("api", b.apiMux()))
	b.pages = b.newServer(b.edge("pages", b.pagesMux()))
	b.admin = b.newServer(b.adminMux())
	b.serve(b.api, apiLn)
	b.serve(b.pages, pagesLn)
	b.serve(b.admin, adminLn)
	go func() {
		<-ctx.Done()
		_ = b.Close()
	}()
	b.log.InfoContext(ctx, "sandbox bank started", "api", b.apiURL, "pages", b.pagesURL, "admin", b.adminURL)
	return b, nil
}

func withDefaults(o Options) Options {
	for _, a := range []*string{&o.APIAddr, &o.PagesAddr, &o.AdminAddr} {
		if *a == "" {
			*a = "127.0.0.1:0"
		}
	}
	if o.RedirectURI == "" {
		o.RedirectURI = "http://127.0.0.1:3000/callback"
	}
	if o.AccessTTL <= 0 {
		o.AccessTTL = 30 * time.Minute
	}
	if o.RefreshTTL <= 0 {
		o.RefreshTTL = 720 * time.Hour
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("bank admin address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("bank admin address %q: must be a loopback address", addr)
	}
	return nil
}

// apiTLSConfig requires a client certificate chaining to the bank CA (the sandbox's
// stand-in for the OB Directory) and counts completed handshakes.
func (b *Bank) apiTLSConfig() *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{b.mat.server},
		ClientAuth:   tls.RequireAndVerifyClientCert,
		ClientCAs:    b.ca,
		MinVersion:   tls.VersionTLS12,
		VerifyConnection: func(tls.ConnectionState) error {
			b.handshakes.Add(1)
			return nil
		},
	}
}

func (b *Bank) newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		// HTTP/1.1 only: faults that drop the connection need Hijack.
		TLSNextProto: map[string]func(*http.Server, *tls.Conn, http.Handler){},
		ErrorLog:     slog.NewLogLogger(b.log.Handler(), slog.LevelDebug),
	}
}

func (b *Bank) serve(s *http.Server, ln net.Listener) {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		if err := s.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			b.log.Error("bank server stopped", "err", err)
		}
	}()
}

// Close stops the servers and waits for them.
func (b *Bank) Close() error {
	err := errors.Join(b.api.Close(), b.pages.Close(), b.admin.Close())
	b.wg.Wait()
	return err
}

// APIURL is the mTLS host: token endpoint and OB APIs (https://127.0.0.1:port).
func (b *Bank) APIURL() string { return b.apiURL }

// PagesURL is the browser host (server TLS only): authorization endpoint and pages.
func (b *Bank) PagesURL() string { return b.pagesURL }

// AdminURL is the plain-HTTP loopback admin API.
func (b *Bank) AdminURL() string { return b.adminURL }

// TokenURL is the token endpoint.
func (b *Bank) TokenURL() string { return b.apiURL + tokenPath }

// AuthURL is the authorization endpoint of a brand ("coop" or "smile").
func (b *Bank) AuthURL(brand string) string {
	return b.pagesURL + "/openbanking/" + brand + "/oauthRedirect"
}

// RedirectURI is the registered redirect URI.
func (b *Bank) RedirectURI() string { return b.o.RedirectURI }

// SecretJSON is the credentials secret (docs/configuration.md shape) of the onboarded TPP.
func (b *Bank) SecretJSON() []byte { return b.mat.secretJSON() }

// CAPEM is the CA that signs the bank's server certificate and the TPP certificates.
func (b *Bank) CAPEM() []byte { return []byte(b.mat.CACertPEM) }

// CAPool is CAPEM as a pool.
func (b *Bank) CAPool() *x509.CertPool { return b.ca }

// ClientID and ClientSecret are the onboarded TPP's client credentials.
func (b *Bank) ClientID() string { return b.mat.ClientID }

// ClientSecret is the onboarded TPP's client secret.
func (b *Bank) ClientSecret() string { return b.mat.ClientSecret }

// Handshakes counts completed TLS handshakes on the API server.
func (b *Bank) Handshakes() int { return int(b.handshakes.Load()) }

// Now is the bank clock: real time plus every Advance.
func (b *Bank) Now() time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.nowLocked()
}

func (b *Bank) nowLocked() time.Time { return time.Now().Add(b.offset).UTC() }

// Advance moves the bank clock forward; every expiry uses the bank clock.
func (b *Bank) Advance(d time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.offset += d
}

// SetTokenSettings changes token lifetimes and the refresh mode for tokens issued from
// now on (zero durations keep the current value).
func (b *Bank) SetTokenSettings(access, refresh time.Duration, mode RefreshMode) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if access > 0 {
		b.accessTTL = access
	}
	if refresh > 0 {
		b.refreshTTL = refresh
	}
	b.refreshMode = mode
}

// SetErrorsWithoutState makes the error redirects of journeys finished from now on leave
// out state (true), or carry it again (false): Options.ErrorsWithoutState.
func (b *Bank) SetErrorsWithoutState(omit bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.errorsWithoutState = omit
}
