package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coop-ob/connector/dev/eventschema"
	"github.com/coop-ob/connector/dev/stack"
	"github.com/coop-ob/connector/shared/consent"
)

// seen is one lifecycle event as a consumer that deduplicates by eventId sees it.
type seen struct {
	DetailType string
	Detail     consent.EventDetail
}

// String names the event for a sequence: its detail-type, then its reason (a code) and a
// payment's change when it has them.
func (e seen) String() string {
	s := e.DetailType
	if e.Detail.Reason != "" {
		s += " / " + e.Detail.Reason
	}
	if e.Detail.Change != "" {
		s += " / " + e.Detail.Change
	}
	return s
}

// waitEvents waits until the stack's stream mappings have delivered every record written so
// far (the publisher has run on each).
func waitEvents(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := st.WaitStreams(ctx); err != nil {
		t.Fatal(err)
	}
}

// consentEvents is consent id's events the stack published, duplicates dropped by eventId
// (stack.DistinctEvents) and ordered by their sequence, which must run 1, 2, 3… without a
// gap or a repeat: no event lost, none invented.
func consentEvents(t *testing.T, id string) []seen {
	t.Helper()
	waitEvents(t)
	var out []seen
	for _, ev := range stack.DistinctEvents(st.Events()) {
		var d consent.EventDetail
		if err := json.Unmarshal(ev.Detail, &d); err != nil {
			t.Fatalf("event %s: %v", ev.DetailType, err)
		}
		if d.ConsentID == id {
			out = append(out, seen{DetailType: ev.DetailType, Detail: d})
		}
	}
	slices.SortFunc(out, func(a, b seen) int { return int(a.Detail.Sequence - b.Detail.Sequence) })
	for i, e := range out {
		if e.Detail.Sequence != int64(i+1) {
			t.Errorf("consent %s: event %d (%s) has sequence %d: a gap or a repeat in %v", id, i+1, e, e.Detail.Sequence, out)
		}
	}
	return out
}

// expectEvents fails t unless consent id's events are want, in order.
func expectEvents(t *testing.T, id string, want ...string) []seen {
	t.Helper()
	got := consentEvents(t, id)
	var names []string
	for _, e := range got {
		names = append(names, e.String())
	}
	if !slices.Equal(names, want) {
		t.Errorf("consent %s events:\n  got  %s\n  want %s", id, strings.Join(names, " → "), strings.Join(want, " → "))
	}
	return got
}

// checkEvents validates every event the stack published during the run against its
// detail-type's JSON Schema and source, and fails when any entry's JSON contains one of
// values (the run's secrets: every token, code and verifier the bank issued or saw).
func checkEvents(values map[string]string) (int, error) {
	evs := st.Events()
	if problems := eventProblems(evs, values); len(problems) > 0 {
		return len(evs), fmt.Errorf("events:\n  %s", strings.Join(problems, "\n  "))
	}
	return len(evs), nil
}

// eventProblems names each event that is not valid against its schema, has another source, or
// contains one of values (value → kind): by its place and the kind, never the value.
func eventProblems(evs []stack.PublishedEvent, values map[string]string) []string {
	var problems []string
	for i, ev := range evs {
		if ev.Source != consent.EventSource {
			problems = append(problems, fmt.Sprintf("event %d (%s): source %q", i+1, ev.DetailType, ev.Source))
		}
		if err := eventschema.Validate(ev.DetailType, ev.Detail); err != nil {
			problems = append(problems, fmt.Sprintf("event %d: %v", i+1, err))
		}
		for v, kind := range values {
			if strings.Contains(string(ev.RawEntryJSON), v) || strings.Contains(string(ev.Detail), v) {
				problems = append(problems, fmt.Sprintf("event %d (%s) contains a %s", i+1, ev.DetailType, kind))
			}
		}
	}
	return problems
}

// TestEventCheckCanFail proves the end-of-run event check can fail: a planted secret in an
// event's detail and a detail its schema refuses are both named, the secret not repeated.
func TestEventCheckCanFail(t *testing.T) {
	const planted = "Zm9vYmFyLXNlY3JldC12YWx1ZQ"
	good := `{"version":"1","eventId":"0123456789abcdef0123456789abcdef","sequence":1,"consentId":"c1","owner":"app",` +
		`"brand":"coop","consentType":"accounts","occurredAt":"2026-11-25T09:00:00Z","status":"Revoked",` +
		`"happening":"Revoked","previousStatus":"Authorised","action":"revoked"}`
	ev := func(detail string) stack.PublishedEvent {
		return stack.PublishedEvent{Source: consent.EventSource, DetailType: consent.EventConsentRevoked,
			Detail: json.RawMessage(detail), RawEntryJSON: json.RawMessage(`{"Detail":` + detail + `}`)}
	}
	values := map[string]string{planted: "bank refresh token"}
	if p := eventProblems([]stack.PublishedEvent{ev(good)}, values); len(p) != 0 {
		t.Fatalf("a clean event: %v", p)
	}
	leaky := strings.Replace(good, `"owner":"app"`, `"owner":"`+planted+`"`, 1)
	p := eventProblems([]stack.PublishedEvent{ev(good), ev(leaky), ev(`{"version":"1"}`)}, values)
	if len(p) != 2 || !strings.Contains(p[0], "event 2 (Consent Revoked) contains a bank refresh token") ||
		!strings.HasPrefix(p[1], "event 3:") || strings.Contains(strings.Join(p, " "), planted) {
		t.Errorf("problems %q", p)
	}
}
