// Package clientgen generates the app client (module client/) from the API's contract,
// docs/openapi.yaml, with oapi-codegen pinned as a tool in the connector's go.mod: the
// generator stays out of the client module, so an app that imports the client inherits
// only oapi-codegen's small runtime, not the generator's dependencies.
//
// Run go generate ./... from the repository root (or make generate) after changing
// docs/openapi.yaml; TestGeneratedIsCurrent fails while client/client.gen.go is stale.
package clientgen

//go:generate go tool oapi-codegen -config oapi-codegen.yaml -o ../../client/client.gen.go ../../docs/openapi.yaml
