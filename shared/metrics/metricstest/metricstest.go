// Package metricstest reads the metric lines a Recorder wrote (tests capture them in a buffer, or
// from a function's stdout) back into points, one per metric and dimension set, as CloudWatch
// would extract them.
package metricstest

import (
	"encoding/json"
	"maps"
	"strings"
)

// Point is one metric value under one dimension set.
type Point struct {
	Namespace string
	Name      string
	Unit      string
	Value     float64
	Dims      map[string]string // every dimension of the set, Environment included
	Line      map[string]any    // the whole line (properties such as interactionId, the request ids)
}

// Parse returns the points of every embedded-metric-format line in out; other lines (log
// lines) are skipped.
func Parse(out string) []Point {
	var pts []Point
	for line := range strings.SplitSeq(out, "\n") {
		if !strings.Contains(line, `"_aws"`) {
			continue
		}
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) != nil {
			continue
		}
		var meta struct {
			CloudWatchMetrics []struct {
				Namespace  string
				Dimensions [][]string
				Metrics    []struct{ Name, Unit string }
			}
		}
		raw, _ := json.Marshal(m["_aws"])
		if json.Unmarshal(raw, &meta) != nil {
			continue
		}
		for _, d := range meta.CloudWatchMetrics {
			for _, set := range d.Dimensions {
				dims := map[string]string{}
				for _, k := range set {
					dims[k], _ = m[k].(string)
				}
				for _, mt := range d.Metrics {
					v, _ := m[mt.Name].(float64)
					pts = append(pts, Point{Namespace: d.Namespace, Name: mt.Name, Unit: mt.Unit, Value: v, Dims: maps.Clone(dims), Line: m})
				}
			}
		}
	}
	return pts
}

// Sum adds the values of the points named name whose dimensions include every pair of want
// (name, value, name, value…); Environment and any other dimension not in want may be anything.
func Sum(pts []Point, name string, want ...string) float64 {
	var s float64
	for _, p := range Select(pts, name, want...) {
		s += p.Value
	}
	return s
}

// Select returns the points named name whose dimension set is exactly Environment plus the
// names in want, with want's values.
func Select(pts []Point, name string, want ...string) []Point {
	var out []Point
	for _, p := range pts {
		if p.Name != name || len(p.Dims) != len(want)/2+1 {
			continue
		}
		ok := true
		for i := 0; i+1 < len(want); i += 2 {
			if v, has := p.Dims[want[i]]; !has || v != want[i+1] {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, p)
		}
	}
	return out
}
