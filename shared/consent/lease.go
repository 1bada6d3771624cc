package consent

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// writeLeaseUntilV1: AcquireLease also writes the lease's end under the
// previous release's attribute name, "leaseUntil", which that release's
// AcquireLease checks (it does not know "leaseEnd"). While a stack may still
// run the previous release's code (during the update that installs this one),
// that is what keeps one refresh per consent at a time. "leaseUntil" is
// projected into the refresh index, so in this release a lease still writes
// the index; the next release sets this false (every running copy then
// checks "leaseEnd"), and a lease stops costing an index write.
const writeLeaseUntilV1 = true

// AcquireLease takes the refresh lease of a consent's tokens until `until`
// and returns the tokens as stored, with their version. Only one worker (the
// scheduled refresher or an on-demand refresh in the proxy) may refresh at a
// time: refresh tokens may rotate, and two refreshes with the same refresh
// token would leave one of them holding a token the bank has invalidated.
//
// The conditional update succeeds only when no lease is held or the lease
// has expired by Store.Now (a crashed holder cannot block refreshes for
// longer than its lease). Otherwise ErrLeaseHeld; missing tokens ErrNotFound.
// A lease this call took (an attempt whose answer was lost, retried by the
// SDK into its own condition) is recognised by its LeaseClaim and returned.
// Lease times have one-second resolution.
func (s *Store) AcquireLease(ctx context.Context, consentID, holder string, until time.Time) (*Tokens, error) {
	e := newExpr()
	now := e.v(num(s.Now().Unix()))
	free := func(attr string) string {
		a := e.n(attr)
		return "(attribute_not_exists(" + a + ") OR " + a + " < " + now + ")"
	}
	cond := "attribute_exists(pk) AND " + free("leaseEnd") + " AND " + free("leaseUntil")
	claim := writeID()
	e.set("leaseHolder", str(holder))
	e.set("leaseEnd", num(until.Unix()))
	if writeLeaseUntilV1 {
		e.set("leaseUntil", num(until.Unix()))
	}
	e.set("leaseClaim", str(claim))
	out, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: key(consentPK(consentID), skToken),
		UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
		ReturnValues: types.ReturnValueAllNew,
	})
	if isConditionFailed(err) {
		t, gerr := s.GetTokens(ctx, consentID)
		if gerr != nil {
			return nil, gerr
		}
		if t.LeaseHolder == holder && t.LeaseClaim == claim {
			return t, nil
		}
		return nil, ErrLeaseHeld
	}
	if err != nil {
		return nil, fmt.Errorf("tokens %s: acquire lease: %w", consentID, err)
	}
	return s.decodeTokens(ctx, consentID, out.Attributes)
}

// SaveRefreshed stores refreshed tokens t (as returned by AcquireLease, with
// the new values filled in). The write is conditional on the version read
// AND on holder still holding the lease, so a worker whose lease expired and
// was taken over cannot overwrite the newer tokens. It clears the lease and
// the failure backoff, bumps Version and re-keys the refresh index from
// t.RefreshDue. A write of this call whose answer was lost (the SDK's retry
// met its condition) is recognised from the stored tokens and is a success.
// "lastUse" is the one attribute not taken from t: the stored value is kept,
// so a TouchTokens that landed after AcquireLease survives; "usedAt" is set
// from t.UsedAt (the later of the two as AcquireLease read them).
// On success *t is the item as stored.
//
// If the bank's refresh response carries no new refresh token, the caller
// must leave the old one in t.RefreshToken (and its expiry): the store
// writes exactly what it is given, and an empty refresh token is stored
// as none.
func (s *Store) SaveRefreshed(ctx context.Context, t *Tokens, holder string) error {
	n := *t
	n.Version = t.Version + 1
	n.LeaseHolder, n.LeaseUntil, n.LeaseClaim = "", time.Time{}, ""
	n.Failures, n.NextAttemptAt = 0, time.Time{}
	item, err := s.tokenItem(ctx, &n)
	if err != nil {
		return err
	}
	e := newExpr()
	cond := e.n("version") + " = " + e.v(num(t.Version)) + " AND " + e.n("leaseHolder") + " = " + e.v(str(holder))
	setTokenAttributes(e, item, "lastUse")
	e.set("version", num(n.Version))
	out, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: key(consentPK(t.ConsentID), skToken),
		UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
		ReturnValues: types.ReturnValueAllNew,
	})
	if isConditionFailed(err) {
		// This call's own write, applied by an attempt whose answer was lost
		// and then retried by the SDK into its condition: the item holds
		// exactly the new tokens at the new version, lease released.
		if got, gerr := s.GetTokens(ctx, t.ConsentID); gerr == nil && got.Version == n.Version &&
			got.AccessToken == n.AccessToken && got.RefreshToken == n.RefreshToken && got.LeaseHolder == "" {
			*t = *got
			return nil
		}
		return &ConflictError{Kind: "tokens", ID: t.ConsentID, Reason: "version or lease"}
	}
	if err != nil {
		return fmt.Errorf("tokens %s: save refreshed: %w", t.ConsentID, err)
	}
	stored, err := s.decodeTokens(ctx, t.ConsentID, out.Attributes)
	if err != nil {
		return err
	}
	*t = *stored
	return nil
}

// ReleaseLease gives up holder's lease after a failed refresh, keeping the
// tokens as they are and recording the backoff: failures (consecutive
// transient failures), nextAttempt, and refreshDue (when the scheduled
// refresher should try again; zero takes the tokens out of the refresh
// index). A lease no longer held by holder answers ErrLeaseHeld and changes
// nothing.
func (s *Store) ReleaseLease(ctx context.Context, consentID, holder string, failures int, nextAttempt, refreshDue time.Time) error {
	return s.ReleaseLeaseUsed(ctx, consentID, holder, failures, nextAttempt, refreshDue, time.Time{})
}

// ReleaseLeaseUsed is ReleaseLease that also records usedAt (when not zero)
// in the projected "usedAt", so the refresh index shows a use that only the
// unprojected "lastUse" (TouchTokens) held.
func (s *Store) ReleaseLeaseUsed(ctx context.Context, consentID, holder string, failures int, nextAttempt, refreshDue, usedAt time.Time) error {
	e := newExpr()
	if !usedAt.IsZero() {
		e.set("usedAt", num(usedAt.Unix()))
	}
	cond := e.n("leaseHolder") + " = " + e.v(str(holder))
	e.set("failures", num(int64(failures)))
	if nextAttempt.IsZero() {
		e.remove("nextAttemptAt")
	} else {
		e.set("nextAttemptAt", num(nextAttempt.Unix()))
	}
	s.setDue(e, refreshShardKey(s.shard(consentID)), refreshDue)
	e.remove("leaseHolder", "leaseEnd", "leaseUntil", "leaseClaim")
	_, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: key(consentPK(consentID), skToken),
		UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	})
	if isConditionFailed(err) {
		return ErrLeaseHeld
	}
	if err != nil {
		return fmt.Errorf("tokens %s: release lease: %w", consentID, err)
	}
	return nil
}

// setDue sets the sparse index keys, or removes them when due is zero.
func (s *Store) setDue(e *expr, shardKey string, due time.Time) {
	if due.IsZero() {
		e.remove("refreshShard", "refreshDue")
		return
	}
	e.set("refreshShard", str(shardKey))
	e.set("refreshDue", num(due.Unix()))
}

// SetRefreshDue schedules the next refresh of a consent's tokens (zero due
// is ClearRefreshDue). Missing tokens answer ErrNotFound: the condition keeps
// the update from creating a token item with no tokens.
func (s *Store) SetRefreshDue(ctx context.Context, consentID string, due time.Time) error {
	e := newExpr()
	s.setDue(e, refreshShardKey(s.shard(consentID)), due)
	return s.updateExistingTokens(ctx, consentID, "set refresh due", e)
}

// ClearRefreshDue takes a consent's tokens out of the refresh index (the
// consent is no longer refreshed: unused, revoked, refresh token dead).
func (s *Store) ClearRefreshDue(ctx context.Context, consentID string) error {
	return s.SetRefreshDue(ctx, consentID, time.Time{})
}
