// Package refresh refreshes a consent's bank tokens without ever losing a
// refresh token (docs/bank-rules.md §Refresh tokens; RFC 6749 §6).
//
// The bank's access tokens live 30 minutes and its refresh tokens 30 days
// (General specifications, "Tokens"). Refresh tokens may rotate, and an
// authorisation server like Ory Hydra treats a second use of a spent refresh
// token as theft and revokes the whole chain. So, per consent:
//
//   - one refresh at a time: the store's refresh lease (a conditional write)
//     is taken before the bank is called, by the scheduled tokens function and
//     by the proxy's on-demand refresh alike;
//   - the new tokens are written, conditional on the version read and on the
//     lease still being held, before the lease is released and before the new
//     access token is returned to anybody;
//   - a rotated refresh token replaces the old one; a response without one
//     keeps the old one and its expiry;
//   - a store error writing the new tokens (throttle, 5xx, timeout) is
//     retried briefly: the bank has already spent the old refresh token;
//   - once the lease is taken, the token call and the writes ignore the
//     caller's cancellation (bounded by the Lambda deadline, lambdactx);
//   - after a bank 401, RefreshRejected skips the bank call when the refused
//     access token was already replaced by someone else's refresh;
//   - a transient failure (5xx, 429, timeout, reset) keeps the old tokens and
//     schedules a retry with exponential backoff;
//   - an idle consent is refreshed once, KeepAliveMargin before its refresh
//     token lapses (KeepAlive), so a rotating bank's refresh token never
//     lapses unused;
//   - invalid_grant marks the consent ReauthRequired (action reauthenticate)
//     and takes it out of the refresh index;
//   - a lapsed refresh token marks the consent Expired without calling the bank.
package refresh
