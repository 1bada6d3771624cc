// Command callback is the connector's GET /callback Lambda function: the
// bank redirects the PSU's browser here at the end of the consent journey,
// and the handler exchanges the code, stores the tokens and redirects the
// browser to the app's result page (docs/callback.md). It also serves the
// journey links (GET /journeys/{ref}) that bind a journey to the browser
// that opens them, and the key set that verifies the signed results
// (GET /.well-known/jwks.json).
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/coop-ob/connector/shared/resultsig"
	"github.com/coop-ob/connector/shared/setup"
)

func main() {
	ctx := context.Background()
	d, err := setup.Load(ctx)
	if err == nil {
		var signer *resultsig.Signer
		if signer, err = loadSigner(ctx, d); err == nil {
			h := New(d)
			if signer != nil {
				h = h.WithSigner(signer)
			}
			lambda.Start(h.Handle)
			return
		}
	}
	// A configuration error must be loud at cold start.
	slog.New(slog.NewJSONHandler(os.Stdout, nil)).ErrorContext(ctx, "callback: setup", "err", err)
	os.Exit(1)
}
