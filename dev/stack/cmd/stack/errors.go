package main

import (
	"errors"
	"fmt"
	"net"
	"slices"
	"strings"
)

// startError rewords an error of stack.Start for the person who ran make run. An address
// already in use names the flag that moves it (flags maps flag name → its value); every
// message starts with "stack: " once (Start's own errors already carry it).
func startError(err error, flags map[string]string) error {
	msg := strings.TrimPrefix(err.Error(), "stack: ")
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "listen" && op.Addr != nil {
		taken := op.Addr.String()
		names := make([]string, 0, len(flags))
		for name := range flags {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			if samePort(flags[name], taken) {
				return fmt.Errorf("stack: cannot listen on %s (-%s): %w\n"+
					"Stop what uses it, or move it with -%s, e.g. make run RUN_ARGS='-%s %s'",
					flags[name], name, op.Err, name, name, nextPort(flags[name]))
			}
		}
	}
	return fmt.Errorf("stack: %s", msg)
}

// samePort reports whether flag (host:port as given) is the address a listen failed on.
func samePort(flag, taken string) bool {
	fh, fp, err1 := net.SplitHostPort(flag)
	th, tp, err2 := net.SplitHostPort(taken)
	if err1 != nil || err2 != nil || fp != tp {
		return false
	}
	return fh == th || fh == "" || fh == "localhost" || th == "::" || th == "0.0.0.0"
}

// nextPort is addr with its port plus one: a suggestion for the clash message.
func nextPort(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	var p int
	if _, err := fmt.Sscan(port, &p); err != nil || p == 0 || p >= 65535 {
		return addr
	}
	return net.JoinHostPort(host, fmt.Sprint(p+1))
}
