package consent

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
)

// ListCursor is an opaque position in an owner's list of consents
// (ListConsents), safe to hand to a client; "" is the start. (Cursor is the
// in-process position of the refresh index's reads.) It names the last consent returned (its creation time and
// id), never a token or another owner's data; it is only meaningful with the
// owner it was issued for.
type ListCursor string

// ErrBadCursor: a ListCursor that ListConsents did not issue.
var ErrBadCursor = errors.New("consent: bad cursor")

// cursorPos is what a ListCursor encodes (base64url JSON).
type cursorPos struct {
	CreatedAt string `json:"c"`
	ID        string `json:"i"`
}

// ListConsents returns one page of owner's consents, oldest first, through
// the owner index (never a Scan): at most limit (≥ 1) consents after cursor,
// and the cursor of the next page, "" when there is none. The index is
// eventually consistent, so a consent created a moment ago may be missing
// for a short while. A cursor it did not issue answers ErrBadCursor.
func (s *Store) ListConsents(ctx context.Context, owner string, limit int32, cursor ListCursor) ([]Consent, ListCursor, error) {
	return s.ListConsentsWithStatus(ctx, owner, "", limit, cursor)
}

// ListConsentsWithStatus is ListConsents of the consents in status only
// ("" for all). The status is a filter on the owner index, not a key: a page
// reads every consent of the owner up to the page's end, whatever its status.
func (s *Store) ListConsentsWithStatus(ctx context.Context, owner, status string, limit int32, cursor ListCursor) ([]Consent, ListCursor, error) {
	if limit < 1 {
		return nil, "", fmt.Errorf("list consents: limit %d, want at least 1", limit)
	}
	e := newExpr()
	in := &dynamodb.QueryInput{
		TableName: aws.String(s.table), IndexName: aws.String(OwnerIndex),
		KeyConditionExpression: aws.String(e.n("owner") + " = " + e.v(str(owner))),
	}
	if status != "" {
		in.FilterExpression = aws.String(e.n("status") + " = " + e.v(str(status)))
	}
	in.ExpressionAttributeNames, in.ExpressionAttributeValues = e.names, e.values
	if cursor != "" {
		pos, err := decodeCursor(cursor)
		if err != nil {
			return nil, "", err
		}
		k := key(consentPK(pos.ID), skMeta)
		k["owner"], k["createdAt"] = str(owner), str(pos.CreatedAt)
		in.ExclusiveStartKey = k
	}
	list, more, err := s.queryPage(ctx, in, limit)
	if err != nil || !more {
		return list, "", wrapList("list consents", err)
	}
	last := list[limit-1]
	return list, encodeCursor(cursorPos{CreatedAt: last.CreatedAt.UTC().Format(timeLayout), ID: last.ID}), nil
}

// queryPage reads up to limit consents of the index query in, and whether
// more follow. One more than asked tells whether a next page exists. A query
// page also ends at 1 MB (consents carry their request bytes), so it reads on
// until enough items came back or the index has no more.
func (s *Store) queryPage(ctx context.Context, in *dynamodb.QueryInput, limit int32) ([]Consent, bool, error) {
	var list []Consent
	for len(list) <= int(limit) {
		in.Limit = aws.Int32(limit + 1 - int32(len(list)))
		out, err := s.api.Query(ctx, in)
		if err != nil {
			return nil, false, fmt.Errorf("query: %w", err)
		}
		for _, item := range out.Items {
			var c Consent
			if err := unmarshal(item, &c); err != nil {
				return nil, false, fmt.Errorf("unmarshal: %w", err)
			}
			list = append(list, c)
		}
		if len(out.LastEvaluatedKey) == 0 {
			break
		}
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
	if len(list) <= int(limit) {
		return list, false, nil
	}
	return list[:limit], true, nil
}

// wrapList names the listing in err (nil stays nil).
func wrapList(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", op, err)
}

func encodeCursor(p cursorPos) ListCursor {
	b, _ := json.Marshal(p) // two strings: cannot fail
	return ListCursor(base64.RawURLEncoding.EncodeToString(b))
}

// decodeCursor reads a ListCursor strictly: base64url JSON with exactly its two
// fields, a creation time in the stored layout, and a plausible id.
func decodeCursor(c ListCursor) (cursorPos, error) {
	var p cursorPos
	raw, err := base64.RawURLEncoding.DecodeString(string(c))
	if err != nil || len(raw) > 256 {
		return p, ErrBadCursor
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if dec.Decode(&p) != nil || dec.More() {
		return p, ErrBadCursor
	}
	t, err := time.Parse(timeLayout, p.CreatedAt)
	if err != nil || t.UTC().Format(timeLayout) != p.CreatedAt || !validCursorID(p.ID) {
		return p, ErrBadCursor
	}
	return p, nil
}

// validCursorID accepts what a consent id looks like (the bank's UUID, or a
// test's short id): 1–64 letters, digits, '-' and '_'.
func validCursorID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
