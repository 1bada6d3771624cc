package consent

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/coop-ob/connector/dev/awsfault"
)

// TestOutboxSequenceUnderRaces: writers racing on one consent (each re-reading after a
// version conflict) number their events 1, 2, 3, … with no gap and no number twice, and the
// consent's counter ends at the last.
func TestOutboxSequenceUnderRaces(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	createdConsent(t, s, clk, "c1", "alice")
	const writers, each = 4, 3
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				for {
					n, err := s.GetConsent(ctx, "c1")
					if err != nil {
						t.Error(err)
						return
					}
					// A reason of its own: every write changes the consent, so each makes an event.
					_, _ = Apply(n, AccountUnavailable, clk.Now(), fmt.Sprintf("w%d-%d", w, i))
					err = s.UpdateConsent(ctx, n)
					if err == nil {
						break
					}
					if !errors.Is(err, ErrConflict) {
						t.Error(err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	list, details := events(t, s, "c1")
	if len(list) != 1+writers*each {
		t.Fatalf("%d events, want %d", len(list), 1+writers*each)
	}
	reasons := map[string]bool{}
	for i, d := range details {
		if d.Sequence != int64(i+1) {
			t.Errorf("event %d has sequence %d", i+1, d.Sequence)
		}
		if reasons[d.Reason] && d.Reason != "" {
			t.Errorf("reason %s twice", d.Reason)
		}
		reasons[d.Reason] = true
	}
	if got, _ := s.GetConsent(ctx, "c1"); got.EventSequence != int64(len(list)) {
		t.Errorf("counter %d, want %d", got.EventSequence, len(list))
	}
}

// TestOutboxStoreFaults: a consent write whose transaction the store fails past the SDK's
// retries stores neither the change nor its event; one whose answer is lost (applied, then a
// 500: the SDK's retry meets its own write) is recognised as done and stores its event once.
func TestOutboxStoreFaults(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	inj := awsfault.New(1)
	faulty := New(kumoClient(&http.Client{Transport: inj.Transport(nil)}), s.table)
	faulty.Now = s.Now
	ctx := context.Background()
	c := createdConsent(t, s, clk, "c1", "alice")

	inj.Add(awsfault.Rule{Service: "dynamodb", Operation: "TransactWriteItems", Kind: awsfault.ServerError, Times: awsfault.DynamoDBAttempts})
	failed := *c
	_, _ = Apply(&failed, ReauthReported, clk.Now(), "invalid_grant")
	if err := faulty.UpdateConsent(ctx, &failed); err == nil || errors.Is(err, ErrConflict) {
		t.Fatalf("UpdateConsent through a failing store = %v, want the store's error", err)
	}
	if got, _ := s.GetConsent(ctx, "c1"); got.Version != c.Version || got.LastAction != "" {
		t.Errorf("consent changed by a failed write: v%d %q", got.Version, got.LastAction)
	}
	if list, _ := events(t, s, "c1"); len(list) != 1 {
		t.Errorf("%d events after a failed write, want the Created one", len(list))
	}

	inj.Clear()
	inj.Add(awsfault.Rule{Service: "dynamodb", Operation: "TransactWriteItems", Kind: awsfault.LostAnswer, Times: 1})
	_, _ = Apply(c, ReauthReported, clk.Now(), "invalid_grant")
	if err := faulty.UpdateConsent(ctx, c); err != nil {
		t.Fatalf("UpdateConsent with its answer lost = %v, want its own write recognised", err)
	}
	if inj.Armed() != 0 {
		t.Fatal("the lost answer was not injected")
	}
	list, _ := events(t, s, "c1")
	if len(list) != 2 || list[1].DetailType != EventConsentReauthRequired {
		t.Errorf("events %v, want Created and one Reauthentication Required", detailTypes(list))
	}
}
