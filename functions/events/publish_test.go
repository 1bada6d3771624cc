package main

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/refreshtest"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/outbox"
)

// invoke runs the handler on ev as the mapping does (through Invoke, as JSON).
func (f *fixture) invoke(ctx context.Context, t *testing.T, ev events.DynamoDBEvent) events.DynamoDBEventResponse {
	t.Helper()
	raw, _ := json.Marshal(ev)
	out, err := f.h.Invoke(ctx, raw)
	if err != nil {
		t.Fatalf("Invoke: %v", err)
	}
	return out.(events.DynamoDBEventResponse)
}

// TestStreamPublishesEachOnce: each outbox insert of a batch is put on the bus once, with its
// detail-type and its eventId, in order; each is marked published; no record fails.
func TestStreamPublishesEachOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	a, b := f.consentWithEvents(t, "app-a"), f.consentWithEvents(t, "app-b")
	resp := f.invoke(context.Background(), t, f.stream(t, a.ID, b.ID))
	if len(resp.BatchItemFailures) != 0 {
		t.Fatalf("failures %v", resp.BatchItemFailures)
	}
	got := f.delivered(t)
	var types []string
	for _, d := range got {
		types = append(types, d.DetailType)
	}
	want := []string{consent.EventConsentCreated, consent.EventConsentReauthRequired, consent.EventConsentRevoked}
	if !slices.Equal(types, append(slices.Clone(want), want...)) {
		t.Errorf("delivered %v", types)
	}
	ids := eventIDs(t, got)
	stored := append(must(f.env.Deps.Store.ConsentEvents(context.Background(), a.ID)), must(f.env.Deps.Store.ConsentEvents(context.Background(), b.ID))...)
	for _, ev := range stored {
		if ids[ev.EventID] != 1 {
			t.Errorf("%s %s delivered %d times", ev.SK, ev.DetailType, ids[ev.EventID])
		}
	}
	if n := f.unpublished(t, a.ID, b.ID); n != 0 {
		t.Errorf("%d events not marked published", n)
	}
}

// TestStreamKilledMidBatch: a publisher killed after its first PutEvents of a batch (its
// answer lost, nothing marked) leaves every event unpublished in the table; the mapping's
// retry of the batch publishes every one, the first ones a second time with the same eventId.
func TestStreamKilledMidBatch(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	var ids []string
	for range 4 { // 12 events: two PutEvents
		ids = append(ids, f.consentWithEvents(t, "app").ID)
	}
	ev := f.stream(t, ids...)
	f.faults.Hang = time.Minute
	f.faults.Add(awsfault.Rule{Service: "events", Operation: "PutEvents", Kind: awsfault.Timeout, After: 1, Times: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	_ = f.invoke(ctx, t, ev) // the function dies with its deadline: Lambda sees no answer
	cancel()
	if n := len(f.delivered(t)); n != outbox.MaxEntries {
		t.Fatalf("before the kill: %d delivered, want %d", n, outbox.MaxEntries)
	}
	if n := f.unpublished(t, ids...); n != 12 {
		t.Fatalf("%d unpublished after the kill, want all 12 (none marked)", n)
	}
	if resp := f.invoke(context.Background(), t, ev); len(resp.BatchItemFailures) != 0 {
		t.Fatalf("retry: failures %v", resp.BatchItemFailures)
	}
	got := eventIDs(t, f.delivered(t))
	for _, id := range ids {
		for _, e := range must(f.env.Deps.Store.ConsentEvents(context.Background(), id)) {
			if got[e.EventID] < 1 {
				t.Errorf("%s %s lost", id, e.SK)
			}
		}
	}
	if len(got) != 12 {
		t.Errorf("%d distinct eventIds delivered, want 12", len(got))
	}
	if n := f.unpublished(t, ids...); n != 0 {
		t.Errorf("%d not marked after the retry", n)
	}
}

// TestStreamPartialFailure: entries a PutEvents answers as failed (FailedEntryCount, an
// ErrorCode per entry) are sent again; one that fails every attempt is answered as a batch
// item failure and stays unpublished, the others are published and marked; the mapping's
// retry from that record publishes it.
func TestStreamPartialFailure(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.consentWithEvents(t, "app")
	ev := f.stream(t, c.ID)
	stored := must(f.env.Deps.Store.ConsentEvents(context.Background(), c.ID))

	// Failed once: the second attempt takes it; nothing is reported, nothing doubled.
	f.faults.Add(awsfault.Rule{Service: "events", Operation: "PutEvents", Kind: awsfault.FailedEntries,
		Contains: stored[0].EventID, Times: 1})
	if resp := f.invoke(context.Background(), t, ev); len(resp.BatchItemFailures) != 0 {
		t.Fatalf("failures %v", resp.BatchItemFailures)
	}
	if f.faults.Armed() != 0 {
		t.Fatal("the partial failure was not injected")
	}
	for id, n := range eventIDs(t, f.delivered(t)) {
		if n != 1 {
			t.Errorf("%s delivered %d times", id, n)
		}
	}

	// Failing every attempt: reported by its record's sequence number, left unpublished.
	d := f.consentWithEvents(t, "app")
	ev = f.stream(t, d.ID)
	stored = must(f.env.Deps.Store.ConsentEvents(context.Background(), d.ID))
	f.faults.Add(awsfault.Rule{Service: "events", Operation: "PutEvents", Kind: awsfault.FailedEntries,
		Contains: stored[1].EventID, Times: outbox.DefaultAttempts})
	resp := f.invoke(context.Background(), t, ev)
	if len(resp.BatchItemFailures) != 1 || resp.BatchItemFailures[0].ItemIdentifier != ev.Records[1].Change.SequenceNumber {
		t.Fatalf("failures %v, want the second record's", resp.BatchItemFailures)
	}
	if n := f.unpublished(t, d.ID); n != 1 {
		t.Fatalf("%d unpublished, want the failed one", n)
	}
	ev.Records = ev.Records[1:] // the mapping resumes from the failed record
	if resp := f.invoke(context.Background(), t, ev); len(resp.BatchItemFailures) != 0 {
		t.Fatalf("retry failures %v", resp.BatchItemFailures)
	}
	if got := eventIDs(t, f.delivered(t)); got[stored[1].EventID] != 1 || f.unpublished(t, d.ID) != 0 {
		t.Errorf("the failed event delivered %d times after the retry; %d unpublished", got[stored[1].EventID], f.unpublished(t, d.ID))
	}
}

// TestSweepRepublishes: events whose stream records never reached the publisher (a record
// that outlived its retries: the failure destination holds only its pointer) are published by
// the sweep once they are older than the grace, and marked; a sweep publishing failed
// entries leaves them for the next one; a sweep after the last finds nothing.
func TestSweepRepublishes(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	a, b := f.consentWithEvents(t, "app"), f.consentWithEvents(t, "app")
	if sum, err := f.h.Sweep(context.Background()); err != nil || sum.Found != 0 {
		t.Fatalf("within the grace: %+v %v", sum, err)
	}
	f.env.Bank.Advance(2 * time.Minute)
	f.faults.Add(awsfault.Rule{Service: "events", Operation: "PutEvents", Kind: awsfault.FailedEntries,
		Contains: must(f.env.Deps.Store.ConsentEvents(context.Background(), b.ID))[0].EventID, Times: outbox.DefaultAttempts})
	sum, err := f.h.Sweep(context.Background())
	if err != nil || sum.Found != 6 || sum.Published != 5 || sum.Failed != 1 {
		t.Fatalf("sweep %+v %v; want 6 found, 5 published, 1 failed", sum, err)
	}
	sum, err = f.h.Sweep(context.Background())
	if err != nil || sum.Found != 1 || sum.Published != 1 {
		t.Fatalf("second sweep %+v %v; want the one left", sum, err)
	}
	// The schedule's event (events/schedule.json) runs the sweep.
	raw, err := os.ReadFile("../../events/schedule.json")
	if err != nil {
		t.Fatal(err)
	}
	if out, err := f.h.Invoke(context.Background(), raw); err != nil || out.(SweepSummary).Found != 0 {
		t.Errorf("third sweep (scheduled event) %+v %v; want nothing found", out, err)
	}
	if n := f.unpublished(t, a.ID, b.ID); n != 0 {
		t.Errorf("%d unpublished", n)
	}
	if got := eventIDs(t, f.delivered(t)); len(got) != 6 {
		t.Errorf("%d distinct events delivered, want 6", len(got))
	}
}

// TestEventsCarryNoSecret: the events of an authorised (real code exchange with the sandbox
// bank), then revoked consent, as stored and as delivered, contain none of the tokens and
// codes the bank issued nor the PKCE verifiers it saw, plain or in the sealed form the table
// keeps them in; an outbox item holds its event's own attributes only, none binary.
func TestEventsCarryNoSecret(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	id := refreshtest.Authorise(t, f.env)
	c, err := f.env.Deps.Store.GetConsent(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := consent.Apply(c, consent.Revoked, f.env.Deps.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if err := f.env.Deps.Store.UpdateConsent(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if resp := f.invoke(context.Background(), t, f.stream(t, id)); len(resp.BatchItemFailures) != 0 {
		t.Fatal(resp.BatchItemFailures)
	}
	var texts []string
	for _, e := range must(f.env.Deps.Store.ConsentEvents(context.Background(), id)) {
		b, _ := json.Marshal(e)
		texts = append(texts, string(b))
	}
	for _, d := range f.delivered(t) {
		texts = append(texts, d.Detail)
	}
	if len(texts) < 4 {
		t.Fatalf("only %d events", len(texts))
	}
	var secrets []string
	for _, s := range f.env.Bank.IssuedSecrets() {
		secrets = append(secrets, s.Value)
	}
	secrets = append(secrets, f.env.Bank.SeenVerifiers()...)
	if len(secrets) < 3 {
		t.Fatalf("the bank issued %d secrets: no journey ran", len(secrets))
	}
	// The sealed forms too: every binary attribute of the consent's partition (the sealed
	// tokens, code and verifier), as base64, hex or raw text.
	sealed := 0
	out := must(f.env.DDB.Query(context.Background(), &dynamodb.QueryInput{TableName: aws.String(f.env.Table),
		KeyConditionExpression:    aws.String("pk = :pk"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": &types.AttributeValueMemberS{Value: "CONSENT#" + id}}}))
	allowed := []string{"pk", "sk", "consentId", "eventId", "sequence", "detailType", "detail", "createdAt",
		"refreshShard", "refreshDue", "publishedAt", "ttl"}
	for _, item := range out.Items {
		sk := item["sk"].(*types.AttributeValueMemberS).Value
		for name, v := range item {
			if consent.IsOutboxKey(sk) {
				// An outbox item holds its event's fields only, as text and numbers.
				if !slices.Contains(allowed, name) {
					t.Errorf("outbox item %s holds attribute %s", sk, name)
				}
				if _, bin := v.(*types.AttributeValueMemberB); bin {
					t.Errorf("outbox item %s holds a binary (sealed) value in %s", sk, name)
				}
				continue
			}
			if b, ok := v.(*types.AttributeValueMemberB); ok && len(b.Value) >= 16 {
				sealed++
				secrets = append(secrets, base64.StdEncoding.EncodeToString(b.Value)[:20],
					base64.RawURLEncoding.EncodeToString(b.Value)[:20], hex.EncodeToString(b.Value)[:20], string(b.Value[4:16]))
			}
		}
	}
	if sealed == 0 {
		t.Fatal("no sealed value in the consent's partition: sealing is off")
	}
	for _, text := range texts {
		for _, s := range secrets {
			if len(s) >= 8 && strings.Contains(text, s) {
				t.Errorf("an event holds a secret (%d chars, starting %q)", len(s), s[:3])
			}
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestSampleStreamEvent: events/dynamodb-stream.json (the sample of the mapping's event, for
// sam local invoke) is published as it stands: its item's eventId reaches the bus.
func TestSampleStreamEvent(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	raw, err := os.ReadFile("../../events/dynamodb-stream.json")
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.h.Invoke(context.Background(), raw)
	if resp, ok := out.(events.DynamoDBEventResponse); err != nil || !ok || len(resp.BatchItemFailures) != 0 {
		t.Fatalf("Invoke: %+v %v", out, err)
	}
	if got := eventIDs(t, f.delivered(t)); len(got) != 1 || got["3c0f5b1e9a7d4e2b8c6f0a1d2e3f4a5b"] != 1 {
		t.Errorf("delivered %v", got)
	}
}
