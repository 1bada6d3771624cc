package consent

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// OpenAuthSession records that a browser opened the journey link of a pending session:
// browserHash (the SHA-256 of the cookie it was given) and the time, in ONE conditional
// update (exists AND pending AND unexpired AND no browser yet), so that of two browsers
// opening the same link only the first is the journey's. It returns the session as
// written. A failed condition is read back: ErrNotFound, ErrSessionExpired,
// ErrSessionUsed (no longer pending), or ErrSessionOpened with the session (whose
// BrowserHash is the first browser's; this very call's own write, retried by the SDK
// after a lost answer, is returned without error).
func (s *Store) OpenAuthSession(ctx context.Context, stateHash, browserHash string) (*AuthSession, error) {
	now := s.Now()
	e := newExpr()
	cond := "attribute_exists(pk) AND " + e.n("status") + " = " + e.v(str(SessionPending)) +
		" AND " + e.n("ttl") + " > " + e.v(num(now.Unix())) + " AND attribute_not_exists(" + e.n("browserHash") + ")"
	e.set("browserHash", str(browserHash))
	e.set("openedAt", str(now.UTC().Format(timeLayout)))
	out, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: key(authPK(stateHash), skSession),
		UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
		ReturnValues: types.ReturnValueAllNew,
	})
	if isConditionFailed(err) {
		a, gerr := s.getSession(ctx, stateHash)
		switch {
		case gerr != nil:
			return nil, gerr
		case !now.Before(a.TTL):
			return nil, ErrSessionExpired
		case a.Status != SessionPending:
			return nil, ErrSessionUsed
		case a.BrowserHash == browserHash:
			return a, nil
		}
		return a, ErrSessionOpened
	}
	if err != nil {
		return nil, fmt.Errorf("session: open: %w", err)
	}
	return s.decodeSession(ctx, stateHash, out.Attributes)
}
