package dynamodb

import (
	"context"
	"crypto/rand"
	"fmt"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// TransactWriteItemsInput writes up to 100 actions atomically.
type TransactWriteItemsInput struct {
	TransactItems []types.TransactWriteItem `json:",omitzero"`
	// ClientRequestToken makes the call idempotent (for 10 minutes); when nil, TransactWriteItems
	// sets a new random one, as the SDK does, so that the retries of one call carry the same
	// token and a retry of a write whose answer was lost is not applied twice.
	ClientRequestToken          *string                           `json:",omitzero"`
	ReturnConsumedCapacity      types.ReturnConsumedCapacity      `json:",omitzero"`
	ReturnItemCollectionMetrics types.ReturnItemCollectionMetrics `json:",omitzero"`
}

// TransactWriteItemsOutput is the answer of a transaction that succeeded.
type TransactWriteItemsOutput struct {
	ConsumedCapacity      []types.ConsumedCapacity
	ItemCollectionMetrics map[string][]types.ItemCollectionMetrics
}

// TransactWriteItems writes in.TransactItems atomically; a cancelled transaction's error is a
// *types.TransactionCanceledException with one reason per action.
func (c *Client) TransactWriteItems(ctx context.Context, in *TransactWriteItemsInput, optFns ...func(*Options)) (*TransactWriteItemsOutput, error) {
	if in != nil && in.ClientRequestToken == nil {
		token, err := newToken()
		if err != nil {
			return nil, err
		}
		in.ClientRequestToken = &token
	}
	return call[TransactWriteItemsOutput](ctx, c, "TransactWriteItems", in, optFns)
}

// newToken is a random (version 4) UUID, the SDK's idempotency token.
func newToken() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("idempotency token: %w", err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:]), nil
}
