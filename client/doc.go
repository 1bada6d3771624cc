// Package client is a typed Go client for the connector's HTTP API, generated from the API's
// contract, docs/openapi.yaml (OpenAPI 3.1), by oapi-codegen. It is a module of its own, so an
// app that imports it takes none of the connector's dependencies.
//
//	c, err := client.NewClientWithResponses("https://api.example.com",
//		client.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
//			r.Header.Set("Authorization", "Bearer "+appJWT)
//			return nil
//		}))
//	res, err := c.CreateConsentWithResponse(ctx, &client.CreateConsentParams{}, body)
//	// res.JSON201 on success; res.ApplicationproblemJSON400 ... for the connector's problems.
//
// oapi-codegen (v2.8, pinned as a tool in the connector's own go.mod, not this module's) reads
// the OpenAPI 3.1 document as it is: no conversion to 3.0 is needed.
//
// Do not edit client.gen.go: change docs/openapi.yaml and run go generate ./... from the
// repository root (dev/clientgen; its TestGeneratedIsCurrent fails while the file is stale).
package client
