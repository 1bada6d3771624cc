package stack

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestStreamMappingTemplate: every setting Lambda reads for a stream mapping is read from the
// template: the table's StreamArn, the function, the starting position, batching, bisecting,
// partial batch responses, retries, record age, the on-failure queue and the filter; the bus
// is read too. Unset settings take Lambda's defaults.
func TestStreamMappingTemplate(t *testing.T) {
	t.Parallel()
	tmpl, err := LoadTemplate("testdata/streams/template.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []StreamMapping{{LogicalID: "EventsMapping", Table: "Table", Function: "PubFunction", StartingPosition: "TRIM_HORIZON",
		BatchSize: 4, BatchWindow: time.Second, Bisect: true, ReportBatchItemFailures: true, MaxRetryAttempts: 10,
		MaxRecordAge: time.Hour, OnFailure: "EventsFailures", Enabled: true,
		Filters: []FilterPattern{{Source: outboxFilter}}}}
	if diff := cmp.Diff(want, tmpl.StreamMappings, cmpopts.IgnoreUnexported(FilterPattern{})); diff != "" {
		t.Errorf("stream mappings (-want +got):\n%s", diff)
	}
	if len(tmpl.Mappings) != 0 {
		t.Errorf("queue mappings %+v", tmpl.Mappings)
	}
	if b := tmpl.EventBuses["EventBus"]; b.Name != "connector-local-events" {
		t.Errorf("event bus %+v", b)
	}

	defaults, err := ParseTemplate([]byte(`
Resources:
  M:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt T.StreamArn
      FunctionName: !GetAtt F.Arn
      StartingPosition: LATEST
      Enabled: false
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]StreamMapping{{LogicalID: "M", Table: "T", Function: "F", StartingPosition: "LATEST", BatchSize: 100,
		MaxRetryAttempts: -1}}, defaults.StreamMappings, cmpopts.IgnoreUnexported(FilterPattern{})); diff != "" {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}
	for name, props := range map[string]string{
		"no starting position":  `{EventSourceArn: !GetAtt T.StreamArn, FunctionName: !Ref F}`,
		"a bad filter":          `{EventSourceArn: !GetAtt T.StreamArn, FunctionName: !Ref F, StartingPosition: LATEST, FilterCriteria: {Filters: [{Pattern: '{"a":[{"numeric":[">",1]}]}'}]}}`,
		"a destination by name": `{EventSourceArn: !GetAtt T.StreamArn, FunctionName: !Ref F, StartingPosition: LATEST, DestinationConfig: {OnFailure: {Destination: q}}}`,
	} {
		if _, err := ParseTemplate([]byte("Resources:\n  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties: "+props+"\n"), nil); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
