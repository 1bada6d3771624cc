// Command proxy is the connector's resource proxy: it forwards the app's
// account (AIS), payment (PIS) and funds-confirmation (CBPII) calls to the
// bank over mTLS with the consent's access token and the FAPI headers,
// refreshes tokens on demand, and turns the bank's errors into problems with
// an action the app can take (docs/architecture.md). See docs/api-proxy.md.
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
		slog.New(slog.NewJSONHandler(os.Stderr, nil)).ErrorContext(ctx, "proxy: setup failed", "err", err)
		os.Exit(1)
	}
	// Every bank call needs the credentials and a connection: the secret is read and the
	// mutual-TLS handshake made beside the rest of the init and the first request's store reads.
	d.PreconnectBank()
	lambda.Start(New(d).Handle)
}
