package emf

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// docEMFLine returns the example EMF line of docs/refresh.md that publishes metric.
func docEMFLine(t *testing.T, metric string) string {
	t.Helper()
	b, err := os.ReadFile("../../docs/refresh.md")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if strings.HasPrefix(line, `{"_aws":`) && strings.Contains(line, `"Name":"`+metric+`"`) {
			return line
		}
	}
	t.Fatalf("docs/refresh.md has no EMF example line for %s", metric)
	return ""
}

// TestEMFLineAsDocumented: Write writes the JSON object docs/refresh.md shows
// (template.yaml's alarms are checked against the same line by deploy/alarms_test.go): the
// dimension names sorted, their values and "level":"INFO" as top-level members.
func TestEMFLineAsDocumented(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	err := Write(&buf, time.UnixMilli(1795599000000), map[string]string{DimEnvironment: "production", "Certificate": "transport"},
		[]Metric{{Name: "CertificateDaysToExpiry", Unit: "Count", Value: 80}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(buf.Bytes(), []byte("}\n")) || bytes.Count(buf.Bytes(), []byte("\n")) != 1 {
		t.Errorf("not one JSON line: %q", buf.String())
	}
	var got, want any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(docEMFLine(t, "CertificateDaysToExpiry")), &want); err != nil {
		t.Fatalf("docs/refresh.md example: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("EMF line (-docs/refresh.md +Write):\n%s", diff)
	}
}

func BenchmarkWriteEMF(b *testing.B) {
	var buf bytes.Buffer
	dims := map[string]string{DimEnvironment: "production", "Certificate": "transport"}
	metrics := []Metric{{Name: "CertificateDaysToExpiry", Unit: "Count", Value: 80}}
	for b.Loop() {
		buf.Reset()
		_ = Write(&buf, time.UnixMilli(1795599000000), dims, metrics)
	}
}

// TestWriteLineDirectives: a line with two directives defines each metric under its own
// dimension sets (sorted), in one namespace, with the members and "level".
func TestWriteLineDirectives(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	err := WriteLine(&buf, Line{Namespace: "NS", At: time.UnixMilli(1000), Members: map[string]any{"Operation": "token", "Environment": "sandbox", "msg": "m"},
		Directives: []Directive{
			{Dimensions: [][]string{{"Operation", "Environment"}}, Metrics: []Metric{{Name: "A", Unit: "Count", Value: 1}}},
			{Dimensions: [][]string{{"Environment"}}, Metrics: []Metric{{Name: "B", Unit: "Milliseconds", Value: 2.5}}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	var got any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	var want any
	_ = json.Unmarshal([]byte(`{"level":"INFO","Operation":"token","Environment":"sandbox","msg":"m","A":1,"B":2.5,
		"_aws":{"Timestamp":1000,"CloudWatchMetrics":[
		{"Namespace":"NS","Dimensions":[["Environment","Operation"]],"Metrics":[{"Name":"A","Unit":"Count"}]},
		{"Namespace":"NS","Dimensions":[["Environment"]],"Metrics":[{"Name":"B","Unit":"Milliseconds"}]}]}}`), &want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
}
