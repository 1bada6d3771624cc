// Command callback is the connector's GET /callback Lambda function: the
// bank redirects the PSU's browser here at the end of the consent journey,
// and the handler exchanges the code, stores the tokens and redirects the
// browser to the app's result page (docs/callback.md).
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
		slog.New(slog.NewJSONHandler(os.Stdout, nil)).ErrorContext(ctx, "callback: setup", "err", err)
		os.Exit(1)
	}
	lambda.Start(New(d).Handle)
}
