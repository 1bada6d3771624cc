// Command consents is the connector's consents Lambda function: POST /consents,
// GET /consents, GET and DELETE /consents/{id} and POST
// /consents/{id}/authorize (docs/api-consents.md).
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
		slog.New(slog.NewJSONHandler(os.Stderr, nil)).ErrorContext(ctx, "consents: setup failed", "err", err)
		os.Exit(1)
	}
	lambda.Start(New(d).Handle)
}
