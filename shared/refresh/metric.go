package refresh

import (
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/oauth"
)

// grantResult is the Refreshes metric's Result for a refresh-token grant that ended with err:
// a refusal (invalid_grant) is what a bank-wide re-consent looks like, so the template alarms
// on its spike.
func grantResult(err error) string {
	switch {
	case err == nil:
		return metrics.RefreshRefreshed
	case oauth.IsInvalidGrant(err):
		return metrics.RefreshRefused
	}
	return metrics.RefreshFailed
}
