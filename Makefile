# Build, lint, test and run the Co-op & smile Open Banking connector.
# `make test` and `make run` work on a fresh machine: Go tools come from go.mod's tool
# directives, and Chromium (for dev/e2e) is installed with apt-get when root and missing.

SHELL := /bin/bash
FUNCTIONS := consents callback tokens proxy
GO ?= go
GOFLAGS_BUILD := -tags lambda.norpc -trimpath -ldflags='-s -w'
BUILD_DIR ?= .build
LOCAL_DIR ?= $(BUILD_DIR)/local
CHROMIUM ?= /usr/bin/chromium

.PHONY: build build-local lint test test-only bench run chromium clean \
	build-ConsentsFunction build-CallbackFunction build-TokensFunction build-ProxyFunction

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
define sam-build
CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build $(GOFLAGS_BUILD) -o $(ARTIFACTS_DIR)/bootstrap ./functions/$(1)
endef

## lint: gofmt, go vet, staticcheck (pinned as a tool in go.mod).
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.build/*')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

## chromium: the headless browser dev/e2e drives; installed with apt-get when root and missing.
chromium:
	@if ! command -v chromium >/dev/null 2>&1 && [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing chromium with apt-get"; \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || exit 1; \
		else echo "chromium is missing and cannot be installed here: dev/e2e browser tests will fail"; exit 1; fi; \
	fi

## test: lint, then every test with the race detector (kumo, the sandbox bank and the emulator run in-process or as built binaries).
test: lint chromium test-only

test-only:
	$(GO) mod download
	$(GO) test -race -count=1 -timeout 25m ./...

## bench: speed and memory goals; figures go to docs/performance.md.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count=1 -timeout 20m ./...

## run: the whole connector locally against the sandbox bank (dev/stack).
## Extra flags go in RUN_ARGS, e.g. make run RUN_ARGS='-schedule-every 30s'.
RUN_ARGS ?=
# Built, then run (not `go run`, which exits 1 on Ctrl-C whatever the stack does).
run: build-local
	$(GO) build -o $(BUILD_DIR)/stack ./dev/stack/cmd/stack
	$(BUILD_DIR)/stack -functions $(LOCAL_DIR) $(RUN_ARGS)

clean:
	rm -rf $(BUILD_DIR)

FORCE:
