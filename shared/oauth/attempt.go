package oauth

import (
	"context"
	"net/http/httptrace"
	"sync/atomic"
)

// attempt follows one token request far enough to tell whether it may have
// reached the token endpoint (Error.MayHaveBeenProcessed): once the
// transport holds a connection (TCP and TLS established) the request is
// written at once, so a failure from then on may hide a request the
// endpoint processed. Before that, nothing was sent.
//
// GotConn is the signal rather than WroteRequest because net/http calls it
// on the goroutine that makes the request, before the request is written:
// it has happened by the time the request returns, while a write still in
// flight when the request is cancelled could report itself late.
type attempt struct{ connected atomic.Bool }

// trace returns ctx with a client trace that records the connection.
func (a *attempt) trace(ctx context.Context) context.Context {
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GotConn: func(httptrace.GotConnInfo) { a.connected.Store(true) },
	})
}

// error converts err (nil stays nil) with what the attempt saw.
func (a *attempt) error(grant string, err error) error {
	return toError(grant, err, a.connected.Load())
}
