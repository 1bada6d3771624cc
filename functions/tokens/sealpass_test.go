package main

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/consent"
)

// scanCounter counts the sealing pass's Scan requests.
type scanCounter struct {
	consent.ScanAPI
	n atomic.Int32
}

func (c *scanCounter) Scan(ctx context.Context, in *dynamodb.ScanInput, o ...func(*dynamodb.Options)) (*dynamodb.ScanOutput, error) {
	c.n.Add(1)
	return c.ScanAPI.Scan(ctx, in, o...)
}

// TestScheduledRunsSealPlainItems: token items and an auth session written plain, as the
// previous release writes them, are sealed by the scheduled runs' sealing pass, which reads
// nothing for an hour after its first run (the deploy's end) and then a few items a run
// (SEAL_PASS_ITEMS=3) with the place kept between runs; afterwards no secret attribute in the
// table is a string and every value still opens to what was written. Once a whole pass finds
// nothing plain, the marker says done: later runs, of this container or a new one, scan nothing.
func TestScheduledRunsSealPlainItems(t *testing.T) {
	t.Parallel()
	f := newFixture(t, sandbox.RefreshRotateOneTime, map[string]string{"SEAL_PASS_ITEMS": "3"})
	ctx := context.Background()
	plain := *f.env.Deps.Store // the previous release: no Sealer
	plain.Sealer = nil
	var ids []string
	for i := range 5 {
		id := fmt.Sprintf("plain-%d", i)
		ids = append(ids, id)
		if err := plain.PutTokens(ctx, &consent.Tokens{ConsentID: id, AccessToken: "at-" + id, RefreshToken: "rt-" + id,
			AccessExpiresAt: f.env.Bank.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	state := consent.HashState("state-plain")
	if err := plain.CreateAuthSession(ctx, &consent.AuthSession{StateHash: state, ConsentID: "plain-0", Verifier: "verifier-plain",
		TTL: f.env.Bank.Now().Add(3 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	counter := &scanCounter{ScanAPI: f.h.scan}
	f.h.scan = counter

	sealed, runs := 0, 0
	start := f.env.Bank.Now()
	for !f.h.sealDone.Load() {
		if runs++; runs > 30 {
			t.Fatalf("sealing pass not done after %d runs", runs)
		}
		s := f.run(t)
		if s.SealScanned > 3 {
			t.Fatalf("run %d read %d items, more than SEAL_PASS_ITEMS", runs, s.SealScanned)
		}
		if f.env.Bank.Now().Before(start.Add(consent.SealSettle)) && s.SealScanned != 0 {
			t.Fatalf("run %d read %d items before the deploy settled", runs, s.SealScanned)
		}
		sealed += s.Sealed
		f.advance(5 * time.Minute)
	}
	if sealed != 6 || runs < 15 {
		t.Errorf("sealed %d items in %d runs, want 6 (5 token items, 1 session), after an hour's wait", sealed, runs)
	}
	if n := len(f.logLines(t, "seal pass done")); n != 1 {
		t.Errorf("%d \"seal pass done\" lines, want 1", n)
	}

	out, err := f.env.DDB.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String(f.env.Table)})
	if err != nil {
		t.Fatal(err)
	}
	for _, item := range out.Items {
		for name, v := range item {
			if _, isString := v.(*types.AttributeValueMemberS); isString && slices.Contains([]string{"accessToken", "refreshToken", "code", "verifier"}, name) {
				t.Errorf("%v: %s still plain", item["pk"], name)
			}
		}
	}
	for _, id := range ids {
		if tk := f.tokens(t, id); tk.AccessToken != "at-"+id || tk.RefreshToken != "rt-"+id {
			t.Errorf("tokens %s open to %q, %q", id, tk.AccessToken, tk.RefreshToken)
		}
	}
	if a, err := f.env.Deps.Store.GetAuthSession(ctx, state); err != nil || a.Verifier != "verifier-plain" {
		t.Errorf("session after the pass: %+v, %v", a, err)
	}

	scans := counter.n.Load()
	if s := f.run(t); s.SealScanned != 0 || counter.n.Load() != scans {
		t.Errorf("run after done scanned %d items (%d requests)", s.SealScanned, counter.n.Load()-scans)
	}
	cold := New(f.env.Deps) // a new container reads the marker, not the table
	cold.metrics = f.metrics
	cold.scan = counter
	if s, err := cold.Handle(ctx, nil); err != nil || s.SealScanned != 0 || counter.n.Load() != scans || !cold.sealDone.Load() {
		t.Errorf("new container's run: %+v, %v, %d scan requests", s, err, counter.n.Load()-scans)
	}
}
