package consent

import (
	"context"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// TestSealPlain: the sealing pass, in steps of 2 items, seals every token item and session a
// release without sealing wrote, leaves sealed items and items without secrets alone, and keeps
// every value readable; a token item rewritten between the scan and the update is not
// overwritten with the value the pass read.
func TestSealPlain(t *testing.T) {
	ctx := context.Background()
	s, c, api := newStore(t)
	plain := *s
	plain.Sealer = nil
	for _, id := range []string{"p1", "p2", "p3"} {
		if err := plain.PutTokens(ctx, &Tokens{ConsentID: id, AccessToken: "at-" + id, RefreshToken: "rt-" + id, AccessExpiresAt: c.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := plain.CreateAuthSession(ctx, &AuthSession{StateHash: HashState("s1"), ConsentID: "p1", Verifier: "verifier-p1", TTL: c.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutTokens(ctx, &Tokens{ConsentID: "s1", AccessToken: "at-s1", AccessExpiresAt: c.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	client := api.DynamoDBAPI.(*dynamodb.Client)
	var start map[string]types.AttributeValue
	total, nplain, scanned, steps := 0, 0, 0, 0
	for {
		p, err := s.SealPlain(ctx, client, start, 2)
		if err != nil {
			t.Fatal(err)
		}
		total, nplain, scanned = total+p.Sealed, nplain+p.Plain, scanned+p.Scanned
		steps++
		if p.Next == nil {
			break
		}
		start = p.Next
	}
	if total != 4 || nplain != 4 || scanned != 5 || steps < 3 {
		t.Errorf("sealed %d of %d plain items (%d scanned) in %d steps, want 4 of 4 (3 token items, 1 session; 5 items) in at least 3", total, nplain, scanned, steps)
	}
	for _, id := range []string{"p1", "p2", "p3"} {
		assertSealed(t, rawItem(t, s, consentPK(id), skToken), []string{"accessToken", "refreshToken"}, "at-"+id, "rt-"+id)
		if got, err := s.GetTokens(ctx, id); err != nil || got.AccessToken != "at-"+id || got.RefreshToken != "rt-"+id {
			t.Errorf("tokens %s after the pass: %+v, %v", id, got, err)
		}
	}
	assertSealed(t, rawItem(t, s, authPK(HashState("s1")), skSession), []string{"verifier"}, "verifier-p1")

	// Rewritten between the pass's read and its write: the condition keeps the newer value.
	if err := plain.PutTokens(ctx, &Tokens{ConsentID: "p4", AccessToken: "at-old", AccessExpiresAt: c.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	item := rawItem(t, s, consentPK("p4"), skToken)
	got, err := s.GetTokens(ctx, "p4")
	if err != nil {
		t.Fatal(err)
	}
	got.AccessToken = "at-new"
	if err := s.PutTokens(ctx, got); err != nil {
		t.Fatal(err)
	}
	if plain, ok, err := s.sealPlainItem(ctx, item); !plain || ok || err != nil {
		t.Fatalf("sealing a stale read: plain %v, sealed %v, %v; want plain, skipped", plain, ok, err)
	}
	if got, err := s.GetTokens(ctx, "p4"); err != nil || got.AccessToken != "at-new" {
		t.Fatalf("tokens after a stale pass step: %+v, %v", got, err)
	}
}
