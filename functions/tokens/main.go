// Command tokens is the connector's scheduled Lambda function (EventBridge
// Scheduler, every 5 minutes): it refreshes the access tokens that are due,
// retries authorization-code exchanges the callback left pending, and reports
// how many days the transport and signing certificates have left
// (docs/refresh.md).
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

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
	lambda.Start(New(d).Handle)
}
