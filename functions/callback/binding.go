package main

import (
	"context"
	"errors"

	"github.com/aws/aws-lambda-go/events"

	"github.com/coop-ob/connector/shared/consent"
)

// errOtherBrowser: the callback arrived in a browser other than the one that opened the
// journey link of a bound journey.
var errOtherBrowser = errors.New("callback: journey opened in another browser")

// checkBrowser reads the session stateHash before it is claimed: a bound journey whose link
// was opened completes only in the browser holding that journey's cookie (errOtherBrowser,
// and nothing is written). A journey whose link was never opened (the app sent the browser
// to the bank's URL itself), an unbound one, and a session stored by an older release
// complete in any browser. Other errors are GetAuthSession's.
func (h *Handler) checkBrowser(ctx context.Context, req events.APIGatewayV2HTTPRequest, stateHash string) error {
	s, err := h.store.GetAuthSession(ctx, stateHash)
	if err != nil {
		return err
	}
	if s.Bind && s.BrowserHash != "" && !holdsBrowser(req, stateHash, s.BrowserHash) {
		h.logger.WarnContext(ctx, "callback refused", "consentId", s.ConsentID, "reason", "other browser")
		return errOtherBrowser
	}
	return nil
}

// journeyByCookie finds the journey of a bank redirect without state (an error redirect, as
// in the bank's own examples) from the browser's journey cookies: a pending session whose
// browser is this one, the most recently opened when there are several. ok is false when
// there is none; err is a store failure that left the answer unknown.
func (h *Handler) journeyByCookie(ctx context.Context, req events.APIGatewayV2HTTPRequest) (stateHash string, ok bool, err error) {
	var best *consent.AuthSession
	for hash, value := range journeyCookies(req) {
		s, gerr := h.store.GetAuthSession(ctx, hash)
		switch {
		case errors.Is(gerr, consent.ErrNotFound), errors.Is(gerr, consent.ErrSessionExpired):
			continue
		case gerr != nil:
			err = gerr
			continue
		}
		if s.Status != consent.SessionPending || s.BrowserHash == "" || s.BrowserHash != hashBrowserSecret(value) {
			continue
		}
		if best == nil || s.OpenedAt.After(best.OpenedAt) {
			best = s
		}
	}
	if best == nil {
		return "", false, err
	}
	return best.StateHash, true, nil
}
