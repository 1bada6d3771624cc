package neterr

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
	"testing"
)

// timeoutErr is a net.Error that timed out without wrapping DeadlineExceeded.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestTransient(t *testing.T) {
	t.Parallel()
	dial := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", errors.New("no route to host"))}
	read := &net.OpError{Op: "read", Net: "tcp", Err: errors.New("tls: bad record MAC")}
	tests := []struct {
		name            string
		err             error
		transient, dial bool
	}{
		{"deadline", fmt.Errorf("post: %w", context.DeadlineExceeded), true, false},
		{"cancelled is the caller's choice", fmt.Errorf("post: %w", context.Canceled), false, false},
		{"cancelled wins over a reset", errors.Join(context.Canceled, syscall.ECONNRESET), false, false},
		{"eof", io.EOF, true, false},
		{"unexpected eof", fmt.Errorf("read body: %w", io.ErrUnexpectedEOF), true, false},
		{"reset", &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}, true, false},
		{"refused dial", &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}, true, true},
		{"other dial failure", dial, true, true},
		{"net timeout", timeoutErr{}, true, false},
		{"broken pipe", syscall.EPIPE, true, false},
		{"other read failure", read, false, false},
		{"not a network error", errors.New("bad certificate"), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Transient(tt.err); got != tt.transient {
				t.Errorf("Transient(%v) = %v, want %v", tt.err, got, tt.transient)
			}
			if got := Dial(tt.err); got != tt.dial {
				t.Errorf("Dial(%v) = %v, want %v", tt.err, got, tt.dial)
			}
		})
	}
}
