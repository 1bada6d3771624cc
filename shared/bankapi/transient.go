package bankapi

import (
	"context"
	"errors"
	"io"
	"net"
	"syscall"
)

// transientNet reports whether a transport error is worth retrying:
// timeouts, resets, refused dials and connections closed before the whole
// response. A cancelled context is the caller's decision, not transient.
func transientNet(err error) bool {
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
	return isDialError(err)
}

// isDialError reports a failure to connect: the request never left.
func isDialError(err error) bool {
	var oe *net.OpError
	return errors.As(err, &oe) && oe.Op == "dial"
}
