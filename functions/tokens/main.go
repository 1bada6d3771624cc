// Command tokens is the connector's scheduled Lambda function (EventBridge
// Scheduler, every 5 minutes): it refreshes the access tokens that are due
// (or, with REFRESH_QUEUE_URL, sends them to the refresh queue, whose
// messages the same function refreshes as the queue's worker), retries
// authorization-code exchanges the callback left pending, reports how
// many days the transport and signing certificates have left
// (docs/refresh.md), and seals, a share per run, the secrets the previous
// release stored plain (sealpass.go).
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/coop-ob/connector/shared/awsapi/sqs"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/setup"
)

func main() {
	ctx := context.Background()
	d, err := setup.Load(ctx)
	if err != nil {
		// A configuration error must be loud at cold start.
		slog.New(slog.NewJSONHandler(os.Stdout, nil)).ErrorContext(ctx, "tokens: setup", "err", err)
		os.Exit(1)
	}
	d.PrefetchCredentials() // every run checks the certificates' expiry
	h := New(d)
	if u := os.Getenv("REFRESH_QUEUE_URL"); u != "" {
		h.queue = &refreshQueue{api: sqs.NewFromConfig(d.AWS, func(o *sqs.Options) {
			o.Observe = metrics.ObserveAWS // AWSErrors, Service SQS
		}), url: u}
	}
	lambda.Start(h.Invoke)
}
