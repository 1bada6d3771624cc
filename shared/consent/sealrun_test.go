package consent

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// countingScan counts the Scan requests of the pass.
type countingScan struct {
	ScanAPI
	n int
}

func (c *countingScan) Scan(ctx context.Context, in *dynamodb.ScanInput, o ...func(*dynamodb.Options)) (*dynamodb.ScanOutput, error) {
	c.n++
	return c.ScanAPI.Scan(ctx, in, o...)
}

func never() bool { return false }

// TestSealPassStep: the first run only writes the marker and runs wait an hour (SealSettle,
// the deploy's end); then runs of 4 items every 5 minutes seal every item a release without
// sealing wrote, across runs (the cursor is kept in the marker); a plain item written behind
// the cursor (by a function of the previous release) is sealed by a later pass; the pass is
// done only after a whole pass found nothing plain, and from then on a run reads the marker
// and scans nothing.
func TestSealPassStep(t *testing.T) {
	ctx := context.Background()
	s, c, api := newStore(t)
	plain := *s
	plain.Sealer = nil
	ids := []string{"a1", "a2", "a3", "a4", "a5", "a6"}
	for _, id := range ids {
		if err := plain.PutTokens(ctx, &Tokens{ConsentID: id, AccessToken: "at-" + id, RefreshToken: "rt-" + id, AccessExpiresAt: c.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := plain.CreateAuthSession(ctx, &AuthSession{StateHash: HashState("s1"), ConsentID: "a1", Verifier: "verifier-a1", TTL: c.Now().Add(2 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	scan := &countingScan{ScanAPI: api.DynamoDBAPI.(*dynamodb.Client)}

	run := func() SealRun {
		t.Helper()
		r, err := s.SealPassStep(ctx, scan, 4, never)
		if err != nil {
			t.Fatal(err)
		}
		c.Advance(5 * time.Minute)
		return r
	}
	for waited := time.Duration(0); waited < SealSettle; waited += 5 * time.Minute {
		if r := run(); r.Scanned != 0 || r.Done {
			t.Fatalf("run %v after the first: %+v; want nothing read before the deploy has settled", waited, r)
		}
	}
	if _, plain := rawItem(t, s, consentPK("a1"), skToken)["accessToken"].(*types.AttributeValueMemberS); !plain {
		t.Fatal("sealed before the settle time")
	}
	// First pass: 8 items (6 token items, 1 session, the marker), 4 a run.
	r1, r2 := run(), run()
	if r1.Scanned != 4 || r2.Scanned != 4 || r1.Sealed+r2.Sealed != 7 || r1.Done || r2.Done {
		t.Fatalf("first pass: %+v, %+v; want 4 and 4 read, 7 sealed", r1, r2)
	}
	for _, id := range ids {
		assertSealed(t, rawItem(t, s, consentPK(id), skToken), []string{"accessToken", "refreshToken"}, "at-"+id, "rt-"+id)
	}
	// A function of the previous release writes a plain item behind the cursor.
	if err := plain.PutTokens(ctx, &Tokens{ConsentID: "late", AccessToken: "at-late", AccessExpiresAt: c.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}

	runs, sealed := 0, 0
	var last SealRun
	for !last.Done {
		if runs++; runs > 40 {
			t.Fatalf("not done after %d runs", runs)
		}
		last = run()
		sealed += last.Sealed
	}
	if sealed != 1 || !last.Finished {
		t.Errorf("later passes sealed %d items (want the late one), finished %v", sealed, last.Finished)
	}
	assertSealed(t, rawItem(t, s, consentPK("late"), skToken), []string{"accessToken"}, "at-late")
	assertSealed(t, rawItem(t, s, authPK(HashState("s1")), skSession), []string{"verifier"}, "verifier-a1")
	for _, id := range append(ids, "late") {
		if got, err := s.GetTokens(ctx, id); err != nil || got.AccessToken != "at-"+id {
			t.Errorf("tokens %s after the pass: %+v, %v", id, got, err)
		}
	}
	m, err := s.SealMarker(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Done || m.DoneAt.IsZero() || m.Sealed != 8 || m.PassStart.Before(m.FirstRun.Add(SealSettle)) {
		t.Errorf("marker %+v: want done, 8 sealed", m)
	}

	// Done: a run reads the marker and scans nothing, even with a plain item about.
	if err := plain.PutTokens(ctx, &Tokens{ConsentID: "after", AccessToken: "at-after"}); err != nil {
		t.Fatal(err)
	}
	scans := scan.n
	if r := run(); !r.Done || r.Finished || r.Scanned != 0 || scan.n != scans {
		t.Errorf("run after done: %+v, %d scans; want done, nothing scanned", r, scan.n-scans)
	}
}

// TestSealPassStepStops: a run whose stop time has come scans nothing and leaves the marker's
// cursor where it was; a run that reaches its allowance mid-table keeps the cursor, so the
// next runs go on from there and seal the rest, each item once.
func TestSealPassStepStops(t *testing.T) {
	ctx := context.Background()
	s, c, api := newStore(t)
	plain := *s
	plain.Sealer = nil
	for i := range 5 {
		id := fmt.Sprintf("b%d", i)
		if err := plain.PutTokens(ctx, &Tokens{ConsentID: id, AccessToken: "at-" + id, AccessExpiresAt: c.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	scan := &countingScan{ScanAPI: api.DynamoDBAPI.(*dynamodb.Client)}
	if r, err := s.SealPassStep(ctx, scan, 2, never); err != nil || r.Scanned != 0 { // writes the marker
		t.Fatalf("first run: %+v, %v", r, err)
	}
	c.Advance(SealSettle)
	if r, err := s.SealPassStep(ctx, scan, 2, never); err != nil || r.Scanned != 2 {
		t.Fatalf("first run after the settle time: %+v, %v", r, err)
	}
	m, err := s.SealMarker(ctx)
	if err != nil || m.CursorPK == "" {
		t.Fatalf("marker after a partial run: %+v, %v; want a cursor", m, err)
	}
	if r, err := s.SealPassStep(ctx, scan, 2, func() bool { return true }); err != nil || r.Scanned != 0 {
		t.Fatalf("stopped run: %+v, %v", r, err)
	}
	if m2, err := s.SealMarker(ctx); err != nil || m2.CursorPK != m.CursorPK || m2.CursorSK != m.CursorSK {
		t.Fatalf("stopped run moved the cursor: %+v → %+v (%v)", m, m2, err)
	}
	total := 2
	for total < 5 {
		r, err := s.SealPassStep(ctx, scan, 2, never)
		if err != nil {
			t.Fatal(err)
		}
		total += r.Sealed
		if r.Scanned == 0 {
			t.Fatal("a run scanned nothing before the pass ended")
		}
	}
	for i := range 5 {
		id := fmt.Sprintf("b%d", i)
		item := rawItem(t, s, consentPK(id), skToken)
		if _, ok := item["accessToken"].(*types.AttributeValueMemberB); !ok {
			t.Errorf("%s not sealed", id)
		}
	}
	if total != 5 {
		t.Errorf("sealed %d, want 5 (each once)", total)
	}
}
