# Build, lint, test and run the Co-op & smile Open Banking connector.
# `make test` and `make run` work on a fresh machine: Go tools come from go.mod's tool
# directives; a C compiler (for -race) and Chromium (for dev/e2e) are installed with apt-get when
# missing (as root, or with passwordless sudo).

SHELL := /bin/bash
FUNCTIONS := consents callback tokens proxy events
GO ?= go
GOFLAGS_BUILD := -tags lambda.norpc -trimpath -ldflags='-s -w'
BUILD_DIR ?= .build
LOCAL_DIR ?= $(BUILD_DIR)/local

.PHONY: build build-local lint test test-only generate validate-template node apidocs bench run cc chromium clean \
	build-ConsentsFunction build-CallbackFunction build-TokensFunction build-ProxyFunction build-EventsFunction

## build: one linux/arm64 bootstrap per function, as Lambda runs it (provided.al2023).
build: $(addprefix $(BUILD_DIR)/lambda/,$(addsuffix /bootstrap,$(FUNCTIONS)))

$(BUILD_DIR)/lambda/%/bootstrap: FORCE
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(GOFLAGS_BUILD) -o $@ ./functions/$*

## build-local: the same binaries for the host, for the Lambda Runtime Interface Emulator.
build-local: $(addprefix $(LOCAL_DIR)/,$(addsuffix /bootstrap,$(FUNCTIONS)))

$(LOCAL_DIR)/%/bootstrap: FORCE
	CGO_ENABLED=0 $(GO) build $(GOFLAGS_BUILD) -o $@ ./functions/$*

# SAM's BuildMethod: makefile calls build-<LogicalId> with ARTIFACTS_DIR set.
build-ConsentsFunction: ; $(call sam-build,consents)
build-CallbackFunction: ; $(call sam-build,callback)
build-TokensFunction: ; $(call sam-build,tokens)
build-ProxyFunction: ; $(call sam-build,proxy)
build-EventsFunction: ; $(call sam-build,events)
define sam-build
CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(GOFLAGS_BUILD) -o $(ARTIFACTS_DIR)/bootstrap ./functions/$(1)
endef

## lint: gofmt, go vet, staticcheck (pinned as a tool in go.mod), over the root module and the
## client module (client/, a module of its own: ./... from the root does not reach it).
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.build/*')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	cd client && $(GO) vet ./...
	bin=$$($(GO) tool -n staticcheck) && cd client && $$bin ./...

# apt installs what a fresh Debian/Ubuntu machine lacks: as root, or with passwordless sudo.
define apt-install
if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO=sudo; \
else echo "$(1) is missing and cannot be installed here (not root, no passwordless sudo)"; exit 1; fi; \
echo "installing $(2) with apt-get"; \
$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(2) >/dev/null
endef

## cc: the C compiler go test -race needs (the race detector is cgo).
cc:
	@if command -v gcc >/dev/null 2>&1 || command -v cc >/dev/null 2>&1; then exit 0; fi; \
	$(call apt-install,a C compiler,gcc libc6-dev)

## chromium: the headless browser dev/e2e drives: $CHROMIUM, else chromium, chromium-browser or
## google-chrome on PATH, else Debian's chromium installed with apt-get.
chromium:
	@if [ -n "$$CHROMIUM" ] && [ -x "$$CHROMIUM" ]; then exit 0; fi; \
	for b in chromium chromium-browser google-chrome google-chrome-stable; do \
		if command -v $$b >/dev/null 2>&1; then exit 0; fi; done; \
	$(call apt-install,Chromium,chromium)

## node: Node.js 20+ and npm, for validate-template; Debian's nodejs and npm installed with apt-get when missing.
node:
	@if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
		$(call apt-install,Node.js,nodejs npm); fi; \
	node -e 'if (+process.versions.node.split(".")[0] < 20) { console.error(`Node.js $${process.version}: the npm packages here (template validator, API reference) need 20 or later`); process.exit(1) }'

## validate-template: template.yaml checked by aws-cdk-lib (pinned in deploy/validate/package-lock.json):
## its CloudFormation and SAM specifications and its CloudFormation validation rules
## (deploy/validate/validate.js; known false positives in suppressions.js).
VALIDATE_DIR := deploy/validate
validate-template: node $(VALIDATE_DIR)/node_modules/.installed
	cd $(VALIDATE_DIR) && node --test --test-reporter=spec validate.test.js

# npm ci again only when the lock file changes (node_modules is kept, and ignored by git).
$(VALIDATE_DIR)/node_modules/.installed: $(VALIDATE_DIR)/package.json $(VALIDATE_DIR)/package-lock.json | node
	cd $(VALIDATE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## apidocs: swagger-ui-dist (pinned in dev/apidocs/package-lock.json), the assets of the API
## reference page make run serves at /docs. --ignore-scripts: the package's only dependency is
## an install-time analytics script, which is not wanted.
APIDOCS_DIR := dev/apidocs
apidocs: node $(APIDOCS_DIR)/node_modules/.installed

$(APIDOCS_DIR)/node_modules/.installed: $(APIDOCS_DIR)/package.json $(APIDOCS_DIR)/package-lock.json | node
	cd $(APIDOCS_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## test: lint, the template validator, then every test with the race detector (kumo, the sandbox bank and the emulator run in-process or as built binaries).
test: lint validate-template cc chromium test-only

test-only:
	$(GO) mod download
	cd client && CGO_ENABLED=1 $(GO) test -race -count=1 ./...
	CGO_ENABLED=1 $(GO) test -race -count=1 -timeout 25m ./...

## generate: the app client from docs/openapi.yaml (client/client.gen.go; a test fails while it is stale).
generate:
	$(GO) generate ./...

## bench: speed and memory goals; figures go to docs/performance.md. Among them
## BenchmarkColdStartRatio prints every function's init, init + first invoke, cold penalty,
## arm64 size and peak RSS against a hello-world (BENCH_COLD_STARTS, default 40 each;
## BENCH_COLD_BASELINE=<checkout> adds that checkout's functions, interleaved).
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count=1 -timeout 20m ./...

## run: the whole connector locally against the sandbox bank (dev/stack), with the API reference
## at /docs (docs/openapi.yaml rendered by the assets make apidocs installs).
## Extra flags go in RUN_ARGS, e.g. make run RUN_ARGS='-schedule-every 30s'.
RUN_ARGS ?=
# Built, then run (not `go run`, which exits 1 on Ctrl-C whatever the stack does).
run: build-local apidocs
	$(GO) build -o $(BUILD_DIR)/stack ./dev/stack/cmd/stack
	$(BUILD_DIR)/stack -functions $(LOCAL_DIR) $(RUN_ARGS)

clean:
	rm -rf $(BUILD_DIR)

FORCE:
