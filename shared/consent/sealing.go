package consent

import (
	"context"
	"fmt"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

// secretAttributes are the attributes that hold secrets: the bank tokens,
// a pending authorization code and a PKCE verifier. With a Sealer they are
// written sealed (binary) and opened after every read.
var secretAttributes = []string{"accessToken", "refreshToken", "code", "verifier"}

// Sealer seals and opens secret values bound to additional data
// (*seal.Sealer).
type Sealer interface {
	Seal(ctx context.Context, plain, aad []byte) ([]byte, error)
	Open(ctx context.Context, sealed, aad []byte) ([]byte, error)
}

// keyHolder is a Sealer that can hold a data key for a call's later seals
// (*seal.Sealer).
type keyHolder interface {
	Hold(ctx context.Context) (context.Context, error)
}

// HoldSealKey makes the seals of writes made under the returned context
// need no KMS request: call it before a bank call whose answer must be
// stored (a refresh, a code exchange), and write under the context it
// returns (or one derived from it). Without a Sealer, or one that cannot
// hold, ctx is returned as it is. An error (KMS unavailable, wrapping
// seal.ErrUnavailable) means: do not make the bank call, retry later.
func (s *Store) HoldSealKey(ctx context.Context) (context.Context, error) {
	h, ok := s.Sealer.(keyHolder)
	if !ok {
		return ctx, nil
	}
	hctx, err := h.Hold(ctx)
	if err != nil {
		return ctx, fmt.Errorf("hold seal key: %w", err)
	}
	return hctx, nil
}

// aad binds a sealed value to this table, item and attribute: copied to
// another item or attribute, it does not open.
func (s *Store) aad(pk, sk, attr string) []byte {
	return []byte(s.table + "\x00" + pk + "\x00" + sk + "\x00" + attr)
}

// sealValue is the stored form of a secret attribute: sealed binary with a
// Sealer, the plain string without one.
func (s *Store) sealValue(ctx context.Context, pk, sk, attr, v string) (types.AttributeValue, error) {
	if s.Sealer == nil {
		return str(v), nil
	}
	b, err := s.Sealer.Seal(ctx, []byte(v), s.aad(pk, sk, attr))
	if err != nil {
		return nil, fmt.Errorf("seal %s: %w", attr, err)
	}
	return &types.AttributeValueMemberB{Value: b}, nil
}

// sealItem seals the secret attributes of an item about to be written.
func (s *Store) sealItem(ctx context.Context, item map[string]types.AttributeValue, pk, sk string) error {
	for _, a := range secretAttributes {
		v, ok := item[a].(*types.AttributeValueMemberS)
		if !ok {
			continue
		}
		sealed, err := s.sealValue(ctx, pk, sk, a, v.Value)
		if err != nil {
			return err
		}
		item[a] = sealed
	}
	return nil
}

// openItem opens the sealed secret attributes of an item read from the
// table, in place. A value written before sealing (a string) is kept as it
// is; the next write of the item seals it. A sealed value that does not
// open here (copied from another item, altered) is an error wrapping
// seal.ErrOpen; a KMS failure wraps seal.ErrUnavailable.
func (s *Store) openItem(ctx context.Context, item map[string]types.AttributeValue, pk, sk string) error {
	for _, a := range secretAttributes {
		v, ok := item[a].(*types.AttributeValueMemberB)
		if !ok {
			continue
		}
		if s.Sealer == nil {
			return fmt.Errorf("open %s: %w", a, ErrNoSealer)
		}
		plain, err := s.Sealer.Open(ctx, v.Value, s.aad(pk, sk, a))
		if err != nil {
			return fmt.Errorf("open %s: %w", a, err)
		}
		item[a] = str(string(plain))
	}
	return nil
}

// OpenItem opens, in place, the sealed secret attributes of an item read
// from the table outside the store (a Scan by a tool or a test); the item
// must carry its keys.
func (s *Store) OpenItem(ctx context.Context, item map[string]types.AttributeValue) error {
	pk, _ := item["pk"].(*types.AttributeValueMemberS)
	sk, _ := item["sk"].(*types.AttributeValueMemberS)
	if pk == nil || sk == nil {
		return fmt.Errorf("open item: no keys")
	}
	return s.openItem(ctx, item, pk.Value, sk.Value)
}
