package exchange

import (
	"errors"

	"github.com/coop-ob/connector/shared/awserr"
	"github.com/coop-ob/connector/shared/oauth"
)

// ErrNotSent marks a Complete failure from before the token request left: reading the consent
// or the client's credentials (the secret) failed. The code is unused.
var ErrNotSent = errors.New("exchange: code not sent")

// Transient reports whether a Complete failure may pass on another attempt with the same code:
// a token-endpoint failure oauth.IsTransient reports (check oauth.MayHaveBeenProcessed first: a
// code whose answer was lost is never sent again), or the store or the credentials secret
// failing transiently before the code was sent (awserr.Transient).
func Transient(err error) bool {
	return oauth.IsTransient(err) || (errors.Is(err, ErrNotSent) && awserr.Transient(err))
}
