package consent

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// itemTTL reads the raw TTLAttribute of an item (0: none).
func itemTTL(t *testing.T, s *Store, pk, sk string) int64 {
	t.Helper()
	av, ok := rawItem(t, s, pk, sk)[TTLAttribute]
	if !ok {
		return 0
	}
	n, isN := av.(*types.AttributeValueMemberN)
	if !isN {
		t.Fatalf("%s/%s: %s is %T, want a number", pk, sk, TTLAttribute, av)
	}
	v, err := strconv.ParseInt(n.Value, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// tokenItemGone reports whether the consent's TOKEN item is absent (raw read).
func tokenItemGone(t *testing.T, s *Store, id string) bool {
	t.Helper()
	out, err := s.api.GetItem(context.Background(), &dynamodb.GetItemInput{
		TableName: aws.String(s.table), Key: key(consentPK(id), skToken), ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	return len(out.Item) == 0
}

// closeWith stores an authorised consent with tokens and shared accounts and
// writes happening what to it (UpdateConsent), as every path that changes a
// consent's status does.
func closeWith(t *testing.T, s *Store, id, from string, what Happening) *Consent {
	t.Helper()
	ctx := context.Background()
	c := sampleConsent(id, "alice")
	if err := s.CreateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	if from != c.Status {
		c.Status = from
		if err := s.UpdateConsent(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutTokens(ctx, sampleTokens(id, s.Now())); err != nil {
		t.Fatal(err)
	}
	if err := s.PutAccounts(ctx, &SharedAccounts{ConsentID: id, Accounts: []SharedAccount{{ID: "1001"}}, ReadAt: s.Now()}, s.Now().AddDate(1, 0, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := Apply(c, what, s.Now(), "detail"); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateConsent(ctx, c); err != nil {
		t.Fatalf("%s: UpdateConsent: %v", what, err)
	}
	return c
}

// TestClosingErasesTokens: whichever happening closes a consent (the bank's
// refusal or expiry seen by the proxy, a lapsed refresh token seen by the
// refresher, a revocation, a payment consuming it, a failed first
// authorisation), the write that closes it deletes its TOKEN and ACCOUNTS
// items (Failed: none exist) and gives its META item the TTL ENDED_RETENTION after; a consent that
// stays open (ReauthRequired) keeps its tokens and has no TTL.
func TestClosingErasesTokens(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	s.EndedRetention = 48 * time.Hour
	ctx := context.Background()
	for i, tt := range []struct {
		what   Happening
		from   string
		status string
	}{
		{BankRejected, StatusAuthorised, StatusRejected},
		{BankExpired, StatusAuthorised, StatusExpired},
		{RefreshTokenLapsed, StatusAuthorised, StatusExpired},
		{Revoked, StatusAuthorised, StatusRevoked},
		{Revoked, StatusReauthRequired, StatusRevoked},
		{PaymentConsumed, StatusAuthorised, StatusConsumed},
		{AuthorisationFailed, StatusAwaitingAuthorisation, StatusFailed},
		{ReauthRequired, StatusAuthorised, StatusReauthRequired},
		{RefreshRejected, StatusAuthorised, StatusReauthRequired},
	} {
		t.Run(string(tt.what)+"/"+tt.from, func(t *testing.T) {
			id := "c" + strconv.Itoa(i)
			c := closeWith(t, s, id, tt.from, tt.what)
			if c.Status != tt.status {
				t.Fatalf("status %q, want %q", c.Status, tt.status)
			}
			// Failed is reached only before any authorisation: no tokens to
			// delete, so its write is a plain put (the test's tokens stay).
			closed, erased := Closed(tt.status), tt.status != StatusFailed && Closed(tt.status)
			if gone := tokenItemGone(t, s, id); gone != erased {
				t.Errorf("TOKEN item gone = %v, want %v", gone, erased)
			}
			if _, err := s.GetAccounts(ctx, id); errors.Is(err, ErrNotFound) != erased {
				t.Errorf("accounts: %v (erased: want %v)", err, erased)
			}
			var want int64
			if closed {
				want = clk.Now().Add(48*time.Hour).Unix() + 1
			}
			if got := itemTTL(t, s, consentPK(id), skMeta); got != want {
				t.Errorf("META %s = %d, want %d", TTLAttribute, got, want)
			}
			if got, err := s.GetConsent(ctx, id); err != nil || got.TTL.Unix() != want && closed {
				t.Errorf("GetConsent: TTL %v, %v", got.TTL, err)
			}
		})
	}
}

// TestClosedTTLFromFirstEnd: a later write of a closed consent (an expired
// consent revoked a day later) keeps the TTL of the write that closed it.
func TestClosedTTLFromFirstEnd(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	c := closeWith(t, s, "c1", StatusAuthorised, BankExpired)
	want := clk.Now().Add(DefaultEndedRetention).Unix() + 1
	clk.Advance(24 * time.Hour)
	if _, err := Apply(c, Revoked, clk.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	if got := itemTTL(t, s, consentPK("c1"), skMeta); got != want || c.Status != StatusRevoked {
		t.Errorf("status %s, META ttl %d, want %d (the first end's)", c.Status, got, want)
	}
}

// TestRefresherCannotResurrectTokens: a refresher that took the lease before
// the consent closed, and got new tokens from the bank meanwhile, cannot
// write them back: every token write it can make fails on the deleted item
// and creates nothing.
func TestRefresherCannotResurrectTokens(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	ctx := context.Background()
	c := sampleConsent("c1", "alice")
	c.Status = StatusAuthorised
	if err := s.CreateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := s.PutTokens(ctx, sampleTokens("c1", clk.Now())); err != nil {
		t.Fatal(err)
	}
	leased, err := s.AcquireLease(ctx, "c1", "w1", clk.Now().Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Apply(c, Revoked, clk.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	leased.AccessToken, leased.RefreshToken = "at-2", "rt-2"
	leased.RefreshDue = clk.Now().Add(time.Hour)
	if err := s.SaveRefreshed(ctx, leased, "w1"); !errors.Is(err, ErrConflict) {
		t.Errorf("SaveRefreshed after the end = %v, want ErrConflict", err)
	}
	next := clk.Now().Add(time.Hour)
	if err := s.ReleaseLeaseUsed(ctx, "c1", "w1", 1, next, next, clk.Now()); !errors.Is(err, ErrLeaseHeld) {
		t.Errorf("ReleaseLeaseUsed after the end = %v, want ErrLeaseHeld", err)
	}
	if _, err := s.AcquireLease(ctx, "c1", "w2", next); !errors.Is(err, ErrNotFound) {
		t.Errorf("AcquireLease after the end = %v, want ErrNotFound", err)
	}
	if err := s.TouchTokens(ctx, "c1", clk.Now()); !errors.Is(err, ErrNotFound) {
		t.Errorf("TouchTokens after the end = %v, want ErrNotFound", err)
	}
	if err := s.SetRefreshDue(ctx, "c1", next); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetRefreshDue after the end = %v, want ErrNotFound", err)
	}
	stale := *leased
	if err := s.PutTokens(ctx, &stale); !errors.Is(err, ErrConflict) {
		t.Errorf("versioned PutTokens after the end = %v, want ErrConflict", err)
	}
	if !tokenItemGone(t, s, "c1") {
		t.Error("a TOKEN item exists again after the consent was revoked")
	}
}

// TestClosedStatusesAreFinal: no transition leads from a closed status to an
// open one, so a TTL set when a consent closes never erases a consent in use.
func TestClosedStatusesAreFinal(t *testing.T) {
	t.Parallel()
	statuses := []string{StatusAwaitingAuthorisation, StatusAuthorised, StatusReauthRequired, StatusRejected,
		StatusRevoked, StatusExpired, StatusFailed, StatusConsumed}
	for _, tr := range Transitions() {
		for _, st := range statuses {
			if !Closed(st) || (!slices.Contains(tr.From, st) && !slices.Contains(tr.From, AnyStatus)) {
				continue
			}
			if tr.To != Keep && !Closed(tr.To) {
				t.Errorf("%s from %s leads to %s, which is open", tr.What, st, tr.To)
			}
		}
	}
	if slices.Contains(authorisableStatuses, StatusConsumed) || slices.ContainsFunc(authorisableStatuses, Closed) {
		t.Errorf("a closed status is authorisable: %v", authorisableStatuses)
	}
}

// TestPaymentRecordTTL: a payment record has no TTL while pending or
// followed by the background polls, and ENDED_RETENTION from the write that
// settled it (a final status, a refusal).
func TestPaymentRecordTTL(t *testing.T) {
	t.Parallel()
	s, clk, _ := newStore(t)
	s.PaymentPollBackoff, s.PaymentPollLimit = []time.Duration{time.Minute}, 10
	s.EndedRetention = 72 * time.Hour
	ctx := context.Background()
	ttl := func(p *Payment) int64 {
		t.Helper()
		return itemTTL(t, s, consentPK(p.ConsentID), paymentSK(p.IdempotencyKey))
	}
	paymentConsent(t, s, "c-dp", "DP") // a payment's changes number their events on its consent
	p := &Payment{ConsentID: "c-dp", IdempotencyKey: "k1", RequestHash: "h", Journey: "DP"}
	if err := s.CreatePayment(ctx, p); err != nil {
		t.Fatal(err)
	}
	p.State = PaymentSent
	if err := s.UpdatePayment(ctx, p); err != nil {
		t.Fatal(err)
	}
	if got := ttl(p); got != 0 {
		t.Errorf("sent: ttl %d, want none", got)
	}
	if _, err := s.RecordPaymentStatus(ctx, p, PaymentUpdate{State: PaymentDone, BankPaymentID: "pay-1", Status: "AcceptedSettlementInProcess"}); err != nil {
		t.Fatal(err)
	}
	if got := ttl(p); got != 0 {
		t.Errorf("done, status not final: ttl %d, want none", got)
	}
	clk.Advance(10 * time.Minute)
	if _, err := s.RecordPaymentStatus(ctx, p, PaymentUpdate{Status: "AcceptedSettlementCompleted", Polled: true}); err != nil {
		t.Fatal(err)
	}
	if got, want := ttl(p), clk.Now().Add(72*time.Hour).Unix()+1; got != want {
		t.Errorf("settled: ttl %d, want %d", got, want)
	}

	refused := &Payment{ConsentID: "c-dp", IdempotencyKey: "k2", RequestHash: "h", Journey: "DP", State: PaymentSent}
	if err := s.CreatePayment(ctx, refused); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordPaymentStatus(ctx, refused, PaymentUpdate{State: PaymentFailed}); err != nil {
		t.Fatal(err)
	}
	if got, want := ttl(refused), clk.Now().Add(72*time.Hour).Unix()+1; got != want {
		t.Errorf("refused: ttl %d, want %d", got, want)
	}
}
