package consent

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// Auth session statuses (AuthSession.Status).
const (
	SessionPending         = "pending"         // waiting for the PSU's callback
	SessionUsed            = "used"            // claimed by one callback; the code is being exchanged
	SessionExchangePending = "exchangePending" // the exchange failed transiently; the tokens function retries it
	SessionDone            = "done"            // tokens stored (AuthoriseWithTokens)
	SessionFailed          = "failed"          // given up (FinishExchange)
)

// spentSessionAttributes are the attributes an ended session (done or failed) drops:
// the code and the PKCE verifier that could complete it, and its
// refresh-index entry. The item itself stays until its TTL, so a replayed
// callback is still told "already used".
var spentSessionAttributes = []string{"code", "verifier", "refreshShard", "refreshDue"}

// AuthSession is the AUTH#<sha256(state)>/SESSION item of one redirect
// journey. Only the hash of state is stored: the table never holds a value
// that would let someone forge a callback.
type AuthSession struct {
	StateHash   string    `dynamodbav:"stateHash"`
	ConsentID   string    `dynamodbav:"consentId"`
	Owner       string    `dynamodbav:"consentOwner"`
	Brand       string    `dynamodbav:"brand"`
	Verifier    string    `dynamodbav:"verifier"` // PKCE code_verifier (RFC 7636); removed when the session ends
	StepUp      bool      `dynamodbav:"stepUp"`
	Reauth      bool      `dynamodbav:"reauth"`
	RedirectURI string    `dynamodbav:"redirectUri"` // the redirect_uri the journey's authorization URL carried; the code exchange sends it again
	CreatedAt   time.Time `dynamodbav:"startedAt"`   // not "createdAt": keeps sessions out of the owner index
	UpdatedAt   time.Time `dynamodbav:"updatedAt,omitempty"`
	// TTL is the expiry (epoch seconds in the table's TTL attribute). The
	// store treats a session past its TTL as expired even before DynamoDB
	// reaps it (reaping is lazy, up to days late).
	TTL    time.Time `dynamodbav:"ttl,unixtime"`
	Status string    `dynamodbav:"status"`
	// ClaimID is the random id of the claim that moved the session to used: a claim whose
	// answer was lost recognises its own write when the SDK's retry meets its condition.
	ClaimID string `dynamodbav:"claimId,omitempty"`
	// FinishID is the random id of the FinishExchange call that ended the
	// session, for the same reason.
	FinishID      string    `dynamodbav:"finishId,omitempty"`
	Code          string    `dynamodbav:"code,omitempty"` // only while exchangePending
	Attempts      int       `dynamodbav:"attempts,omitempty"`
	NextAttemptAt time.Time `dynamodbav:"nextAttemptAt,unixtime,omitempty"`
	// Browser binding (journey.go). Bind: the journey completes only in the browser that
	// first opened its journey link; false for a consent created with bindBrowser false and
	// for sessions stored by an older release. Challenge is the PKCE challenge the bank's
	// URL carries (public), from which the journey link rebuilds that URL. BrowserHash is
	// the SHA-256 of the journey cookie set in the browser that opened the link, OpenedAt
	// when; both empty until the link is opened.
	Bind        bool      `dynamodbav:"bindBrowser,omitempty"`
	Challenge   string    `dynamodbav:"challenge,omitempty"`
	BrowserHash string    `dynamodbav:"browserHash,omitempty"`
	OpenedAt    time.Time `dynamodbav:"openedAt,omitempty"`
}

// HashState returns the hex SHA-256 of an OAuth state value: the session key.
func HashState(state string) string {
	sum := sha256.Sum256([]byte(state))
	return hex.EncodeToString(sum[:])
}

func authPK(stateHash string) string { return authPrefix + stateHash }

// CreateAuthSession stores a new session in status pending. The condition
// attribute_not_exists(pk) refuses to overwrite a session with the same
// state hash (a *ConflictError), which would otherwise reset a used session
// to pending and let its code be exchanged again.
func (s *Store) CreateAuthSession(ctx context.Context, a *AuthSession) error {
	n := *a
	if n.CreatedAt.IsZero() {
		n.CreatedAt = s.Now()
	}
	n.Status = SessionPending
	item, err := marshal(&n, authPK(a.StateHash), skSession)
	if err != nil {
		return fmt.Errorf("session: marshal: %w", err)
	}
	if err := s.sealItem(ctx, item, authPK(a.StateHash), skSession); err != nil {
		return fmt.Errorf("session: %w", err)
	}
	_, err = s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(s.table), Item: item, ConditionExpression: aws.String("attribute_not_exists(pk)"),
	})
	if isConditionFailed(err) {
		// This call's own write whose answer was lost (the SDK's retry met
		// its condition) holds its PKCE verifier, random per session.
		if got, gerr := s.getSession(ctx, a.StateHash); gerr == nil && got.Status == SessionPending &&
			got.Verifier == n.Verifier && got.ConsentID == n.ConsentID && got.CreatedAt.Equal(n.CreatedAt) {
			*a = n
			return nil
		}
		return &ConflictError{Kind: "session", ID: a.StateHash, Reason: "exists"}
	}
	if err != nil {
		return fmt.Errorf("session: put: %w", err)
	}
	*a = n
	return nil
}

// GetAuthSession reads a session: ErrNotFound when absent, ErrSessionExpired
// when past its TTL (even if not reaped yet).
func (s *Store) GetAuthSession(ctx context.Context, stateHash string) (*AuthSession, error) {
	a, err := s.getSession(ctx, stateHash)
	if err != nil {
		return nil, err
	}
	if !s.Now().Before(a.TTL) {
		return nil, ErrSessionExpired
	}
	return a, nil
}

func (s *Store) getSession(ctx context.Context, stateHash string) (*AuthSession, error) {
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(s.table), Key: key(authPK(stateHash), skSession), ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return nil, fmt.Errorf("session: get: %w", err)
	}
	if len(out.Item) == 0 {
		return nil, ErrNotFound
	}
	return s.decodeSession(ctx, stateHash, out.Item)
}

// decodeSession opens and decodes a session item as read.
func (s *Store) decodeSession(ctx context.Context, stateHash string, item map[string]types.AttributeValue) (*AuthSession, error) {
	if err := s.openItem(ctx, item, authPK(stateHash), skSession); err != nil {
		return nil, fmt.Errorf("session: %w", err)
	}
	var a AuthSession
	if err := unmarshal(item, &a); err != nil {
		return nil, fmt.Errorf("session: unmarshal: %w", err)
	}
	return &a, nil
}

// ClaimAuthSession moves a session from pending to used in ONE conditional
// update (exists AND status = pending AND ttl > now) and returns it. This is
// what makes a callback single-use: of two concurrent or replayed callbacks
// with the same state, exactly one gets the verifier and may exchange the
// code. A failed condition is classified from the item: ErrNotFound,
// ErrSessionExpired (past TTL, checked first) or ErrSessionUsed; but a
// session this very call claimed (an attempt whose answer was lost, retried
// by the SDK) is returned as claimed.
func (s *Store) ClaimAuthSession(ctx context.Context, stateHash string) (*AuthSession, error) {
	now := s.Now()
	claim := writeID()
	e := newExpr()
	cond := "attribute_exists(pk) AND " + e.n("status") + " = " + e.v(str(SessionPending)) +
		" AND " + e.n("ttl") + " > " + e.v(num(now.Unix()))
	e.set("status", str(SessionUsed))
	e.set("claimId", str(claim))
	e.set("updatedAt", str(now.UTC().Format(timeLayout)))
	a, current, err := s.takeSession(ctx, stateHash, "claim", e, cond)
	switch {
	case current == nil:
		return a, err
	case current.Status == SessionUsed && current.ClaimID == claim:
		return current, nil // this call's own claim, whose answer was lost
	case !now.Before(current.TTL):
		return nil, ErrSessionExpired
	}
	return nil, ErrSessionUsed
}

// takeSession applies e to stateHash's session under cond in one conditional update and
// returns the session as written. When cond fails it returns, instead, the session as it stands
// (current): the item DynamoDB returns with the failure, else a consistent read (kumo returns
// none); the caller explains the refusal from it. op names the step in errors.
func (s *Store) takeSession(ctx context.Context, stateHash, op string, e *expr, cond string) (written, current *AuthSession, err error) {
	out, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: key(authPK(stateHash), skSession),
		UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
		ReturnValues:                        types.ReturnValueAllNew,
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
	})
	var ccf *types.ConditionalCheckFailedException
	switch {
	case errors.As(err, &ccf) && len(ccf.Item) > 0:
		current, err = s.decodeSession(ctx, stateHash, ccf.Item)
		return nil, current, err
	case errors.As(err, &ccf):
		current, err = s.getSession(ctx, stateHash)
		return nil, current, err
	case err != nil:
		return nil, nil, fmt.Errorf("session: %s: %w", op, err)
	}
	written, err = s.decodeSession(ctx, stateHash, out.Attributes)
	return written, nil, err
}
