package authflow

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
)

// CallbackPath is the connector's callback route (GET /callback): a redirect URI derived from
// the API's own domain is https://<domain>/callback.
const CallbackPath = "/callback"

// ErrNoRedirectURI: REDIRECT_URI is not configured and the request carries no usable API
// domain to derive it from.
var ErrNoRedirectURI = errors.New("authflow: no redirect URI: REDIRECT_URI is empty and the request has no API domain")

type apiDomainKey struct{}

// WithAPIDomain returns ctx carrying the domain name the request reached the API on: API
// Gateway's requestContext.domainName (the API's own execute-api host, or a custom domain
// mapped to it). API Gateway sets it from the domain it routed by, so a caller cannot make it
// another API's. A handler that may start a journey calls it once per request.
func WithAPIDomain(ctx context.Context, domain string) context.Context {
	return context.WithValue(ctx, apiDomainKey{}, domain)
}

// hostname is a DNS name of at least two labels, without port, path or user.
var hostname = sync.OnceValue(func() *regexp.Regexp { // compiled on first use
	return regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$`)
})

// RedirectURI returns the redirect URI a journey started in ctx sends to the bank: configured
// (REDIRECT_URI: a custom domain, or a local run) when set, else https://<API domain>/callback,
// the same URL as the stack's CallbackUrl output. The journey's session stores it, so that the
// code exchange, retried or not, sends the very same redirect_uri. ErrNoRedirectURI when
// neither is known.
func RedirectURI(ctx context.Context, configured string) (string, error) {
	if configured != "" {
		return configured, nil
	}
	domain, _ := ctx.Value(apiDomainKey{}).(string)
	domain = strings.ToLower(strings.TrimSuffix(domain, "."))
	if !hostname().MatchString(domain) {
		return "", ErrNoRedirectURI
	}
	return "https://" + domain + CallbackPath, nil
}
