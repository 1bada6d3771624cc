package stack

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// Options configure Start. Only FunctionsDir is required.
type Options struct {
	// Root is the repository root: template.yaml is read from it and aws-lambda-rie is built
	// with its go.mod. Default ".".
	Root string
	// Template is the SAM template; default Root/template.yaml.
	Template string
	// FunctionsDir holds <name>/bootstrap for every function of the template (make build-local).
	FunctionsDir string
	// Bank configures the sandbox bank; the stack sets RedirectURI (the gateway's /callback)
	// and, when nil, Logger (into the collected logs).
	Bank sandbox.Options
	// ScheduleEvery replaces the template's schedule rate; 0 keeps the template's.
	ScheduleEvery time.Duration
	// QueueVisibilityTimeout replaces the VisibilityTimeout of the template's queues that an
	// event source mapping reads (a message a worker did not finish comes back after it);
	// 0 keeps the template's. Whole seconds.
	QueueVisibilityTimeout time.Duration
	// Streams replaces settings of the template's DynamoDB stream event source mappings
	// (poll interval, batching window, retries, record age) for short local runs.
	Streams StreamSettings
	// Logs receives every line of every process and part of the stack as it is collected.
	Logs io.Writer
	// Events receives one readable line per event EventBridge accepted from a function
	// (PutEvents), as it is published (Stack.Events keeps them too).
	Events io.Writer
	// GatewayAddr is the gateway's listen address; default "127.0.0.1:0".
	GatewayAddr string
	// EmulatorPath is an aws-lambda-rie binary; "" builds the one go.mod pins (BuildEmulator)
	// into the user's cache folder.
	EmulatorPath string
	// TableName and SecretName default to unique names (kumo's state is process-wide).
	TableName, SecretName string
	// Env overrides function variables by name (REFRESH_LOOKAHEAD=1h); it wins over everything.
	Env map[string]string
	// Parameters are local values for template parameters that variables !Ref.
	Parameters map[string]string
	// Issuer and Audience are what the gateway's JWT check wants; defaults
	// "https://auth.stack.local/" and ["coop-ob-connector"].
	Issuer   string
	Audience []string
	// Now is the gateway's clock (JWT checks, event times); default time.Now.
	Now func() time.Time
	// SpecFile is the OpenAPI document the gateway serves at GET /openapi.yaml; default
	// Root/docs/openapi.yaml. APIDocsDir holds swagger-ui-dist's files for the reference page
	// at GET /docs; default Root/dev/apidocs/node_modules/swagger-ui-dist (make apidocs).
	SpecFile, APIDocsDir string
}

func (o Options) withDefaults() Options {
	if o.Root == "" {
		o.Root = "."
	}
	if o.Template == "" {
		o.Template = filepath.Join(o.Root, "template.yaml")
	}
	if o.SpecFile == "" {
		o.SpecFile = filepath.Join(o.Root, "docs", "openapi.yaml")
	}
	if o.APIDocsDir == "" {
		o.APIDocsDir = filepath.Join(o.Root, "dev", "apidocs", "node_modules", "swagger-ui-dist")
	}
	if o.GatewayAddr == "" {
		o.GatewayAddr = "127.0.0.1:0"
	}
	suffix := randomSuffix()
	if o.TableName == "" {
		o.TableName = "connector-" + suffix
	}
	if o.SecretName == "" {
		o.SecretName = "connector-credentials-" + suffix
	}
	if o.Issuer == "" {
		o.Issuer = "https://auth.stack.local/"
	}
	if len(o.Audience) == 0 {
		o.Audience = []string{"coop-ob-connector"}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

func randomSuffix() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// emulatorDir is where BuildEmulator puts aws-lambda-rie by default.
func emulatorDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "coop-ob-connector", "stack")
}
