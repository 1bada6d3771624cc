package consent

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// NoteRefreshLapsing stores, once per refresh token, a Consent Refresh Token Lapsing event
// for an Authorised consent whose refresh token (expiring at refreshExpiresAt) the tokens run
// could not keep alive: unless a later refresh succeeds, the consent expires then and the
// customer must authorise again. The consent records the expiry it told (RefreshLapseTold)
// in the same transaction as the event, conditional on its version. It reports whether it
// stored the event; a consent that changed meanwhile is left for the next run.
func (s *Store) NoteRefreshLapsing(ctx context.Context, consentID string, refreshExpiresAt time.Time) (bool, error) {
	c, err := s.GetConsent(ctx, consentID)
	if err != nil {
		return false, err
	}
	at := refreshExpiresAt.Truncate(time.Second).UTC()
	if c.Status != StatusAuthorised || refreshExpiresAt.IsZero() || c.RefreshLapseTold.Equal(at) {
		return false, nil
	}
	e := newExpr()
	cond := e.n("version") + " = " + e.v(num(c.Version))
	e.set("refreshLapseTold", num(at.Unix()))
	e.set("eventSequence", num(c.EventSequence+1))
	e.set("version", num(c.Version+1))
	put, err := s.outboxPut(c, EventRefreshTokenLapsing, EventDetail{Sequence: c.EventSequence + 1, Status: c.Status,
		Deadline: DeadlineRefreshToken, Point: PointWarning, ActionBy: &at})
	if err != nil {
		return false, err
	}
	_, err = s.api.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Update: &types.Update{TableName: aws.String(s.table), Key: key(consentPK(consentID), skMeta),
			UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
			ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values}},
		put,
	}})
	if _, cancelled := cancelledAt(err); cancelled {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("consent %s: refresh lapsing: %w", consentID, err)
	}
	return true, nil
}
