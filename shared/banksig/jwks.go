package banksig

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/coop-ob/connector/shared/jws"
)

// errJWKS is wrapped by every failure to fetch or read a JWKS URL.
var errJWKS = errors.New("banksig: bank JWKS")

// maxJWKS bounds a JWKS body.
const maxJWKS = 1 << 20

type fetched struct {
	keys KeySet
	at   time.Time
}

// KeySet is jws.KeySet, named here for the cache.
type KeySet = jws.KeySet

// jwks returns the keys published at url: cached for CacheTTL, fetched again
// when force is set and the cache is older than MinRefetch. A failed fetch
// keeps serving the cached keys while they are fresh.
func (c *Checker) jwks(ctx context.Context, url string, force bool) (KeySet, error) {
	now := c.now()
	ttl := c.CacheTTL
	if ttl <= 0 {
		ttl = DefaultCacheTTL
	}
	c.mu.Lock()
	f, ok := c.fetched[url]
	c.mu.Unlock()
	fresh := ok && now.Sub(f.at) < ttl
	if fresh && (!force || now.Sub(f.at) < MinRefetch) {
		return f.keys, nil
	}
	keys, err := c.fetch(ctx, url)
	if err != nil {
		if fresh {
			return f.keys, nil
		}
		return nil, err
	}
	c.mu.Lock()
	if c.fetched == nil {
		c.fetched = map[string]fetched{}
	}
	c.fetched[url] = fetched{keys: keys, at: now}
	c.mu.Unlock()
	return keys, nil
}

func (c *Checker) fetch(ctx context.Context, url string) (KeySet, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: bad URL", errJWKS)
	}
	req.Header.Set("Accept", "application/json")
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: fetch failed", errJWKS)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxJWKS+1))
	if err != nil || len(body) > maxJWKS {
		return nil, fmt.Errorf("%w: unreadable or too large", errJWKS)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: HTTP %d", errJWKS, resp.StatusCode)
	}
	keys, err := jws.ParseJWKS(body)
	if err != nil {
		return nil, fmt.Errorf("%w: not a JWKS with an RSA signing key", errJWKS)
	}
	return keys, nil
}
