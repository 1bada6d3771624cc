package mtls_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/credentials"
	"github.com/coop-ob/connector/shared/credentials/credentialstest"
	"github.com/coop-ob/connector/shared/mtls"
)

// gatedProvider is a credentials.Provider whose Get waits for open (a slow secret read) and
// fails while fail is set.
type gatedProvider struct {
	creds *credentials.Credentials
	open  chan struct{}
	fail  atomic.Bool
}

func (p *gatedProvider) Get(ctx context.Context) (*credentials.Credentials, error) {
	select {
	case <-p.open:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if p.fail.Load() {
		return nil, errors.New("secret unavailable")
	}
	return p.creds, nil
}

func newGated(t *testing.T) (*gatedProvider, credentialstest.Material) {
	t.Helper()
	s, m := credentialstest.NewSecret(t)
	return &gatedProvider{creds: parse(t, s), open: make(chan struct{})}, m
}

func waitHandshakes(t *testing.T, b *bank, want int32) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); b.handshakes.Load() < want; {
		if time.Now().After(deadline) {
			t.Fatalf("%d handshakes after 5s, want %d", b.handshakes.Load(), want)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestPreconnectFirstRequestUsesTheConnectionMadeAhead(t *testing.T) {
	t.Parallel()
	p, m := newGated(t)
	close(p.open)
	b := startBank(t, m.ClientCA, m.ServerCert(t), nil)
	c, preconnect := mtls.NewPreconnectingClient(p, 5*time.Second)
	preconnect(b.URL)
	waitHandshakes(t, b, 1) // made in the background, before any request
	for i := range 3 {
		if body, err := get(t, c, b.URL+"/x"); err != nil || body != "tpp-transport" {
			t.Fatalf("call %d: %q, %v", i, body, err)
		}
	}
	if n := b.handshakes.Load(); n != 1 {
		t.Errorf("%d handshakes, want 1: the requests use the connection made ahead", n)
	}
}

func TestPreconnectRequestWaitsForTheConnectionBeingMade(t *testing.T) {
	t.Parallel()
	p, m := newGated(t)
	b := startBank(t, m.ClientCA, m.ServerCert(t), nil)
	c, preconnect := mtls.NewPreconnectingClient(p, 5*time.Second)
	preconnect(b.URL) // waits for the credentials, as a cold start's first read would
	done := make(chan error, 1)
	go func() { _, err := get(t, c, b.URL); done <- err }()
	time.Sleep(20 * time.Millisecond)
	close(p.open)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := b.handshakes.Load(); n != 1 {
		t.Errorf("%d handshakes, want 1: the request waits for the connection in flight instead of making its own", n)
	}
}

func TestPreconnectFallsBackToDialling(t *testing.T) {
	t.Parallel()
	t.Run("failed", func(t *testing.T) {
		t.Parallel()
		p, m := newGated(t)
		p.fail.Store(true)
		close(p.open)
		b := startBank(t, m.ClientCA, m.ServerCert(t), nil)
		c, preconnect := mtls.NewPreconnectingClient(p, 5*time.Second)
		preconnect(b.URL)
		time.Sleep(50 * time.Millisecond) // the connection made ahead fails on the credentials
		p.fail.Store(false)
		if _, err := get(t, c, b.URL); err != nil {
			t.Fatalf("request after a failed preconnect: %v", err)
		}
		if n := b.handshakes.Load(); n != 1 {
			t.Errorf("%d handshakes, want 1 (the request's own)", n)
		}
	})
	t.Run("another host", func(t *testing.T) {
		t.Parallel()
		p, m := newGated(t)
		close(p.open)
		a, other := startBank(t, m.ClientCA, m.ServerCert(t), nil), startBank(t, m.ClientCA, m.ServerCert(t), nil)
		c, preconnect := mtls.NewPreconnectingClient(p, 5*time.Second)
		preconnect(a.URL)
		waitHandshakes(t, a, 1)
		if _, err := get(t, c, other.URL); err != nil {
			t.Fatal(err)
		}
		if _, err := get(t, c, a.URL); err != nil {
			t.Fatal(err)
		}
		if na, no := a.handshakes.Load(), other.handshakes.Load(); na != 1 || no != 1 {
			t.Errorf("handshakes: preconnected host %d, other host %d; want 1 and 1", na, no)
		}
	})
}

func TestPreconnectTooOldIsNotUsed(t *testing.T) {
	defer mtls.SetPreconnectMaxAge(time.Nanosecond)()
	p, m := newGated(t)
	close(p.open)
	b := startBank(t, m.ClientCA, m.ServerCert(t), nil)
	c, preconnect := mtls.NewPreconnectingClient(p, 5*time.Second)
	preconnect(b.URL)
	waitHandshakes(t, b, 1)
	time.Sleep(time.Millisecond)
	if _, err := get(t, c, b.URL); err != nil {
		t.Fatal(err)
	}
	if n := b.handshakes.Load(); n != 2 {
		t.Errorf("%d handshakes, want 2: a connection older than the limit is dropped and the request dials", n)
	}
}
