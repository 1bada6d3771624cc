// Command events is the connector's event publisher: the table's stream, through an event
// source mapping that passes only outbox inserts, invokes it with batches of them, which it
// puts on the connector's EventBridge bus (answering the records it could not publish as batch
// item failures); a schedule of its own invokes it to sweep the events left unpublished
// (docs/events.md). It reads neither the credentials secret nor any token.
package main

import (
	"context"
	"io"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/eventbridge"
	"github.com/coop-ob/connector/shared/lambdactx"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/setup"
)

func main() {
	ctx := context.Background()
	logger := newLogger(os.Stdout)
	cfg, err := loadConfig(os.Getenv)
	if err != nil {
		// A configuration error must be loud at cold start.
		logger.ErrorContext(ctx, "events: config", "err", err)
		os.Exit(1)
	}
	awsCfg, err := setup.AWSConfig(os.Getenv) // Lambda's variables, as every function (no LoadDefaultConfig)
	if err != nil {
		logger.ErrorContext(ctx, "events: aws config", "err", err)
		os.Exit(1)
	}
	failed := func(o *dynamodb.Options) { o.Observe = metrics.ObserveAWS } // AWSErrors, Service DynamoDB
	h := New(cfg, dynamodb.NewFromConfig(awsCfg, failed), eventbridge.NewFromConfig(awsCfg, func(o *eventbridge.Options) {
		o.Observe = metrics.ObserveAWS // AWSErrors, Service EventBridge
	}), logger)
	h.recorder = metrics.New(os.Stdout, cfg.Namespace, cfg.Environment)
	lambda.Start(h.Invoke)
}

// newLogger is the function's logger on w: JSON lines, each carrying the invocation's request
// id (lambdactx.IDHandler), as every function's.
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(lambdactx.NewIDHandler(slog.NewJSONHandler(w, nil)))
}
