package config

import "strings"

// DefaultMetricsNamespace is METRICS_NAMESPACE's default: the namespace the connector's
// metrics had before the variable existed (the certificate alarms read it).
const DefaultMetricsNamespace = "CoopConnector"

// namespace reads a CloudWatch namespace: 1 to 255 of A-Z a-z 0-9 . - _ / # :, not starting
// with "AWS/" (reserved for AWS's own services). Checked by hand, not with a regexp: nothing is
// compiled at cold start for it.
func (r *reader) namespace(name string) string {
	v := strings.TrimSpace(r.getenv(name))
	if v == "" {
		return DefaultMetricsNamespace
	}
	ok := len(v) <= 255 && !strings.HasPrefix(v, "AWS/")
	for _, c := range v {
		ok = ok && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune(".-_/#:", c))
	}
	if !ok {
		r.fail(name, "must be a CloudWatch namespace: 1-255 of A-Z a-z 0-9 . - _ / # :, not starting with AWS/")
		return ""
	}
	return v
}
