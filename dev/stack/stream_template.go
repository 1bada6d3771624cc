package stack

import (
	"encoding/json"
	"fmt"
	"time"
)

// StreamMapping is one AWS::Lambda::EventSourceMapping whose EventSourceArn is a DynamoDB
// table's stream (!GetAtt <Table>.StreamArn), with the settings Lambda reads for a stream.
// Unset numbers take Lambda's defaults.
type StreamMapping struct {
	LogicalID string
	Table     string // logical id of the table whose StreamArn the mapping reads
	Function  string // logical id of the FunctionName's function
	// StartingPosition is TRIM_HORIZON or LATEST (required by Lambda for a stream).
	StartingPosition string
	BatchSize        int           // default 100
	BatchWindow      time.Duration // MaximumBatchingWindowInSeconds; default 0
	// Bisect is BisectBatchOnFunctionError: a batch the function fails is split in two.
	Bisect bool
	// ReportBatchItemFailures: FunctionResponseTypes holds it; the function answers the
	// sequence numbers that failed and the mapping resumes from the first of them.
	ReportBatchItemFailures bool
	MaxRetryAttempts        int           // MaximumRetryAttempts; -1 (default) retries until the record expires
	MaxRecordAge            time.Duration // MaximumRecordAgeInSeconds; 0 for -1 (default): no limit
	// OnFailure is the logical id of the DestinationConfig.OnFailure queue (!GetAtt <Queue>.Arn),
	// "" when there is none: discarded batches are then only logged.
	OnFailure string
	// Filters are FilterCriteria.Filters' patterns, any of which a record must match (none: all pass).
	Filters []FilterPattern
	// Enabled is false when the template's Enabled is false: the mapping is not polled.
	Enabled bool
}

// EventBus is one AWS::Events::EventBus of the template.
type EventBus struct {
	LogicalID string
	Name      string // the Name property with its parameters and pseudo parameters, "" when not set
}

func (t *Template) streamMapping(id string, props json.RawMessage) (StreamMapping, error) {
	var p struct {
		EventSourceArn                 any
		FunctionName                   any
		StartingPosition               string
		BatchSize                      any
		MaximumBatchingWindowInSeconds any
		BisectBatchOnFunctionError     any
		FunctionResponseTypes          []string
		MaximumRetryAttempts           any
		MaximumRecordAgeInSeconds      any
		Enabled                        any
		DestinationConfig              struct{ OnFailure struct{ Destination any } }
		FilterCriteria                 struct{ Filters []struct{ Pattern any } }
	}
	m := StreamMapping{LogicalID: id, BatchSize: 100, MaxRetryAttempts: -1, Enabled: true}
	if err := json.Unmarshal(props, &p); err != nil {
		return m, err
	}
	var ok bool
	if m.Table, ok = getAtt(p.EventSourceArn, "StreamArn"); !ok {
		return m, fmt.Errorf("EventSourceArn %v: want !GetAtt <Table>.StreamArn", p.EventSourceArn)
	}
	if m.Function, ok = refName(p.FunctionName); !ok {
		if m.Function, ok = getAttArn(p.FunctionName); !ok {
			return m, fmt.Errorf("FunctionName %v: want !Ref <Function> or !GetAtt <Function>.Arn", p.FunctionName)
		}
	}
	switch p.StartingPosition {
	case "TRIM_HORIZON", "LATEST":
		m.StartingPosition = p.StartingPosition
	default:
		return m, fmt.Errorf("StartingPosition %q: want TRIM_HORIZON or LATEST", p.StartingPosition)
	}
	numbers := []struct {
		name string
		v    any
		set  func(int)
	}{
		{"BatchSize", p.BatchSize, func(n int) { m.BatchSize = n }},
		{"MaximumBatchingWindowInSeconds", p.MaximumBatchingWindowInSeconds, func(n int) { m.BatchWindow = time.Duration(n) * time.Second }},
		{"MaximumRetryAttempts", p.MaximumRetryAttempts, func(n int) { m.MaxRetryAttempts = n }},
		{"MaximumRecordAgeInSeconds", p.MaximumRecordAgeInSeconds, func(n int) {
			if n > 0 {
				m.MaxRecordAge = time.Duration(n) * time.Second
			}
		}},
	}
	for _, n := range numbers {
		if n.v == nil {
			continue
		}
		v, err := t.number(n.v)
		if err != nil {
			return m, fmt.Errorf("%s: %w", n.name, err)
		}
		n.set(v)
	}
	var err error
	if m.Bisect, err = t.boolean(p.BisectBatchOnFunctionError, false); err != nil {
		return m, fmt.Errorf("BisectBatchOnFunctionError: %w", err)
	}
	if m.Enabled, err = t.boolean(p.Enabled, true); err != nil {
		return m, fmt.Errorf("property Enabled: %w", err)
	}
	for _, r := range p.FunctionResponseTypes {
		m.ReportBatchItemFailures = m.ReportBatchItemFailures || r == "ReportBatchItemFailures"
	}
	if d := p.DestinationConfig.OnFailure.Destination; d != nil {
		if m.OnFailure, ok = getAttArn(d); !ok {
			return m, fmt.Errorf("DestinationConfig.OnFailure.Destination %v: want !GetAtt <Queue>.Arn", d)
		}
	}
	for i, f := range p.FilterCriteria.Filters {
		src, ok := f.Pattern.(string)
		if !ok {
			b, _ := json.Marshal(f.Pattern) // a pattern written as YAML rather than as a JSON string
			src = string(b)
		}
		fp, err := ParseFilterPattern(src)
		if err != nil {
			return m, fmt.Errorf("FilterCriteria.Filters[%d]: %w", i, err)
		}
		m.Filters = append(m.Filters, fp)
	}
	return m, nil
}

// fromStream reports whether a mapping's EventSourceArn is a table's stream (!GetAtt <Table>.StreamArn).
func fromStream(props json.RawMessage) bool {
	var p struct{ EventSourceArn any }
	_ = json.Unmarshal(props, &p)
	_, ok := getAtt(p.EventSourceArn, "StreamArn")
	return ok
}

// boolean reads a literal boolean (or "true"/"false", or a parameter); def when v is nil.
func (t *Template) boolean(v any, def bool) (bool, error) {
	if v == nil {
		return def, nil
	}
	if b, ok := v.(bool); ok {
		return b, nil
	}
	s, ok := t.literal(v)
	switch {
	case ok && s == "true":
		return true, nil
	case ok && s == "false":
		return false, nil
	}
	return false, fmt.Errorf("%v: not a boolean", v)
}

func (t *Template) eventBus(id string, props json.RawMessage) EventBus {
	var p struct{ Name any }
	_ = json.Unmarshal(props, &p)
	b := EventBus{LogicalID: id}
	if p.Name != nil {
		b.Name, _ = t.resolve(p.Name)
	}
	return b
}

// getAtt returns X for {"Fn::GetAtt": ["X", attr]}.
func getAtt(v any, attr string) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return "", false
	}
	parts, ok := m["Fn::GetAtt"].([]any)
	if !ok || len(parts) != 2 || parts[1] != attr {
		return "", false
	}
	id, ok := parts[0].(string)
	return id, ok
}
