// Package emf writes CloudWatch embedded metric format (EMF) lines: one JSON object per line
// on the function's stdout, which Lambda's log agent turns into metrics without an API call.
// Every metric is in the connector's namespace and carries the Environment dimension.
package emf

import (
	"encoding/json"
	"io"
	"slices"
	"time"
)

// Namespace is the CloudWatch namespace of every metric the connector emits
// (template.yaml's alarms read CertificateDaysToExpiry from it).
const Namespace = "CoopConnector"

// Metric is one value of an embedded-metric-format line.
type Metric struct {
	Name  string
	Unit  string // CloudWatch unit: Count, Milliseconds, None
	Value float64
}

// DimEnvironment is the dimension every metric carries: the ENVIRONMENT the
// function runs in (sandbox | production), so that a sandbox and a production
// stack in one account never feed each other's alarms.
const DimEnvironment = "Environment"

// level is the "level" of every EMF line. Lambda's log-level filter (JSON
// log format) reads that member and counts a line without one as INFO, so the
// metric lines reach CloudWatch Logs only while ApplicationLogLevel is INFO or
// more detailed (template.yaml keeps it at INFO; docs/configuration.md).
const level = "INFO"

// Write writes one CloudWatch embedded metric format line
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
// a raw JSON object with the _aws metadata, the dimension values, the metric
// values as top-level members and "level" (level). The dimension set lists
// the dimension names sorted. Lambda's log agent turns it into metrics; it
// must not be wrapped by the logger.
func Write(w io.Writer, at time.Time, dims map[string]string, metrics []Metric) error {
	type def struct {
		Name string `json:"Name"`
		Unit string `json:"Unit"`
	}
	keys := make([]string, 0, len(dims))
	line := map[string]any{"level": level}
	for k, v := range dims {
		keys = append(keys, k)
		line[k] = v
	}
	slices.Sort(keys)
	defs := make([]def, len(metrics))
	for i, m := range metrics {
		defs[i] = def{m.Name, m.Unit}
		line[m.Name] = m.Value
	}
	line["_aws"] = map[string]any{
		"Timestamp": at.UnixMilli(),
		"CloudWatchMetrics": []any{map[string]any{
			"Namespace":  Namespace,
			"Dimensions": [][]string{keys},
			"Metrics":    defs,
		}},
	}
	b, err := json.Marshal(line)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
