package stack

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Queue is one AWS::SQS::Queue of the template, as far as the local stack creates it.
type Queue struct {
	LogicalID         string
	VisibilityTimeout int    // seconds; SQS's default is 30
	DeadLetterQueue   string // logical id of the RedrivePolicy's target, "" for none
	MaxReceiveCount   int
}

// Mapping is one AWS::Lambda::EventSourceMapping from an SQS queue of the template.
type Mapping struct {
	LogicalID      string
	Queue          string // logical id of the EventSourceArn's queue
	Function       string // logical id of the FunctionName's function
	BatchSize      int    // SQS's default is 10
	MaxConcurrency int    // ScalingConfig.MaximumConcurrency; 0 when not set
	// ReportBatchItemFailures: FunctionResponseTypes holds it, so a batch item failure
	// leaves that message on the queue (the rest are deleted).
	ReportBatchItemFailures bool
}

func (t *Template) queue(id string, props json.RawMessage) (Queue, error) {
	var p struct {
		VisibilityTimeout any
		RedrivePolicy     struct {
			DeadLetterTargetArn any `json:"deadLetterTargetArn"`
			MaxReceiveCount     any `json:"maxReceiveCount"`
		}
	}
	q := Queue{LogicalID: id, VisibilityTimeout: 30}
	if len(props) > 0 {
		if err := json.Unmarshal(props, &p); err != nil {
			return q, err
		}
	}
	if p.VisibilityTimeout != nil {
		n, err := t.number(p.VisibilityTimeout)
		if err != nil {
			return q, fmt.Errorf("VisibilityTimeout: %w", err)
		}
		q.VisibilityTimeout = n
	}
	if p.RedrivePolicy.DeadLetterTargetArn != nil {
		dlq, ok := getAttArn(p.RedrivePolicy.DeadLetterTargetArn)
		if !ok {
			return q, fmt.Errorf("RedrivePolicy.deadLetterTargetArn %v: want !GetAtt <Queue>.Arn", p.RedrivePolicy.DeadLetterTargetArn)
		}
		n, err := t.number(p.RedrivePolicy.MaxReceiveCount)
		if err != nil {
			return q, fmt.Errorf("RedrivePolicy.maxReceiveCount: %w", err)
		}
		q.DeadLetterQueue, q.MaxReceiveCount = dlq, n
	}
	return q, nil
}

func (t *Template) mapping(id string, props json.RawMessage) (Mapping, error) {
	var p struct {
		EventSourceArn        any
		FunctionName          any
		BatchSize             any
		ScalingConfig         struct{ MaximumConcurrency any }
		FunctionResponseTypes []string
	}
	m := Mapping{LogicalID: id, BatchSize: 10}
	if err := json.Unmarshal(props, &p); err != nil {
		return m, err
	}
	var ok bool
	if m.Queue, ok = getAttArn(p.EventSourceArn); !ok {
		return m, fmt.Errorf("EventSourceArn %v: want !GetAtt <Queue>.Arn", p.EventSourceArn)
	}
	if m.Function, ok = refName(p.FunctionName); !ok {
		return m, fmt.Errorf("FunctionName %v: want !Ref <Function>", p.FunctionName)
	}
	if p.BatchSize != nil {
		n, err := t.number(p.BatchSize)
		if err != nil {
			return m, fmt.Errorf("BatchSize: %w", err)
		}
		m.BatchSize = n
	}
	if p.ScalingConfig.MaximumConcurrency != nil {
		n, err := t.number(p.ScalingConfig.MaximumConcurrency)
		if err != nil {
			return m, fmt.Errorf("MaximumConcurrency: %w", err)
		}
		m.MaxConcurrency = n
	}
	for _, r := range p.FunctionResponseTypes {
		m.ReportBatchItemFailures = m.ReportBatchItemFailures || r == "ReportBatchItemFailures"
	}
	return m, nil
}

// number reads a literal number or a Ref to a numeric parameter.
func (t *Template) number(v any) (int, error) {
	s, ok := t.literal(v)
	if !ok {
		return 0, fmt.Errorf("%v: not a literal or a parameter", v)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%v: not a whole number", v)
	}
	return n, nil
}

// getAttArn returns X for {"Fn::GetAtt": ["X", "Arn"]}.
func getAttArn(v any) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return "", false
	}
	parts, ok := m["Fn::GetAtt"].([]any)
	if !ok || len(parts) != 2 || parts[1] != "Arn" {
		return "", false
	}
	id, ok := parts[0].(string)
	return id, ok
}
