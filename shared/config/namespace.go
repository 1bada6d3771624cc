package config

import (
	"regexp"
	"strings"
)

// DefaultMetricsNamespace is METRICS_NAMESPACE's default: the namespace the connector's
// metrics had before the variable existed (the certificate alarms read it).
const DefaultMetricsNamespace = "CoopConnector"

// namespaceChars is what a CloudWatch namespace may hold (alphanumerics and . - _ / # :).
var namespaceChars = regexp.MustCompile(`^[A-Za-z0-9.\-_/#:]{1,255}$`)

// namespace reads a CloudWatch namespace: up to 255 of namespaceChars, not starting with
// "AWS/" (reserved for AWS's own services).
func (r *reader) namespace(name string) string {
	v := strings.TrimSpace(r.getenv(name))
	if v == "" {
		return DefaultMetricsNamespace
	}
	if !namespaceChars.MatchString(v) || strings.HasPrefix(v, "AWS/") {
		r.fail(name, "must be a CloudWatch namespace: 1-255 of A-Z a-z 0-9 . - _ / # :, not starting with AWS/")
		return ""
	}
	return v
}
