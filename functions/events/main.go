// Command events is the connector's event publisher: the table's stream, through an event
// source mapping that passes only outbox inserts, invokes it with batches of them, which it
// puts on the connector's EventBridge bus (answering the records it could not publish as batch
// item failures); a schedule of its own invokes it to sweep the events left unpublished
// (docs/events.md). It reads neither the credentials secret nor any token.
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
)

func main() {
	ctx := context.Background()
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := loadConfig(os.Getenv)
	if err != nil {
		// A configuration error must be loud at cold start.
		logger.ErrorContext(ctx, "events: config", "err", err)
		os.Exit(1)
	}
	awsCfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		logger.ErrorContext(ctx, "events: aws config", "err", err)
		os.Exit(1)
	}
	h := New(cfg, dynamodb.NewFromConfig(awsCfg), eventbridge.NewFromConfig(awsCfg), logger)
	lambda.Start(h.Invoke)
}
