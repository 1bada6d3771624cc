package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// functionOf maps a file of events/ to the function that takes it.
func functionOf(name string) string {
	switch {
	case name == "callback.json":
		return "callback"
	case name == "schedule.json", name == "sqs.json":
		return "tokens"
	case name == "dynamodb-stream.json":
		return "events"
	case strings.HasPrefix(name, "consents-"):
		return "consents"
	}
	return "proxy"
}

// TestEvents invokes every file of events/ on its function through the emulator, as sam
// local invoke would: each must answer without a crash. The consent ids in them do not
// exist, so a 4xx problem is a fine answer; a handler error or a 5xx is not.
func TestEvents(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot, "events", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no events in %s/events: %v", repoRoot, err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			answer, err := st.Invoke(t.Context(), functionOf(name), raw)
			if err != nil {
				t.Fatalf("invoke %s: %v", functionOf(name), err)
			}
			var out map[string]any
			if err := json.Unmarshal(answer, &out); err != nil {
				t.Fatalf("%s answered something that is not a JSON object: %.300s", functionOf(name), answer)
			}
			if out["errorMessage"] != nil || out["errorType"] != nil {
				t.Fatalf("%s failed: %.500s", functionOf(name), answer)
			}
			if name == "schedule.json" {
				return
			}
			if name == "dynamodb-stream.json" {
				// The events function on its stream mapping's sample: an outbox insert of a
				// consent that does not exist is still an event to publish; none fails.
				if f, ok := out["batchItemFailures"].([]any); !ok || len(f) != 0 {
					t.Errorf("events answered %.300s; want no batchItemFailures", answer)
				}
				return
			}
			if name == "sqs.json" {
				// The refresh queue's worker: a consent that does not exist is an outcome (the
				// message is deleted), not a batch item failure.
				if f, ok := out["batchItemFailures"].([]any); !ok || len(f) != 0 {
					t.Errorf("tokens as the queue's worker answered %.300s; want no batchItemFailures", answer)
				}
				return
			}
			status, _ := out["statusCode"].(float64)
			if status < 200 || status >= 500 {
				t.Errorf("%s answered statusCode %v, want 2xx-4xx: %.500s", functionOf(name), out["statusCode"], answer)
			}
			// The events are examples of valid requests: the function may not find their
			// consent, but it must not refuse the request itself.
			if body, _ := out["body"].(string); status == 400 && strings.Contains(body, "invalid-request") && name != "callback.json" {
				t.Errorf("%s refused the example request as invalid: the event and the API disagree: %s", functionOf(name), body)
			}
			t.Logf("%s → %v", functionOf(name), status)
		})
	}
}
