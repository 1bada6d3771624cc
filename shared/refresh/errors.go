package refresh

import "errors"

// Sentinel outcomes of Refresh, RefreshIfDue, KeepAlive and Valid. Match them with errors.Is.
var (
	// ErrReauthRequired: the bank answered invalid_grant (refresh token revoked,
	// expired or reused); the consent is now ReauthRequired and the PSU must
	// authorise it again (action reauthenticate). The *oauth.Error is wrapped too.
	ErrReauthRequired = errors.New("refresh: consent must be re-authorised")
	// ErrExpired: the stored refresh token has lapsed (RefreshExpiresAt passed);
	// the consent is now Expired. The bank was not called.
	ErrExpired = errors.New("refresh: refresh token expired")
	// ErrBusy: another worker holds the consent's refresh lease.
	ErrBusy = errors.New("refresh: another worker is refreshing this consent")
	// ErrNoTime: the caller's deadline leaves less than Refresher.MinRemaining,
	// too little for a bank call and the writes; nothing was done (retry later).
	ErrNoTime = errors.New("refresh: too little time left to refresh")
	// ErrNotDue: RefreshIfDue or KeepAlive found the tokens no longer due
	// (another run refreshed them, or they are backing off), or KeepAlive
	// found their refresh token no longer near its expiry; nothing changed.
	ErrNotDue = errors.New("refresh: tokens are not due")
	// ErrNoRefreshToken: the consent has no refresh token (a payments consent's
	// authorisation issues none); it leaves the refresh index.
	ErrNoRefreshToken = errors.New("refresh: consent has no refresh token")
)
