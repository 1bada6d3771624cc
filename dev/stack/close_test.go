package stack

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is an io.Writer safe for concurrent use.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestStackCloseLeavesNothingRunning(t *testing.T) {
	var out lockedBuffer
	s := startTestStack(t, Options{ScheduleEvery: 50 * time.Millisecond, Logs: &out})
	// The scheduler has started the function's runtime once its line is in the logs.
	waitForLog(t, s, "echo| echofn-invoked event Scheduled Event")
	pids := sessionMembers(s.emulators["echo"].pid())
	if len(pids) < 2 {
		t.Fatalf("processes of the emulator's session = %v, want the emulator and the bootstrap", pids)
	}
	addr := strings.TrimPrefix(s.APIURL(), "http://")
	iamAddr := strings.TrimPrefix(s.IAMEndpoint(), "http://")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, pid := range pids {
		if alive(pid) {
			t.Errorf("process %d still running after Close", pid)
		}
	}
	if c, err := net.Dial("tcp", addr); err == nil {
		c.Close()
		t.Error("the gateway still accepts connections after Close")
	}
	if c, err := net.Dial("tcp", iamAddr); err == nil {
		c.Close()
		t.Error("the IAM front still accepts connections after Close")
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if got, want := out.String(), strings.Join(s.Logs(), "\n")+"\n"; got != want {
		t.Errorf("Options.Logs got %d bytes, Logs() has %d: every collected line must be written", len(got), len(want))
	}
	if !strings.Contains(out.String(), "echo| ") || !strings.Contains(out.String(), "stack| ") {
		t.Error("Options.Logs lacks the function's or the stack's lines")
	}
}

// BenchmarkGateway measures one authorized request through the gateway to a warm function.
func BenchmarkGateway(b *testing.B) {
	s, err := Start(b.Context(), Options{Root: "testdata", FunctionsDir: testFunctionsDir, EmulatorPath: testEmulator})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	token, err := s.IssueToken("bench", time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		req, _ := http.NewRequestWithContext(b.Context(), "GET", s.APIURL()+"/items/1", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
}

func TestStartFailsCleanly(t *testing.T) {
	_, err := Start(context.Background(), Options{Root: "testdata", FunctionsDir: t.TempDir(), EmulatorPath: testEmulator})
	if err == nil || !strings.Contains(err.Error(), "build-local") {
		t.Errorf("Start without bootstraps: %v, want an error naming make build-local", err)
	}
}
