package consent

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// MarkExchangePending records that exchanging the claimed session's code
// failed transiently, so the tokens function retries it at next. The code is
// kept (only in this state) and the session enters the refresh index under
// shard "X#nn", so pending exchanges are listed by a Query, not a Scan.
// Attempts is incremented. Only a claimed session (used or exchangePending)
// can be marked: a pending one has not been claimed by anybody, and a done
// one has had its code exchanged already (else ErrSessionUsed).
func (s *Store) MarkExchangePending(ctx context.Context, stateHash, code string, next time.Time) error {
	sealed, err := s.sealValue(ctx, authPK(stateHash), skSession, "code", code)
	if err != nil {
		return fmt.Errorf("session: mark exchange pending: %w", err)
	}
	e := newExpr()
	st := e.n("status")
	cond := "attribute_exists(pk) AND " + st + " IN (" + e.v(str(SessionUsed)) + ", " + e.v(str(SessionExchangePending)) + ")"
	e.set("status", str(SessionExchangePending))
	e.set("code", sealed)
	e.set("nextAttemptAt", num(next.Unix()))
	e.set("updatedAt", str(s.Now().UTC().Format(timeLayout)))
	at := e.n("attempts")
	e.sets = append(e.sets, at+" = if_not_exists("+at+", "+e.v(num(0))+") + "+e.v(num(1)))
	s.setDue(e, exchangeShardKey(s.shard(stateHash)), next)
	return s.updateSession(ctx, stateHash, e, cond, "mark exchange pending")
}

// ClaimExchange takes the next attempt of a pending exchange: one
// conditional update (status exchangePending AND nextAttemptAt <= now AND
// ttl > now) that moves nextAttemptAt (and the index entry) to until, so no
// other run of the tokens function retries the same code meanwhile. It
// returns the session with its code and verifier. Errors: ErrNotFound,
// ErrSessionExpired, ErrSessionUsed (no longer pending an exchange),
// ErrLeaseHeld (another run's attempt is in progress).
func (s *Store) ClaimExchange(ctx context.Context, stateHash string, until time.Time) (*AuthSession, error) {
	now := s.Now()
	e := newExpr()
	cond := e.n("status") + " = " + e.v(str(SessionExchangePending)) +
		" AND " + e.n("nextAttemptAt") + " <= " + e.v(num(now.Unix())) +
		" AND " + e.n("ttl") + " > " + e.v(num(now.Unix()))
	e.set("nextAttemptAt", num(until.Unix()))
	s.setDue(e, exchangeShardKey(s.shard(stateHash)), until)
	a, current, err := s.takeSession(ctx, stateHash, "claim exchange", e, cond)
	switch {
	case current == nil:
		return a, err
	case !now.Before(current.TTL):
		return nil, ErrSessionExpired
	case current.Status != SessionExchangePending:
		return nil, ErrSessionUsed
	}
	return nil, ErrLeaseHeld
}

// FinishExchange ends a claimed session with status (SessionDone or
// SessionFailed) and removes its code, verifier and index entry: the code is
// never tried again, and nothing that could complete it outlives the journey
// until the TTL reaps the item. A session that is not claimed (pending, done, failed) answers
// a *ConflictError.
func (s *Store) FinishExchange(ctx context.Context, stateHash, status string) error {
	if status != SessionDone && status != SessionFailed {
		return fmt.Errorf("session: finish exchange: invalid status %q", status)
	}
	e := newExpr()
	cond := "attribute_exists(pk) AND " + e.n("status") + " IN (" + e.v(str(SessionUsed)) + ", " + e.v(str(SessionExchangePending)) + ")"
	finish := writeID()
	e.set("status", str(status))
	e.set("finishId", str(finish))
	e.set("updatedAt", str(s.Now().UTC().Format(timeLayout)))
	e.remove(spentSessionAttributes...)
	err := s.updateSession(ctx, stateHash, e, cond, "finish exchange")
	if errors.Is(err, ErrConflict) {
		// This call's own write, whose answer was lost and which the SDK
		// retried into its condition, carries its finish id.
		if a, gerr := s.getSession(ctx, stateHash); gerr == nil && a.Status == status && a.FinishID == finish {
			return nil
		}
	}
	return err
}

func (s *Store) updateSession(ctx context.Context, stateHash string, e *expr, cond, op string) error {
	_, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: key(authPK(stateHash), skSession),
		UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	})
	if isConditionFailed(err) {
		if _, gerr := s.getSession(ctx, stateHash); gerr != nil {
			return gerr
		}
		return &ConflictError{Kind: "session", ID: stateHash, Reason: "status"}
	}
	if err != nil {
		return fmt.Errorf("session: %s: %w", op, err)
	}
	return nil
}

// PendingExchange is a refresh-index entry of a session whose code exchange
// is to be retried. The code and verifier are not in the index: ClaimExchange
// returns them.
type PendingExchange struct {
	StateHash     string    `dynamodbav:"stateHash"`
	ConsentID     string    `dynamodbav:"consentId"`
	Owner         string    `dynamodbav:"consentOwner"`
	Attempts      int       `dynamodbav:"attempts"`
	NextAttemptAt time.Time `dynamodbav:"nextAttemptAt,unixtime"`
}

// PendingExchanges lists up to limit sessions of one shard ("X#nn") whose
// exchange retry is due at or before `before`, by a Query on the refresh index.
func (s *Store) PendingExchanges(ctx context.Context, shard int, before time.Time, limit int32) ([]PendingExchange, error) {
	var list []PendingExchange
	_, err := s.queryIndex(ctx, exchangeShardKey(shard), before, limit, Cursor{}, func(item map[string]types.AttributeValue) error {
		var p PendingExchange
		if err := unmarshal(item, &p); err != nil {
			return err
		}
		list = append(list, p)
		return nil
	})
	return list, err
}
