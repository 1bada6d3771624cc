package setup

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/coop-ob/connector/shared/awsapi/secretsmanager"
	"github.com/coop-ob/connector/shared/credentials"
)

// heldSecrets answers GetSecretValue only once release is closed, telling started first.
type heldSecrets struct {
	started chan struct{}
	release chan struct{}
}

func (h *heldSecrets) GetSecretValue(ctx context.Context, _ *secretsmanager.GetSecretValueInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error) {
	h.started <- struct{}{}
	<-h.release
	return nil, errors.New("no secret here")
}

// TestPrefetchCredentials: PrefetchCredentials returns at once and reads the secret in the
// background; it is not left waiting on the caller.
func TestPrefetchCredentials(t *testing.T) {
	t.Parallel()
	api := &heldSecrets{started: make(chan struct{}, 1), release: make(chan struct{})}
	defer close(api.release)
	d := &Deps{Credentials: credentials.NewSource(api, "secret", time.Minute, slog.New(slog.NewTextHandler(io.Discard, nil)))}
	returned := make(chan struct{})
	go func() {
		d.PrefetchCredentials()
		close(returned)
	}()
	select {
	case <-returned:
	case <-time.After(5 * time.Second):
		t.Fatal("PrefetchCredentials waited for the secret")
	}
	select {
	case <-api.started:
	case <-time.After(5 * time.Second):
		t.Fatal("no read of the secret started")
	}
}
