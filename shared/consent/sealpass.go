package consent

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// ScanAPI is the Scan of *dynamodb.Client, which only the sealing pass uses.
type ScanAPI interface {
	Scan(ctx context.Context, in *dynamodb.ScanInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ScanOutput, error)
}

// SealPage is what one step of the sealing pass did.
type SealPage struct {
	// Next is where the next step starts: the key of the last item read; nil when the step
	// reached the table's end.
	Next    map[string]types.AttributeValue
	Scanned int // items read
	// Plain counts the items found with a secret stored plain: those the step sealed and those
	// rewritten between its read and its write (which it leaves to that write).
	Plain  int
	Sealed int // items the step sealed
	// Retired counts the consents the step found closed by a release that kept their tokens and
	// set no TTL, and gave what a close now does (retire).
	Retired int
}

// SealPlain is one bounded step of the upgrade's sealing pass: it reads one Scan page of at
// most limit items from start (nil: the table's beginning), projected to the keys and the
// secret attributes, and seals, in place, every secret attribute still stored plain (written
// by a release without sealing). Each item is one UpdateItem conditional on the plain values
// it read, so a concurrent write (which seals) is never overwritten with an older value: that
// item is skipped. Without a Sealer it does nothing.
func (s *Store) SealPlain(ctx context.Context, scan ScanAPI, start map[string]types.AttributeValue, limit int32) (SealPage, error) {
	if s.Sealer == nil {
		return SealPage{}, nil
	}
	e := newExpr()
	proj := []string{e.n("pk"), e.n("sk")}
	for _, a := range secretAttributes {
		proj = append(proj, e.n(a))
	}
	proj = append(proj, e.n("status"), e.n("ttl"))
	out, err := scan.Scan(ctx, &dynamodb.ScanInput{
		TableName: aws.String(s.table), ExclusiveStartKey: start, Limit: aws.Int32(limit),
		ProjectionExpression: aws.String(strings.Join(proj, ", ")), ExpressionAttributeNames: e.names,
	})
	if err != nil {
		return SealPage{}, fmt.Errorf("seal pass: scan: %w", err)
	}
	p := SealPage{Next: out.LastEvaluatedKey, Scanned: len(out.Items)}
	for _, item := range out.Items {
		retired, err := s.retire(ctx, item)
		if err != nil {
			return p, err
		}
		if retired {
			p.Retired++
		}
		plain, sealed, err := s.sealPlainItem(ctx, item)
		if err != nil {
			return p, err
		}
		if plain {
			p.Plain++
		}
		if sealed {
			p.Sealed++
		}
	}
	return p, nil
}

// sealPlainItem seals the plain secret attributes of item (as scanned) by one conditional
// update. plain: it had one; sealed: this call sealed them (false when the item was rewritten
// meanwhile).
func (s *Store) sealPlainItem(ctx context.Context, item map[string]types.AttributeValue) (plain, sealed bool, err error) {
	pk, _ := item["pk"].(*types.AttributeValueMemberS)
	sk, _ := item["sk"].(*types.AttributeValueMemberS)
	if pk == nil || sk == nil {
		return false, false, nil
	}
	e := newExpr()
	cond := ""
	for _, a := range secretAttributes {
		v, ok := item[a].(*types.AttributeValueMemberS)
		if !ok {
			continue
		}
		sv, err := s.sealValue(ctx, pk.Value, sk.Value, a, v.Value)
		if err != nil {
			return true, false, fmt.Errorf("seal pass: %w", err)
		}
		if cond != "" {
			cond += " AND "
		}
		cond += e.n(a) + " = " + e.v(v)
		e.set(a, sv)
	}
	if cond == "" {
		return false, false, nil
	}
	_, err = s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(s.table), Key: key(pk.Value, sk.Value),
		UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values,
	})
	if isConditionFailed(err) {
		return true, false, nil // rewritten meanwhile, sealed by that write
	}
	if err != nil {
		return true, false, fmt.Errorf("seal pass: update: %w", err)
	}
	return true, true, nil
}

// retire gives a consent item (as scanned) that a previous release closed what a close does
// now (UpdateConsent): its tokens and shared accounts deleted and its TTL set, in one
// transaction conditional on the status read and on there being no TTL yet (a consent closed
// by this release has one). Other items, open consents and those already retired are left.
func (s *Store) retire(ctx context.Context, item map[string]types.AttributeValue) (bool, error) {
	pk, _ := item["pk"].(*types.AttributeValueMemberS)
	sk, _ := item["sk"].(*types.AttributeValueMemberS)
	status, _ := item["status"].(*types.AttributeValueMemberS)
	if pk == nil || sk == nil || sk.Value != skMeta || status == nil || !erases(status.Value) || item["ttl"] != nil {
		return false, nil
	}
	id := strings.TrimPrefix(pk.Value, consentPK(""))
	e := newExpr()
	e.set("ttl", num(s.retainUntil(s.Now()).Unix()))
	cond := e.n("status") + " = " + e.v(status) + " AND attribute_not_exists(" + e.n("ttl") + ")"
	items := append([]types.TransactWriteItem{{Update: &types.Update{TableName: aws.String(s.table), Key: key(pk.Value, sk.Value),
		UpdateExpression: e.update(), ConditionExpression: aws.String(cond),
		ExpressionAttributeNames: e.names, ExpressionAttributeValues: e.values}}}, s.endConsent(id)...)
	_, err := s.api.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: items})
	if failed, ok := cancelledAt(err); ok && len(failed) > 0 && failed[0] {
		return false, nil // changed meanwhile: its own write decided
	}
	if err != nil {
		return false, fmt.Errorf("seal pass: retire consent %s: %w", id, err)
	}
	return true, nil
}
