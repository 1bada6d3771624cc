package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/stack"
)

// sweepGrace is EVENT_SWEEP_GRACE of the run (stackEnv): how old an unpublished event must be
// before the sweep publishes it.
const sweepGrace = time.Second

// createdConsents has caller c create n AIS consents (one Consent Created event each, written
// with the consent) and returns their ids.
func (c caller) createdConsents(t *testing.T, n int) []string {
	t.Helper()
	var ids []string
	for range n {
		ids = append(ids, c.createConsent(t, aisBody()).ConsentId)
	}
	return ids
}

// publications counts, for each eventId of consent ids' events, the entries EventBridge took
// (every put, duplicates included).
func publications(t *testing.T, ids []string) map[string]int {
	t.Helper()
	n := map[string]int{}
	for _, ev := range st.Events() {
		var d struct{ EventID, ConsentID string }
		_ = json.Unmarshal(ev.Detail, &d)
		for _, id := range ids {
			if d.ConsentID == id {
				n[d.EventID]++
			}
		}
	}
	return n
}

// allPublished fails t unless every event stored for ids (the outbox) was published at least
// once with its own eventId and is marked published; it returns the stored event ids.
func allPublished(t *testing.T, ids []string) []string {
	t.Helper()
	pubs := publications(t, ids)
	var stored []string
	for _, id := range ids {
		evs, err := tableStore().ConsentEvents(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 {
			t.Fatalf("consent %s stored no event", id)
		}
		for _, ev := range evs {
			stored = append(stored, ev.EventID)
			if pubs[ev.EventID] == 0 {
				t.Errorf("event %s of %s (%s) was never published: lost", ev.EventID, id, ev.DetailType)
			}
			if ev.PublishedAt.IsZero() || ev.Shard != "" {
				t.Errorf("event %s of %s is not marked published", ev.EventID, id)
			}
		}
		consentEvents(t, id) // numbered 1, 2… with no gap among what was published
	}
	if len(pubs) != len(stored) {
		t.Errorf("published %d distinct events for %d stored: an event was invented", len(pubs), len(stored))
	}
	return stored
}

// TestEventsNeverLost drives the stack's publisher (the events function under the emulator,
// fed by the stack's poller of the table's stream, as the template's mapping says) through the
// failures the outbox is for; each ends with every stored event published at least once with
// its own eventId, and marked:
//   - the publisher killed in the middle of a batch, after its PutEvents took effect: the
//     mapping retries the batch and the events go out again, with the same eventIds;
//   - PutEvents failing some entries (FailedEntryCount): the publisher sends those again;
//   - a record that outlives the mapping's retries: its pointer goes to the on-failure queue,
//     its outbox item stays unpublished, and the sweep publishes it.
func TestEventsNeverLost(t *testing.T) {
	c := newCaller(t)

	t.Run("killed mid-batch", func(t *testing.T) {
		waitEvents(t)
		hits := st.InvokeFaultHits()
		if err := st.InjectInvokeFault("events", stack.InvokeFault{Contains: c.sub, AfterOperation: "PutEvents"}); err != nil {
			t.Fatal(err)
		}
		ids := c.createdConsents(t, 3)
		waitEvents(t)
		if st.InvokeFaultHits() == hits {
			t.Fatal("the publisher was not killed")
		}
		stored := allPublished(t, ids)
		pubs := publications(t, ids)
		again := 0
		for _, id := range stored {
			if pubs[id] > 1 {
				again++
			}
		}
		if again == 0 {
			t.Errorf("no event was put twice (%v): the kill did not come after PutEvents took effect", pubs)
		}
	})

	t.Run("PutEvents fails some entries", func(t *testing.T) {
		d := newCaller(t)
		before := len(st.AWSFaultHits())
		if err := st.InjectAWSFault("events", awsfault.Rule{Service: "events", Operation: "PutEvents", Kind: awsfault.FailedEntries,
			Contains: d.sub, Times: 1}); err != nil {
			t.Fatal(err)
		}
		ids := d.createdConsents(t, 2)
		waitEvents(t)
		if len(st.AWSFaultHits()) == before {
			t.Fatal("no PutEvents entry was failed")
		}
		allPublished(t, ids)
		for id, n := range publications(t, ids) {
			if n != 1 {
				t.Errorf("event %s taken %d times; a failed entry is not delivered, so once", id, n)
			}
		}
	})

	t.Run("outlives its retries", func(t *testing.T) {
		e := newCaller(t)
		// Every put of this caller's events fails: the publisher's attempts, then the mapping's
		// retries (streamRetries), are spent.
		if err := st.InjectAWSFault("events", awsfault.Rule{Service: "events", Operation: "PutEvents", Kind: awsfault.FailedEntries,
			Contains: e.sub, Times: 1000}); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(st.ClearAWSFaults)
		ids := e.createdConsents(t, 1)
		pointer := failurePointer(t)
		for _, bad := range []string{ids[0], e.sub, `"detail`} {
			if strings.Contains(pointer, bad) {
				t.Errorf("the on-failure message holds the event (%q): it must be a pointer only", bad)
			}
		}
		evs, err := tableStore().ConsentEvents(t.Context(), ids[0])
		if err != nil || len(evs) != 1 || !evs[0].PublishedAt.IsZero() || evs[0].Shard == "" {
			t.Fatalf("after the retries: %+v %v; want the one event stored, unpublished, in the sweep's index", evs, err)
		}
		if n := publications(t, ids); len(n) != 0 {
			t.Fatalf("published %v while every put failed", n)
		}
		st.ClearAWSFaults()
		time.Sleep(sweepGrace + 200*time.Millisecond)
		out, err := st.Invoke(t.Context(), "events", []byte(`{"source":"aws.scheduler","detail-type":"Scheduled Event","detail":{}}`))
		if err != nil {
			t.Fatal(err)
		}
		var sum struct{ Found, Published, Failed int }
		if err := json.Unmarshal(out, &sum); err != nil || sum.Published < 1 || sum.Failed != 0 {
			t.Fatalf("sweep answered %s (%v); want the event published", out, err)
		}
		allPublished(t, ids)
	})
}

// failurePointer waits for the message the events mapping sends its on-failure queue
// (EventsStreamDLQ) when a record outlives its retries, and returns its body.
func failurePointer(t *testing.T) string {
	t.Helper()
	q := sqs.New(sqs.Options{Region: "eu-west-2", BaseEndpoint: aws.String(st.AWSEndpoint()),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	for ctx.Err() == nil {
		out, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(st.QueueURL("EventsStreamDLQ")),
			MaxNumberOfMessages: 10, WaitTimeSeconds: 1})
		if err == nil && len(out.Messages) > 0 {
			return aws.ToString(out.Messages[0].Body)
		}
	}
	t.Fatal("no message on the events mapping's on-failure queue")
	return ""
}
