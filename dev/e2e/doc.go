// Package e2e holds the connector's end-to-end tests (docs/architecture.md §Testing): they start the
// whole local stack once (dev/stack: kumo, the sandbox bank, every function's bootstrap under
// the Lambda Runtime Interface Emulator, the gateway and the schedule) and drive it over HTTP
// only, as the app and the customer's browser would, with the consent journey in headless
// Chromium. The package has no code outside its tests.
package e2e
