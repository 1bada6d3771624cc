package seal

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/awsapi/kms/types"
)

// KMS is the part of *kms.Client a Sealer uses.
type KMS interface {
	GenerateDataKey(ctx context.Context, in *kms.GenerateDataKeyInput, optFns ...func(*kms.Options)) (*kms.GenerateDataKeyOutput, error)
	Decrypt(ctx context.Context, in *kms.DecryptInput, optFns ...func(*kms.Options)) (*kms.DecryptOutput, error)
}

// Defaults of the data key's reuse bounds (Settings).
const (
	DefaultMaxAge  = 15 * time.Minute
	DefaultMaxUses = 10000
	// cacheLimit bounds the decrypted data keys kept; past it the cache
	// starts afresh (one more Decrypt per key still in use).
	cacheLimit = 1024
)

// version is the first byte of every sealed blob.
const version byte = 1

var (
	// ErrUnavailable wraps a KMS failure: nothing was sealed or opened;
	// the caller answers retry-later and writes nothing.
	ErrUnavailable = errors.New("seal: key service unavailable")
	// ErrOpen is a sealed value that does not open for this item and
	// attribute (copied from elsewhere, altered or malformed).
	ErrOpen = errors.New("seal: value does not open here")
)

// Settings bound how long and how often one data key is used.
type Settings struct {
	MaxAge  time.Duration // zero: DefaultMaxAge
	MaxUses int           // zero: DefaultMaxUses
}

// Sealer seals and opens values under one KMS key. It is safe for
// concurrent use.
type Sealer struct {
	kms     KMS
	keyID   string
	context map[string]string
	set     Settings
	// Now is the clock of the data key's age.
	Now func() time.Time

	mu      sync.Mutex
	current *dataKey
	cache   map[string]cipher.AEAD // by the data key's KMS ciphertext
}

type dataKey struct {
	aead    cipher.AEAD
	wrapped []byte
	born    time.Time
	uses    int
}

// Context is the fixed encryption context of a stack's table and purpose.
func Context(table, purpose string) map[string]string {
	return map[string]string{"table": table, "purpose": purpose}
}

// New returns a Sealer using the KMS key keyID with the encryption context ec.
func New(api KMS, keyID string, ec map[string]string, set Settings) *Sealer {
	if set.MaxAge <= 0 {
		set.MaxAge = DefaultMaxAge
	}
	if set.MaxUses <= 0 {
		set.MaxUses = DefaultMaxUses
	}
	return &Sealer{kms: api, keyID: keyID, context: ec, set: set, Now: time.Now, cache: map[string]cipher.AEAD{}}
}

// held is a data key Hold took, carried by a context for its Sealer.
type held struct {
	s *Sealer
	k *dataKey
}

type heldKey struct{}

// Hold takes a data key now (from KMS if the current one is spent) and
// returns a context that carries it: every Seal under that context uses it,
// whatever its age or uses by then, and needs no KMS request. A caller about
// to take an irreversible step whose result must be stored sealed (a refresh
// token sent to the bank, which may rotate it; an authorization code
// exchanged) holds a key first, so KMS failing after the bank answered
// cannot lose what it answered. The hold lasts as long as the context: one
// call's writes.
func (s *Sealer) Hold(ctx context.Context) (context.Context, error) {
	k, err := s.key(ctx)
	if err != nil {
		return ctx, err
	}
	return context.WithValue(ctx, heldKey{}, held{s: s, k: k}), nil
}

// Seal encrypts plain bound to aad (the item and attribute): version,
// length-prefixed wrapped data key, nonce, ciphertext.
func (s *Sealer) Seal(ctx context.Context, plain, aad []byte) ([]byte, error) {
	var k *dataKey
	if h, ok := ctx.Value(heldKey{}).(held); ok && h.s == s {
		k = h.k
	} else {
		var err error
		if k, err = s.key(ctx); err != nil {
			return nil, err
		}
	}
	nonce := make([]byte, k.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("seal: nonce: %w", err)
	}
	out := make([]byte, 0, 3+len(k.wrapped)+len(nonce)+len(plain)+k.aead.Overhead())
	out = append(out, version)
	out = binary.BigEndian.AppendUint16(out, uint16(len(k.wrapped)))
	out = append(out, k.wrapped...)
	out = append(out, nonce...)
	return k.aead.Seal(out, nonce, plain, aad), nil
}

// Open decrypts a value Seal made for the same aad.
func (s *Sealer) Open(ctx context.Context, sealed, aad []byte) ([]byte, error) {
	if len(sealed) < 3 || sealed[0] != version {
		return nil, ErrOpen
	}
	n := int(binary.BigEndian.Uint16(sealed[1:3]))
	if len(sealed) < 3+n {
		return nil, ErrOpen
	}
	wrapped, rest := sealed[3:3+n], sealed[3+n:]
	aead, err := s.unwrap(ctx, wrapped)
	if err != nil {
		return nil, err
	}
	if len(rest) < aead.NonceSize() {
		return nil, ErrOpen
	}
	plain, err := aead.Open(nil, rest[:aead.NonceSize()], rest[aead.NonceSize():], aad)
	if err != nil {
		return nil, ErrOpen
	}
	return plain, nil
}

// key returns the current data key, asking KMS for a new one when there is
// none or it is past its age or uses.
func (s *Sealer) key(ctx context.Context) (*dataKey, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.Now()
	if k := s.current; k != nil && k.uses < s.set.MaxUses && now.Sub(k.born) < s.set.MaxAge {
		k.uses++
		return k, nil
	}
	out, err := s.kms.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{
		KeyId: aws.String(s.keyID), KeySpec: types.DataKeySpecAes256, EncryptionContext: s.context,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: generate data key: %w", ErrUnavailable, err)
	}
	aead, err := newAEAD(out.Plaintext)
	if err != nil {
		return nil, fmt.Errorf("%w: data key: %w", ErrUnavailable, err)
	}
	k := &dataKey{aead: aead, wrapped: out.CiphertextBlob, born: now, uses: 1}
	s.current = k
	s.remember(string(k.wrapped), aead)
	return k, nil
}

// unwrap returns the cipher of a wrapped data key: cached, or one KMS Decrypt.
func (s *Sealer) unwrap(ctx context.Context, wrapped []byte) (cipher.AEAD, error) {
	s.mu.Lock()
	aead, ok := s.cache[string(wrapped)]
	s.mu.Unlock()
	if ok {
		return aead, nil
	}
	out, err := s.kms.Decrypt(ctx, &kms.DecryptInput{
		CiphertextBlob: wrapped, KeyId: aws.String(s.keyID), EncryptionContext: s.context,
	})
	if err != nil {
		var bad *types.InvalidCiphertextException
		if errors.As(err, &bad) {
			return nil, ErrOpen
		}
		return nil, fmt.Errorf("%w: decrypt data key: %w", ErrUnavailable, err)
	}
	aead, err = newAEAD(out.Plaintext)
	if err != nil {
		return nil, ErrOpen
	}
	s.mu.Lock()
	s.remember(string(wrapped), aead)
	s.mu.Unlock()
	return aead, nil
}

// remember caches a data key's cipher (s.mu held).
func (s *Sealer) remember(wrapped string, aead cipher.AEAD) {
	if len(s.cache) >= cacheLimit {
		s.cache = map[string]cipher.AEAD{}
	}
	s.cache[wrapped] = aead
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("data key of %d bytes", len(key))
	}
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}
