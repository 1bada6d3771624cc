// Command bank runs the sandbox Co-operative Bank / smile ASPSP for the local stack:
//
//	go run ./dev/bank -api 127.0.0.1:8443 -pages 127.0.0.1:8444 -admin 127.0.0.1:8445 \
//	    -dir .localstack/bank -redirect-uri http://127.0.0.1:3000/callback
//
// The first start writes the CA, certificates, keys and secret.json (the credentials
// secret) into -dir; later starts reuse them.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/coop-ob/connector/dev/bank/sandbox"
)

func main() {
	api := flag.String("api", "127.0.0.1:8443", "mTLS API listen address (token endpoint, OB APIs)")
	pages := flag.String("pages", "127.0.0.1:8444", "consent pages listen address (server TLS only)")
	admin := flag.String("admin", "127.0.0.1:8445", "admin API listen address (plain HTTP, loopback only)")
	dir := flag.String("dir", ".localstack/bank", "folder for the generated CA, certificates, keys and secret.json")
	redirect := flag.String("redirect-uri", "http://127.0.0.1:3000/callback", "the registered redirect URI")
	refresh := flag.String("refresh-mode", "keep", "refresh token mode: keep, rotate or rotate-one-time")
	decoding := flag.String("decoding", "form", "how authorization values are read: form, percent or literal")
	flag.Parse()

	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	mode, err := sandbox.ParseRefreshMode(*refresh)
	if err != nil {
		logger.Error("bad flag", "err", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	b, err := sandbox.Start(ctx, sandbox.Options{Dir: *dir, APIAddr: *api, PagesAddr: *pages, AdminAddr: *admin,
		RedirectURI: *redirect, RefreshMode: mode, Decoding: sandbox.Decoding(*decoding), Logger: logger})
	if err != nil {
		logger.ErrorContext(ctx, "sandbox bank failed to start", "err", err)
		os.Exit(1)
	}
	fmt.Printf("sandbox bank\n  api (mTLS):     %s\n  token:          %s\n  auth (coop):    %s\n  auth (smile):   %s\n  admin:          %s\n  secret:         %s\n  CA:             %s\n",
		b.APIURL(), b.TokenURL(), b.AuthURL("coop"), b.AuthURL("smile"), b.AdminURL(),
		filepath.Join(*dir, "secret.json"), filepath.Join(*dir, "ca.pem"))
	<-ctx.Done()
	_ = b.Close()
}
