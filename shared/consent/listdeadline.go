package consent

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// deadlinePos is what a ListCursor of ListByDeadline encodes (base64url
// JSON): the last consent's ActionBy (unix seconds) and id.
type deadlinePos struct {
	ActionBy int64  `json:"a"`
	ID       string `json:"i"`
}

// ListByDeadline returns one page of owner's consents whose ActionBy is
// before before, earliest deadline first, from the sparse deadline index
// (DeadlineIndex): only consents with a deadline are in it, and the key
// condition selects exactly the ones returned, so a page of n consents reads
// at most n+1 index items (the one more tells whether a next page exists).
// ScannedCount, not a filter, is what a page costs. A cursor it did not issue
// answers ErrBadCursor.
func (s *Store) ListByDeadline(ctx context.Context, owner string, before time.Time, limit int32, cursor ListCursor) ([]Consent, ListCursor, error) {
	if limit < 1 {
		return nil, "", fmt.Errorf("list by deadline: limit %d, want at least 1", limit)
	}
	e := newExpr()
	in := &dynamodb.QueryInput{
		TableName: aws.String(s.table), IndexName: aws.String(DeadlineIndex),
		KeyConditionExpression: aws.String(e.n("owner") + " = " + e.v(str(owner)) + " AND " +
			e.n("actionBy") + " < " + e.v(num(before.Unix()))),
	}
	in.ExpressionAttributeNames, in.ExpressionAttributeValues = e.names, e.values
	if cursor != "" {
		pos, err := decodeDeadlineCursor(cursor)
		if err != nil {
			return nil, "", err
		}
		k := key(consentPK(pos.ID), skMeta)
		k["owner"], k["actionBy"] = str(owner), &types.AttributeValueMemberN{Value: strconv.FormatInt(pos.ActionBy, 10)}
		in.ExclusiveStartKey = k
	}
	list, more, err := s.queryPage(ctx, in, limit)
	if err != nil || !more {
		return list, "", wrapList("list by deadline", err)
	}
	last := list[limit-1]
	b, _ := json.Marshal(deadlinePos{ActionBy: last.ActionBy.Unix(), ID: last.ID})
	return list, ListCursor(base64.RawURLEncoding.EncodeToString(b)), nil
}

// decodeDeadlineCursor reads a ListByDeadline cursor strictly.
func decodeDeadlineCursor(c ListCursor) (deadlinePos, error) {
	var p deadlinePos
	raw, err := base64.RawURLEncoding.DecodeString(string(c))
	if err != nil || len(raw) > 256 {
		return p, ErrBadCursor
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if dec.Decode(&p) != nil || dec.More() || p.ActionBy <= 0 || !validCursorID(p.ID) {
		return p, ErrBadCursor
	}
	return p, nil
}
