// Package neterr classifies transport errors of outbound bank calls, for the
// token client (shared/oauth) and the API client (shared/bankapi) alike: one
// policy of what is worth retrying.
package neterr

import (
	"context"
	"errors"
	"io"
	"net"
	"syscall"
)

// Transient reports whether a transport error is worth retrying:
// timeouts, resets, refused dials and connections closed before the whole
// response. A cancelled context is the caller's decision, not transient.
func Transient(err error) bool {
	if errors.Is(err, context.Canceled) {
		return false
	}
	for _, target := range []error{context.DeadlineExceeded, io.EOF, io.ErrUnexpectedEOF,
		syscall.ECONNRESET, syscall.ECONNREFUSED, syscall.ECONNABORTED, syscall.EPIPE} {
		if errors.Is(err, target) {
			return true
		}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	return Dial(err)
}

// Dial reports a failure to connect: the request never left.
func Dial(err error) bool {
	var oe *net.OpError
	return errors.As(err, &oe) && oe.Op == "dial"
}
