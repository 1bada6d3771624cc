// Command pubfn is a test-only publisher for the local stack's stream event source mapping
// tests: it takes a DynamoDB stream event of outbox items (pk, sk, eventId, kind) and puts one
// EventBridge entry per record on EVENT_BUS_NAME (detail-type the item's kind, detail its
// eventId and consentId), answering the records whose entry failed as batch item failures.
// An item with poison set always fails; one with failOnce fails the first time this runtime
// sees it; one with crash fails the whole invocation (an error, nothing put). Every record received is logged as "pubfn-record <eventName> <sk> <eventId>".
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
)

type publisher struct {
	eb   *eventbridge.Client
	bus  string
	mu   sync.Mutex
	seen map[string]bool
}

func (p *publisher) handle(ctx context.Context, ev events.DynamoDBEvent) (events.DynamoDBEventResponse, error) {
	var resp events.DynamoDBEventResponse
	var entries []ebtypes.PutEventsRequestEntry
	var seqs []string
	failed := map[string]bool{}
	crash := false
	for _, r := range ev.Records {
		img := r.Change.NewImage
		id := str(img, "eventId")
		fmt.Printf("pubfn-record %s %s %s\n", r.EventName, str(r.Change.Keys, "sk"), id)
		if _, ok := img["crash"]; ok {
			crash = true
		}
		p.mu.Lock()
		_, failOnce := img["failOnce"]
		once := failOnce && !p.seen[id]
		p.seen[id] = true
		p.mu.Unlock()
		if _, poison := img["poison"]; poison || once {
			failed[r.Change.SequenceNumber] = true
			continue
		}
		detail, _ := json.Marshal(map[string]string{"eventId": id, "consentId": str(img, "pk")})
		entries = append(entries, ebtypes.PutEventsRequestEntry{EventBusName: aws.String(p.bus), Source: aws.String("connector.test"),
			DetailType: aws.String(str(img, "kind")), Detail: aws.String(string(detail))})
		seqs = append(seqs, r.Change.SequenceNumber)
	}
	if crash {
		return resp, fmt.Errorf("pubfn: a record asked to fail the batch")
	}
	if len(entries) > 0 {
		out, err := p.eb.PutEvents(ctx, &eventbridge.PutEventsInput{Entries: entries})
		if err != nil {
			return resp, err
		}
		for i, e := range out.Entries {
			if aws.ToString(e.ErrorCode) != "" {
				failed[seqs[i]] = true
			}
		}
	}
	for seq := range failed {
		resp.BatchItemFailures = append(resp.BatchItemFailures, events.DynamoDBBatchItemFailure{ItemIdentifier: seq})
	}
	sort.Slice(resp.BatchItemFailures, func(i, j int) bool {
		return resp.BatchItemFailures[i].ItemIdentifier < resp.BatchItemFailures[j].ItemIdentifier
	})
	return resp, nil
}

func str(m map[string]events.DynamoDBAttributeValue, k string) string {
	if v, ok := m[k]; ok && v.DataType() == events.DataTypeString {
		return v.String()
	}
	return ""
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	p := &publisher{eb: eventbridge.NewFromConfig(cfg), bus: os.Getenv("EVENT_BUS_NAME"), seen: map[string]bool{}}
	lambda.Start(p.handle)
}
