package main

import (
	"bufio"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/consent"
)

// fixture is one environment and a handler whose EMF lines are captured.
type fixture struct {
	env     *testenv.Env
	h       *Handler
	metrics *testenv.SyncBuffer
}

func newFixture(t *testing.T, mode sandbox.RefreshMode, vars map[string]string) *fixture {
	t.Helper()
	env := map[string]string{"BANK_HTTP_TIMEOUT": "1s", "REFRESH_POLICY": "all", "REFRESH_SHARDS": "4"}
	for k, v := range vars {
		env[k] = v
	}
	e := testenv.Start(t, testenv.Options{Bank: sandbox.Options{RefreshMode: mode}, Env: env})
	h := New(e.Deps)
	m := &testenv.SyncBuffer{}
	h.metrics = m
	return &fixture{env: e, h: h, metrics: m}
}

func (f *fixture) run(t *testing.T) Summary {
	t.Helper()
	s, err := f.h.Handle(context.Background(), json.RawMessage(`{}`))
	if err != nil {
		t.Fatalf("Handle: %v", err)
	}
	return s
}

func (f *fixture) tokens(t *testing.T, id string) *consent.Tokens {
	t.Helper()
	tk, err := f.env.Deps.Store.GetTokens(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

func (f *fixture) consent(t *testing.T, id string) *consent.Consent {
	t.Helper()
	c, err := f.env.Deps.Store.GetConsent(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// emfLines returns the captured EMF objects.
func (f *fixture) emfLines(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(f.metrics.String()))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("EMF line is not a JSON object: %q", sc.Text())
		}
		if _, ok := m["_aws"]; !ok {
			t.Fatalf("EMF line without _aws: %q", sc.Text())
		}
		out = append(out, m)
	}
	return out
}

// logLines returns the JSON log lines whose msg is msg.
func (f *fixture) logLines(t *testing.T, msg string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for line := range strings.SplitSeq(f.env.Logs.String(), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

// advance moves the shared clock.
func (f *fixture) advance(d time.Duration) { f.env.Bank.Advance(d) }
