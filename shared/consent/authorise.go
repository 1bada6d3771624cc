package consent

import (
	"context"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// tokenAttributes are every attribute a Tokens item may carry besides its
// key and version; AuthoriseWithTokens sets the present ones and removes the
// rest, so nothing of the replaced tokens (an old lease, backoff) survives.
var tokenAttributes = []string{"consentId", "consentOwner", "accessToken", "refreshToken",
	"accessExpiresAt", "refreshExpiresAt", "scope", "stepUp", "leaseHolder", "leaseEnd", "leaseUntil", "leaseClaim",
	"failures", "nextAttemptAt", "refreshDue", "refreshShard", "usedAt", "lastUse"}

// setTokenAttributes adds to e a SET of every tokenAttributes entry present
// in item and a REMOVE of the absent ones, skipping the names in keep (left
// as stored).
func setTokenAttributes(e *expr, item map[string]types.AttributeValue, keep ...string) {
	for _, a := range tokenAttributes {
		switch v, ok := item[a]; {
		case slices.Contains(keep, a):
		case ok:
			e.set(a, v)
		default:
			e.remove(a)
		}
	}
}

// authorisableStatuses are the consent statuses a completed journey may
// turn into Authorised (the From of the transitions table's Authorised
// row): the first authorisation, a re-authentication or step-up of an
// authorised consent, and a consent whose tokens lapsed. A Revoked,
// Rejected, Expired, Failed or Consumed consent is over: a late callback or
// exchange retry must not bring it back.
var authorisableStatuses = allowedFrom(Authorised)

// Authorisable reports whether a consent in status may be authorised by a
// completed journey (AwaitingAuthorisation, Authorised or ReauthRequired).
// AuthoriseWithTokens enforces the same rule on the stored status.
func Authorisable(status string) bool { return Allowed(status, Authorised) }

// AuthoriseWithTokens records a completed authorisation in one
// TransactWriteItems, so that no reader ever sees an authorised consent
// without tokens or a session marked done whose tokens were not stored:
//
//   - the consent c is written if its stored Version still equals c.Version
//     and its stored status is Authorisable (else a *ConflictError, Reason
//     "version" or "status", and nothing changes), then c.Version is
//     incremented. The status condition is what keeps a revoked (or
//     rejected, expired, failed) consent from coming back as Authorised
//     when a caller re-reads it between its check and this write;
//   - the tokens t replace any existing tokens unconditionally (their UsedAt,
//     when zero, is the authorisation time: new tokens count as used): a
//     re-authentication's tokens supersede the old ones, and the stored token
//     version is incremented (if_not_exists(version, 0) + 1) so that a refresher
//     still holding the old version or lease fails its conditional write
//     instead of overwriting the new refresh token. t.Version is left as
//     passed: read the tokens again before a versioned write of them;
//   - the auth session sessionStateHash, which must belong to c.ID and be
//     claimed (status used or exchangePending), is marked done and its code
//     and verifier removed, so the code is never exchanged again (else
//     ErrSessionUsed);
//   - the lifecycle events Apply made on c go to its outbox (takeEvents).
func (s *Store) AuthoriseWithTokens(ctx context.Context, c *Consent, t *Tokens, sessionStateHash string) error {
	n := *c
	n.UpdatedAt = s.Now()
	n.Version = c.Version + 1
	s.scheduleDeadline(&n)
	events, err := s.takeEvents(&n)
	if err != nil {
		return err
	}
	cItem, err := marshal(&n, consentPK(c.ID), skMeta)
	if err != nil {
		return fmt.Errorf("consent %s: marshal: %w", c.ID, err)
	}
	ce := newExpr()
	cCond := ce.n("version") + " = " + ce.v(num(c.Version)) + " AND " + ce.n("status") + " IN ("
	for i, st := range authorisableStatuses {
		if i > 0 {
			cCond += ", "
		}
		cCond += ce.v(str(st))
	}
	cCond += ")"

	tt := *t
	tt.ConsentID = c.ID
	if tt.UsedAt.IsZero() {
		tt.UsedAt = n.UpdatedAt
	}
	tItem, err := s.tokenItem(ctx, &tt)
	if err != nil {
		return err
	}
	te := newExpr()
	setTokenAttributes(te, tItem)
	ver := te.n("version")
	te.sets = append(te.sets, ver+" = if_not_exists("+ver+", "+te.v(num(0))+") + "+te.v(num(1)))

	se := newExpr()
	sCond := "attribute_exists(pk) AND " + se.n("consentId") + " = " + se.v(str(c.ID)) +
		" AND " + se.n("status") + " IN (" + se.v(str(SessionUsed)) + ", " + se.v(str(SessionExchangePending)) + ")"
	se.set("status", str(SessionDone))
	se.set("updatedAt", str(n.UpdatedAt.UTC().Format(timeLayout)))
	se.remove(spentSessionAttributes...)

	_, err = s.api.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: append([]types.TransactWriteItem{
		{Put: &types.Put{TableName: aws.String(s.table), Item: cItem, ConditionExpression: aws.String(cCond),
			ExpressionAttributeNames: ce.names, ExpressionAttributeValues: ce.values}},
		{Update: &types.Update{TableName: aws.String(s.table), Key: key(consentPK(c.ID), skToken),
			UpdateExpression: te.update(), ExpressionAttributeNames: te.names, ExpressionAttributeValues: te.values}},
		{Update: &types.Update{TableName: aws.String(s.table), Key: key(authPK(sessionStateHash), skSession),
			ConditionExpression: aws.String(sCond), UpdateExpression: se.update(),
			ExpressionAttributeNames: se.names, ExpressionAttributeValues: se.values}},
	}, events...)})
	if failed, ok := cancelledAt(err); ok {
		// The transaction of this call, applied by an attempt whose answer
		// was lost: DynamoDB answers the SDK's retry (same ClientRequestToken)
		// with success, an emulator with its conditions; the consent item,
		// exactly as written, says it was applied whole.
		if got, gerr := s.GetConsent(ctx, c.ID); gerr == nil && sameItem(got, &n, cItem) {
			*c = n
			return nil
		}
		switch {
		case len(failed) > 0 && failed[0]:
			return s.consentConflict(ctx, c.ID)
		case len(failed) > 2 && failed[2]:
			return ErrSessionUsed
		}
	}
	if err != nil {
		return fmt.Errorf("consent %s: authorise: %w", c.ID, err)
	}
	*c = n
	return nil
}

// consentConflict explains AuthoriseWithTokens' failed consent condition
// from a consistent read: Reason "status" when the stored consent is no
// longer Authorisable, else "version" (it changed since it was read).
func (s *Store) consentConflict(ctx context.Context, id string) error {
	stored, err := s.GetConsent(ctx, id)
	if err != nil {
		return err
	}
	reason := "version"
	if !Authorisable(stored.Status) {
		reason = "status"
	}
	return &ConflictError{Kind: "consent", ID: id, Reason: reason}
}
