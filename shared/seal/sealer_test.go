package seal_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscreds "github.com/aws/aws-sdk-go-v2/credentials"
	sdkkms "github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/coop-ob/connector/dev/testenv"
	"github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/seal"
)

// counting is kumo's KMS with a count of each call.
type counting struct {
	seal.KMS
	gen, dec atomic.Int64
	fail     error
}

func (c *counting) GenerateDataKey(ctx context.Context, in *kms.GenerateDataKeyInput, o ...func(*kms.Options)) (*kms.GenerateDataKeyOutput, error) {
	c.gen.Add(1)
	if c.fail != nil {
		return nil, c.fail
	}
	return c.KMS.GenerateDataKey(ctx, in, o...)
}

func (c *counting) Decrypt(ctx context.Context, in *kms.DecryptInput, o ...func(*kms.Options)) (*kms.DecryptOutput, error) {
	c.dec.Add(1)
	if c.fail != nil {
		return nil, c.fail
	}
	return c.KMS.Decrypt(ctx, in, o...)
}

func kumoKey(t *testing.T) (*counting, string) {
	t.Helper()
	cfg := aws.Config{Region: "eu-west-2", Credentials: awscreds.NewStaticCredentialsProvider("test", "test", "")}
	out, err := sdkkms.NewFromConfig(cfg, func(o *sdkkms.Options) { o.BaseEndpoint = aws.String(testenv.KumoURL()) }).
		CreateKey(context.Background(), &sdkkms.CreateKeyInput{})
	if err != nil {
		t.Fatalf("create key: %v", err)
	}
	client := kms.NewFromConfig(cfg, func(o *kms.Options) { o.Endpoint = testenv.KumoURL() }) // the connector's
	return &counting{KMS: client}, *out.KeyMetadata.KeyId
}

func TestSealOpenRoundTripAndBinding(t *testing.T) {
	ctx := context.Background()
	api, keyID := kumoKey(t)
	s := seal.New(api, keyID, seal.Context("tbl", "tokens"), seal.Settings{})
	aad := []byte("tbl|CONSENT#a|TOKEN|accessToken")
	sealed, err := s.Seal(ctx, []byte("access-1"), aad)
	if err != nil {
		t.Fatal(err)
	}
	if string(sealed) == "access-1" || len(sealed) < 40 {
		t.Fatalf("sealed value looks plain: %q", sealed)
	}
	got, err := s.Open(ctx, sealed, aad)
	if err != nil || string(got) != "access-1" {
		t.Fatalf("Open = %q, %v", got, err)
	}
	for name, other := range map[string][]byte{
		"other item":      []byte("tbl|CONSENT#b|TOKEN|accessToken"),
		"other attribute": []byte("tbl|CONSENT#a|TOKEN|refreshToken"),
		"other table":     []byte("tbl2|CONSENT#a|TOKEN|accessToken"),
	} {
		if _, err := s.Open(ctx, sealed, other); !errors.Is(err, seal.ErrOpen) {
			t.Errorf("%s: Open err = %v, want ErrOpen", name, err)
		}
	}
	// A second container (a fresh Sealer) opens it too, with one Decrypt.
	s2 := seal.New(api, keyID, seal.Context("tbl", "tokens"), seal.Settings{})
	if got, err := s2.Open(ctx, sealed, aad); err != nil || string(got) != "access-1" {
		t.Fatalf("other container Open = %q, %v", got, err)
	}
	for name, bad := range map[string][]byte{"empty": nil, "truncated": sealed[:10], "flipped": flip(sealed)} {
		if _, err := s.Open(ctx, bad, aad); !errors.Is(err, seal.ErrOpen) {
			t.Errorf("%s: Open err = %v, want ErrOpen", name, err)
		}
	}
}

func flip(b []byte) []byte {
	c := append([]byte(nil), b...)
	c[len(c)-1] ^= 1
	return c
}

// One data key serves many values within its bounds; a new one is asked for
// past MaxUses or MaxAge; opening values of one data key in another
// container costs one Decrypt, not one per value.
func TestDataKeyReuseAndCache(t *testing.T) {
	ctx := context.Background()
	api, keyID := kumoKey(t)
	now := time.Unix(1_800_000_000, 0)
	s := seal.New(api, keyID, seal.Context("tbl", "tokens"), seal.Settings{MaxUses: 5, MaxAge: time.Minute})
	s.Now = func() time.Time { return now }
	var sealed [][]byte
	for i := range 5 {
		v, err := s.Seal(ctx, []byte{byte(i)}, []byte("aad"))
		if err != nil {
			t.Fatal(err)
		}
		sealed = append(sealed, v)
	}
	if n := api.gen.Load(); n != 1 {
		t.Fatalf("GenerateDataKey calls for 5 values = %d, want 1", n)
	}
	if _, err := s.Seal(ctx, []byte("x"), []byte("aad")); err != nil {
		t.Fatal(err)
	}
	if n := api.gen.Load(); n != 2 {
		t.Fatalf("after MaxUses: GenerateDataKey calls = %d, want 2", n)
	}
	now = now.Add(time.Minute)
	if _, err := s.Seal(ctx, []byte("y"), []byte("aad")); err != nil {
		t.Fatal(err)
	}
	if n := api.gen.Load(); n != 3 {
		t.Fatalf("after MaxAge: GenerateDataKey calls = %d, want 3", n)
	}
	reader := seal.New(api, keyID, seal.Context("tbl", "tokens"), seal.Settings{})
	for range 3 {
		for i, v := range sealed {
			if got, err := reader.Open(ctx, v, []byte("aad")); err != nil || got[0] != byte(i) {
				t.Fatalf("Open %d = %v, %v", i, got, err)
			}
		}
	}
	if n := api.dec.Load(); n != 1 {
		t.Fatalf("Decrypt calls for 15 opens of one data key = %d, want 1", n)
	}
	if _, err := s.Open(ctx, sealed[0], []byte("aad")); err != nil {
		t.Fatal(err)
	}
	if n := api.dec.Load(); n != 1 {
		t.Fatalf("the sealing container asked KMS to decrypt its own data key: %d calls", n)
	}
}

// A KMS failure is ErrUnavailable: no value comes back to be written.
func TestKMSFailureIsUnavailable(t *testing.T) {
	ctx := context.Background()
	api, keyID := kumoKey(t)
	api.fail = errors.New("throttled")
	s := seal.New(api, keyID, seal.Context("tbl", "tokens"), seal.Settings{})
	v, err := s.Seal(ctx, []byte("secret"), []byte("aad"))
	if !errors.Is(err, seal.ErrUnavailable) || v != nil {
		t.Fatalf("Seal = %q, %v; want nil, ErrUnavailable", v, err)
	}
}
