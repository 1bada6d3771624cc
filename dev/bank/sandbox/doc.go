// Package sandbox is the sandbox Co-operative Bank / smile Open Banking ASPSP used by the
// connector's tests and local stack.
//
// It runs three servers: the API server (mTLS: the token endpoint and the OB v3.1 AIS,
// PIS and CBPII APIs), the pages server (server TLS only: the authorization endpoint and
// the consent journey pages a browser drives) and a plain-HTTP loopback admin server
// that mirrors the scenario methods of [Bank]. The rules it enforces are the bank's own
// ("General specifications" page) and the OB Read/Write v3.1 profile; dev/bank/README.md
// lists them.
package sandbox
