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
	return WriteNS(w, Namespace, at, dims, metrics)
}

// WriteNS is Write in namespace (Namespace when empty): the stack's METRICS_NAMESPACE.
func WriteNS(w io.Writer, namespace string, at time.Time, dims map[string]string, metrics []Metric) error {
	if namespace == "" {
		namespace = Namespace
	}
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
			"Namespace":  namespace,
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

// Directive is one member of a line's CloudWatchMetrics: the metrics it
// defines and the dimension sets each of them is published under (every set
// is a separate CloudWatch metric, and costs as one).
type Directive struct {
	Dimensions [][]string // names of top-level members; each set sorted by WriteLine
	Metrics    []Metric
}

// Line is one embedded-metric-format line with any number of directives in
// one namespace. Members holds the dimension values and any other top-level
// member (properties: kept in the log, not turned into metrics); a metric's
// value is added under its name.
type Line struct {
	Namespace  string
	At         time.Time
	Directives []Directive
	Members    map[string]any
}

// WriteLine writes l as one JSON line, like Write: "level" is INFO unless
// Members sets it.
func WriteLine(w io.Writer, l Line) error {
	type def struct {
		Name string `json:"Name"`
		Unit string `json:"Unit"`
	}
	line := make(map[string]any, len(l.Members)+4)
	line["level"] = level
	for k, v := range l.Members {
		line[k] = v
	}
	dirs := make([]any, len(l.Directives))
	for i, d := range l.Directives {
		sets := make([][]string, len(d.Dimensions))
		for j, s := range d.Dimensions {
			sets[j] = slices.Sorted(slices.Values(s))
		}
		defs := make([]def, len(d.Metrics))
		for j, m := range d.Metrics {
			defs[j] = def{m.Name, m.Unit}
			line[m.Name] = m.Value
		}
		dirs[i] = map[string]any{"Namespace": l.Namespace, "Dimensions": sets, "Metrics": defs}
	}
	line["_aws"] = map[string]any{"Timestamp": l.At.UnixMilli(), "CloudWatchMetrics": dirs}
	b, err := json.Marshal(line)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
