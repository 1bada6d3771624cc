package stack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// emulator is one aws-lambda-rie process running one function's bootstrap. The emulator
// panics and dies when it gets a second invocation while one is running (as Lambda never does), so
// invocations are queued on a one-slot semaphore.
type emulator struct {
	name      string
	timeout   time.Duration
	invokeURL string
	cmd       *exec.Cmd
	exited    chan struct{} // closed when the process has been reaped
	slot      chan struct{}
	client    *http.Client
	logs      *lineWriter
}

// emulatorSpec is what starting an emulator needs.
type emulatorSpec struct {
	rie       string   // path to aws-lambda-rie
	bootstrap string   // path to the function's bootstrap
	env       []string // the whole environment of the emulator (passed on to the function)
	timeout   time.Duration
}

// startEmulator starts aws-lambda-rie on a fresh pair of loopback ports and waits until its
// invoke port accepts connections. Ports are picked free then released, so another process
// may take one in between: a start that fails that way is retried on new ports.
func startEmulator(ctx context.Context, name string, spec emulatorSpec, logs *lineWriter) (*emulator, error) {
	var err error
	for range 3 {
		var e *emulator
		if e, err = tryEmulator(ctx, name, spec, logs); err == nil {
			return e, nil
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, fmt.Errorf("emulator %s: %w", name, err)
}

func tryEmulator(ctx context.Context, name string, spec emulatorSpec, logs *lineWriter) (*emulator, error) {
	ports, err := freePorts(2)
	if err != nil {
		return nil, err
	}
	invokeAddr := net.JoinHostPort("127.0.0.1", strconv.Itoa(ports[0]))
	cmd := exec.Command(spec.rie,
		"--runtime-interface-emulator-address", invokeAddr,
		"--runtime-api-address", net.JoinHostPort("127.0.0.1", strconv.Itoa(ports[1])),
		spec.bootstrap)
	cmd.Env = spec.env
	cmd.Stdout, cmd.Stderr = logs, logs
	// The bootstrap inherits the output pipes: if it outlived the emulator, Wait would block on
	// them; Close kills it anyway, so a short grace is enough.
	cmd.WaitDelay = time.Second
	// A session of its own: the emulator starts the bootstrap in another process group but the
	// same session, so Close can find and kill both. Pdeathsig stops the emulator if this
	// process dies without closing.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	e := &emulator{
		name:      name,
		timeout:   spec.timeout,
		invokeURL: "http://" + invokeAddr + "/2015-03-31/functions/function/invocations",
		cmd:       cmd,
		exited:    make(chan struct{}),
		slot:      make(chan struct{}, 1),
		client:    &http.Client{Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 1}},
		logs:      logs,
	}
	go func() {
		_ = cmd.Wait()
		close(e.exited)
	}()
	if err := e.waitReady(ctx, invokeAddr); err != nil {
		_ = e.close()
		return nil, err
	}
	return e, nil
}

func (e *emulator) waitReady(ctx context.Context, addr string) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			return c.Close()
		}
		select {
		case <-e.exited:
			return fmt.Errorf("aws-lambda-rie exited at start (%v)", e.cmd.ProcessState)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("aws-lambda-rie not listening on %s after 10s", addr)
		}
	}
}

// errEmulatorDown is returned when the emulator cannot be reached.
var errEmulatorDown = errors.New("emulator unreachable")

// invoke sends one event and returns the emulator's answer. Once an event is sent the slot is
// held until the emulator answers, even if ctx ends first: releasing it early would let the
// next invocation in while the function still runs.
func (e *emulator) invoke(ctx context.Context, event []byte) ([]byte, error) {
	select {
	case e.slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() { <-e.slot }()
		// The emulator answers by the function's timeout at the latest.
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), e.timeout+10*time.Second)
		defer cancel()
		b, err := e.post(rctx, event)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		return r.b, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (e *emulator) post(ctx context.Context, event []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.invokeURL, bytes.NewReader(event))
	if err != nil {
		return nil, err
	}
	req.Header.Set("content-type", "application/json")
	resp, err := e.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", e.name, errEmulatorDown, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", e.name, errEmulatorDown, err)
	}
	return b, nil
}

// killRuntime kills the function's process (every process of the emulator's session but the
// emulator itself), as Lambda's runtime dies on a crash: the invocation in flight fails with
// Runtime.ExitError and the emulator starts the function afresh for the next one.
func (e *emulator) killRuntime() {
	for _, pid := range sessionMembers(e.pid()) {
		if pid != e.pid() {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}

// pid is the emulator's process id.
func (e *emulator) pid() int { return e.cmd.Process.Pid }

// close stops the emulator and every process of its session (the function's bootstrap).
func (e *emulator) close() error {
	e.client.CloseIdleConnections()
	pid := e.pid()
	// SIGTERM first: the emulator then kills the runtime itself and says so in the logs.
	_ = syscall.Kill(pid, syscall.SIGTERM)
	select {
	case <-e.exited:
	case <-time.After(3 * time.Second):
	}
	killSession(pid)
	<-e.exited
	// A bootstrap orphaned by the emulator's death is in the same session still.
	killSession(pid)
	return e.logs.Close()
}
