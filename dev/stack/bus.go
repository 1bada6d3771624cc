package stack

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
)

// localBus is a template event bus created in kumo.
type localBus struct {
	name, arn string
}

// createBuses creates the template's event buses in kumo: the template's Name when it has
// one, else the logical id, with a unique suffix (kumo's state outlives one stack in tests).
func (s *Stack) createBuses(ctx context.Context) error {
	s.buses = map[string]localBus{}
	if len(s.tmpl.EventBuses) == 0 {
		return nil
	}
	c := eventbridge.New(eventbridge.Options{Region: localRegion, BaseEndpoint: aws.String(s.kumo.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	for _, id := range sortedKeys(s.tmpl.EventBuses) {
		b := s.tmpl.EventBuses[id]
		name := b.Name
		if name == "" {
			name = id
		}
		name += "-" + randomSuffix()
		out, err := c.CreateEventBus(ctx, &eventbridge.CreateEventBusInput{Name: aws.String(name)})
		if err != nil {
			return fmt.Errorf("create event bus %s: %w", id, err)
		}
		s.buses[id] = localBus{name: name, arn: aws.ToString(out.EventBusArn)}
	}
	return nil
}

// busValues are the function's variables that name a template bus: !Ref and !GetAtt .Name
// give its name, !GetAtt .Arn its ARN.
func (s *Stack) busValues(f *Function) map[string]string { return busValues(f, s.buses) }

func busValues(f *Function, buses map[string]localBus) map[string]string {
	out := map[string]string{}
	for name, raw := range f.Environment {
		if id, ok := refName(raw); ok {
			if b, ok := buses[id]; ok {
				out[name] = b.name
			}
		}
		if id, ok := getAtt(raw, "Name"); ok {
			if b, ok := buses[id]; ok {
				out[name] = b.name
			}
		}
		if id, ok := getAttArn(raw); ok {
			if b, ok := buses[id]; ok {
				out[name] = b.arn
			}
		}
	}
	return out
}

// PublishedEvent is one PutEvents entry EventBridge accepted (it answered an EventId for it),
// as the stack's AWS front saw it go by.
type PublishedEvent struct {
	Function     string          // the function that published it (Function.Name)
	EventBus     string          // the entry's EventBusName ("" is the default bus)
	Source       string          // the entry's Source
	DetailType   string          // the entry's DetailType
	Detail       json.RawMessage // the entry's Detail, as sent
	EventID      string          // EventBridge's envelope id: a new one for every entry put
	PublishedAt  time.Time       // when the front saw EventBridge's answer
	RawEntryJSON json.RawMessage // the whole entry as sent (Resources, Time, TraceHeader…)
}

// publishLog keeps the accepted PutEvents entries in order, and writes a readable line for
// each to the console writer and to the collected logs (as "published| event …", so the
// e2e's check that no secret is logged covers every event).
type publishLog struct {
	mu      sync.Mutex
	events  []PublishedEvent
	console io.Writer
	logs    *logCollector
}

// observePutEvents records the entries of a PutEvents request that its answer accepted.
func (l *publishLog) observePutEvents(function string, status int, req, resp []byte, now time.Time) {
	if status != 200 {
		return
	}
	var in struct{ Entries []json.RawMessage }
	var out struct {
		Entries []struct {
			EventID   string `json:"EventId"`
			ErrorCode string
		}
	}
	if json.Unmarshal(req, &in) != nil || json.Unmarshal(resp, &out) != nil || len(in.Entries) != len(out.Entries) {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, raw := range in.Entries {
		if out.Entries[i].EventID == "" || out.Entries[i].ErrorCode != "" {
			continue
		}
		var e struct {
			EventBusName, Source, DetailType, Detail string
		}
		_ = json.Unmarshal(raw, &e)
		ev := PublishedEvent{Function: function, EventBus: e.EventBusName, Source: e.Source, DetailType: e.DetailType,
			Detail: json.RawMessage(e.Detail), EventID: out.Entries[i].EventID, PublishedAt: now,
			RawEntryJSON: append(json.RawMessage(nil), raw...)}
		if !json.Valid(ev.Detail) {
			ev.Detail, _ = json.Marshal(e.Detail)
		}
		l.events = append(l.events, ev)
		line := eventLine(ev)
		if l.logs != nil {
			l.logs.add("published| " + line)
		}
		if l.console != nil {
			_, _ = io.WriteString(l.console, line+"\n")
		}
	}
}

// eventLine is one published event for a person reading the console:
// "event 12:01:02 ConsentAuthorised {"consentId":"…","status":"Authorised",…}" (the detail
// compacted; events carry ids and statuses only).
func eventLine(ev PublishedEvent) string {
	var detail bytes.Buffer
	if json.Compact(&detail, ev.Detail) != nil {
		detail.Write(ev.Detail)
	}
	return fmt.Sprintf("event %s %s %s", ev.PublishedAt.UTC().Format("15:04:05"), ev.DetailType, detail.String())
}

// Events returns the PutEvents entries EventBridge accepted so far, in the order the stack saw
// their answers. A PutEvents retried by its publisher appears as often as it was accepted:
// consumers (and tests) drop duplicates by the detail's own id.
func (s *Stack) Events() []PublishedEvent {
	if s.published == nil {
		return nil
	}
	s.published.mu.Lock()
	defer s.published.mu.Unlock()
	return append([]PublishedEvent(nil), s.published.events...)
}

// DistinctEvents keeps the first of the events whose detail has the same eventId (the id a
// publisher gives an event, the same on every retry), in order: what a consumer that
// deduplicates sees. Events without a detail eventId are all kept.
func DistinctEvents(evs []PublishedEvent) []PublishedEvent {
	seen := map[string]bool{}
	var out []PublishedEvent
	for _, ev := range evs {
		var d struct {
			EventID string `json:"eventId"`
		}
		_ = json.Unmarshal(ev.Detail, &d)
		if d.EventID != "" && seen[d.EventID] {
			continue
		}
		seen[d.EventID] = true
		out = append(out, ev)
	}
	return out
}
