package consent

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// idsInShard returns n consent ids that all fall in shard.
func idsInShard(s *Store, shard, n int, prefix string) []string {
	var ids []string
	for i := 0; len(ids) < n; i++ {
		id := fmt.Sprintf("%s-%d", prefix, i)
		if s.Shard(id) == shard {
			ids = append(ids, id)
		}
	}
	return ids
}

func TestDueForRefresh(t *testing.T) {
	t.Parallel()
	s, clk, api := newStore(t)
	ctx := context.Background()
	now := clk.Now()
	usedAt := now.Add(-time.Hour).Truncate(time.Second)
	put := func(id string, due time.Time) {
		t.Helper()
		tok := sampleTokens(id, now)
		tok.RefreshDue = due
		tok.UsedAt = usedAt
		if err := s.PutTokens(ctx, tok); err != nil {
			t.Fatal(err)
		}
	}
	due := idsInShard(s, 3, 5, "due")
	for i, id := range due {
		put(id, now.Add(-time.Duration(i+1)*time.Minute))
	}
	for _, id := range idsInShard(s, 3, 4, "later") {
		put(id, now.Add(time.Hour))
	}
	for _, id := range idsInShard(s, 4, 3, "other") {
		put(id, now.Add(-time.Hour))
	}
	for _, id := range idsInShard(s, 3, 2, "never") {
		put(id, time.Time{}) // not refreshed: no index keys
	}
	cleared := idsInShard(s, 3, 1, "cleared")[0]
	put(cleared, now.Add(-time.Hour))
	if err := s.ClearRefreshDue(ctx, cleared); err != nil {
		t.Fatal(err)
	}
	moved := idsInShard(s, 3, 1, "moved")[0]
	put(moved, now.Add(time.Hour))
	if err := s.SetRefreshDue(ctx, moved, now.Add(-30*time.Second)); err != nil {
		t.Fatal(err)
	}
	want := append(append([]string{}, due...), moved)
	sort.Strings(want)

	var got []string
	var cur Cursor
	pages := 0
	api.queries = nil
	for {
		var page []DueToken
		var err error
		page, cur, err = s.DueForRefresh(ctx, 3, now, 2, cur)
		if err != nil {
			t.Fatalf("DueForRefresh: %v", err)
		}
		pages++
		for i, d := range page {
			got = append(got, d.ConsentID)
			if d.RefreshDue.After(now) || d.Owner != "alice" || d.AccessExpiresAt.IsZero() || !d.UsedAt.Equal(usedAt) {
				t.Errorf("entry %+v", d)
			}
			if i > 0 && d.RefreshDue.Before(page[i-1].RefreshDue) {
				t.Errorf("page not ordered by refreshDue")
			}
		}
		if !cur.More() || pages > 10 {
			break
		}
	}
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("due consents (-want +got):\n%s", diff)
	}
	// Only due items were read: the index query never touched the not-due,
	// unscheduled or other-shard tokens.
	var scanned, count int32
	for _, q := range api.queries {
		scanned += q.ScannedCount
		count += q.Count
	}
	if scanned != int32(len(want)) || count != int32(len(want)) {
		t.Errorf("ScannedCount %d Count %d, want %d each", scanned, count, len(want))
	}
	if err := s.SetRefreshDue(ctx, "missing", now); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetRefreshDue(missing) = %v, want ErrNotFound", err)
	}
	if _, err := s.GetTokens(ctx, "missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetRefreshDue created an item: %v", err)
	}
}
