package setup

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/eventbridge"
	ebtypes "github.com/coop-ob/connector/shared/awsapi/eventbridge/types"
	"github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/awsapi/secretsmanager"
	"github.com/coop-ob/connector/shared/awsapi/sqs"
	sqstypes "github.com/coop-ob/connector/shared/awsapi/sqs/types"
)

// awsRecorder is a stand-in AWS endpoint: it records each request's target, signature and
// token headers and answers every one with status (an empty JSON object when 200).
type awsRecorder struct {
	*httptest.Server
	mu     sync.Mutex
	seen   []http.Header
	status int
}

func newAWSRecorder(t *testing.T, status int) *awsRecorder {
	r := &awsRecorder{status: status}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.seen = append(r.seen, req.Header.Clone())
		r.mu.Unlock()
		w.Header().Set("content-type", "application/x-amz-json-1.0")
		w.WriteHeader(r.status)
		_, _ = w.Write([]byte(`{}`))
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *awsRecorder) requests() []http.Header {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]http.Header(nil), r.seen...)
}

// services are the clients the functions build, each with one harmless call, by the suffix
// of its AWS_ENDPOINT_URL_<SERVICE> variable: the connector's own clients (shared/awsapi) and
// the SDK's where a function still uses it.
var services = map[string]func(context.Context, aws.Config) error{
	"DYNAMODB": func(ctx context.Context, c aws.Config) error {
		ddb, _ := AWSClients(c)
		_, err := ddb.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("connector")})
		return err
	},
	"SECRETS_MANAGER": func(ctx context.Context, c aws.Config) error {
		_, sm := AWSClients(c)
		_, err := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
		return err
	},
	"KMS": func(ctx context.Context, c aws.Config) error {
		_, err := KMSClient(c).GetPublicKey(ctx, &kms.GetPublicKeyInput{KeyId: aws.String("k")})
		return err
	},
	"SQS": func(ctx context.Context, c aws.Config) error {
		_, err := sqs.NewFromConfig(c).SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String("q"),
			Entries: []sqstypes.SendMessageBatchRequestEntry{{Id: aws.String("0"), MessageBody: aws.String("{}")}}})
		return err
	},
	"EVENTBRIDGE": func(ctx context.Context, c aws.Config) error {
		_, err := eventbridge.NewFromConfig(c).PutEvents(ctx, &eventbridge.PutEventsInput{
			Entries: []ebtypes.PutEventsRequestEntry{{Source: aws.String("s"), DetailType: aws.String("d"), Detail: aws.String("{}")}}})
		return err
	},
	"DYNAMODB_STREAMS": func(ctx context.Context, c aws.Config) error {
		_, err := dynamodbstreams.NewFromConfig(c).ListStreams(ctx, &dynamodbstreams.ListStreamsInput{})
		return err
	},
}

// signingNames are the services' SigV4 names, by the suffix of their endpoint variable.
var signingNames = map[string]string{"DYNAMODB": "dynamodb", "SECRETS_MANAGER": "secretsmanager", "KMS": "kms",
	"SQS": "sqs", "EVENTBRIDGE": "events", "DYNAMODB_STREAMS": "dynamodb"}

// lambdaEnv is the environment Lambda gives a function, plus extra.
func lambdaEnv(extra map[string]string) func(string) string {
	env := map[string]string{
		"AWS_REGION":            "eu-west-2",
		"AWS_ACCESS_KEY_ID":     "AKIDLAMBDAROLE",
		"AWS_SECRET_ACCESS_KEY": "secret",
		"AWS_SESSION_TOKEN":     "session-token-of-the-role",
	}
	for k, v := range extra {
		env[k] = v
	}
	return func(k string) string { return env[k] }
}

// TestAWSConfigServiceEndpoints: each service's client sends its requests to
// AWS_ENDPOINT_URL_<SERVICE>, which wins over AWS_ENDPOINT_URL (pointed at a closed port), and
// to AWS_ENDPOINT_URL alone when it has no variable of its own; with
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true neither is used.
func TestAWSConfigServiceEndpoints(t *testing.T) {
	t.Parallel()
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	for svc, call := range services {
		t.Run(svc, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			own := newAWSRecorder(t, http.StatusOK)
			cfg, err := AWSConfig(lambdaEnv(map[string]string{"AWS_ENDPOINT_URL": dead.URL, "AWS_ENDPOINT_URL_" + svc: own.URL, "AWS_MAX_ATTEMPTS": "1"}))
			if err != nil {
				t.Fatal(err)
			}
			if err := call(ctx, cfg); err != nil {
				t.Fatalf("AWS_ENDPOINT_URL_%s: %v", svc, err)
			}
			if n := len(own.requests()); n != 1 {
				t.Fatalf("AWS_ENDPOINT_URL_%s got %d requests, want 1", svc, n)
			}
			global := newAWSRecorder(t, http.StatusOK)
			other := "AWS_ENDPOINT_URL_SOMETHING_ELSE"
			if cfg, err = AWSConfig(lambdaEnv(map[string]string{"AWS_ENDPOINT_URL": global.URL, other: dead.URL, "AWS_MAX_ATTEMPTS": "1"})); err != nil {
				t.Fatal(err)
			}
			if err := call(ctx, cfg); err != nil {
				t.Fatalf("AWS_ENDPOINT_URL: %v", err)
			}
			if n := len(global.requests()); n != 1 {
				t.Fatalf("AWS_ENDPOINT_URL got %d requests, want 1", n)
			}
			if cfg, err = AWSConfig(lambdaEnv(map[string]string{"AWS_ENDPOINT_URL": global.URL, "AWS_ENDPOINT_URL_" + svc: own.URL,
				"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"})); err != nil {
				t.Fatal(err)
			}
			if cfg.BaseEndpoint != nil || len(cfg.ConfigSources) != 0 {
				t.Fatalf("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true kept an endpoint: %v %v", cfg.BaseEndpoint, cfg.ConfigSources)
			}
		})
	}
}

// TestAWSConfigVariables: the region and the role's credentials sign every request (the
// credential scope names AWS_REGION, the access key is AWS_ACCESS_KEY_ID, the session token
// travels), AWS_MAX_ATTEMPTS is the number of attempts a failing call makes, AWS_RETRY_MODE
// picks the retryer, and a missing region or key, or a bad value, stops the cold start.
func TestAWSConfigVariables(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	signed := func(t *testing.T, env map[string]string, want ...string) {
		for svc, call := range services {
			rec := newAWSRecorder(t, http.StatusOK)
			e := map[string]string{"AWS_ENDPOINT_URL_" + svc: rec.URL}
			for k, v := range env {
				e[k] = v
			}
			cfg, err := AWSConfig(lambdaEnv(e))
			if err != nil {
				t.Fatal(err)
			}
			if err := call(ctx, cfg); err != nil {
				t.Fatalf("%s: %v", svc, err)
			}
			h := rec.requests()[0]
			got := h.Get("Authorization") + " token=" + h.Get("X-Amz-Security-Token")
			for _, w := range want {
				if w = strings.ReplaceAll(w, "{service}", signingNames[svc]); !strings.Contains(got, w) {
					t.Errorf("%s: signed request %q lacks %q", svc, got, w)
				}
			}
		}
	}
	t.Run("AWS_REGION", func(t *testing.T) {
		signed(t, map[string]string{"AWS_REGION": "eu-west-1"}, "/eu-west-1/{service}/aws4_request")
	})
	t.Run("AWS_DEFAULT_REGION when AWS_REGION is empty", func(t *testing.T) {
		signed(t, map[string]string{"AWS_REGION": "", "AWS_DEFAULT_REGION": "us-east-1"}, "/us-east-1/{service}/aws4_request")
	})
	t.Run("credentials", func(t *testing.T) {
		signed(t, map[string]string{"AWS_ACCESS_KEY_ID": "AKIDOTHERROLE", "AWS_SESSION_TOKEN": "other-session"},
			"Credential=AKIDOTHERROLE/", "token=other-session")
	})
	t.Run("AWS_MAX_ATTEMPTS", func(t *testing.T) {
		for svc, call := range services {
			ns := []int{2} // each service once; the count itself is shared/awsapi's (awsapi_test.go)
			if svc == "DYNAMODB" {
				ns = []int{1, 2, 5}
			}
			for _, n := range ns {
				rec := newAWSRecorder(t, http.StatusInternalServerError)
				cfg, err := AWSConfig(lambdaEnv(map[string]string{"AWS_ENDPOINT_URL_" + svc: rec.URL, "AWS_MAX_ATTEMPTS": string(rune('0' + n))}))
				if err != nil {
					t.Fatal(err)
				}
				if err := call(ctx, cfg); err == nil {
					t.Fatalf("%s: a call answered 500 succeeded", svc)
				}
				if got := len(rec.requests()); got != n {
					t.Errorf("%s: AWS_MAX_ATTEMPTS=%d: %d attempts", svc, n, got)
				}
			}
		}
	})
	t.Run("AWS_RETRY_MODE", func(t *testing.T) {
		for mode, adaptive := range map[string]bool{"adaptive": true, "standard": false} {
			cfg, err := AWSConfig(lambdaEnv(map[string]string{"AWS_RETRY_MODE": mode}))
			if err != nil {
				t.Fatal(err)
			}
			ddb, sm := AWSClients(cfg)
			for name, r := range map[string]aws.Retryer{"dynamodb": ddb.Retryer(), "secretsmanager": sm.Retryer(),
				"kms": KMSClient(cfg).Retryer(), "sqs": sqs.NewFromConfig(cfg).Retryer(), "eventbridge": eventbridge.NewFromConfig(cfg).Retryer()} {
				if _, ok := r.(*retry.AdaptiveMode); ok != adaptive {
					t.Errorf("AWS_RETRY_MODE=%s: %s retryer %T", mode, name, r)
				}
			}
		}
	})
	for name, env := range map[string]map[string]string{
		"no region":             {"AWS_REGION": ""},
		"no access key":         {"AWS_ACCESS_KEY_ID": ""},
		"no secret key":         {"AWS_SECRET_ACCESS_KEY": ""},
		"bad AWS_MAX_ATTEMPTS":  {"AWS_MAX_ATTEMPTS": "three"},
		"zero AWS_MAX_ATTEMPTS": {"AWS_MAX_ATTEMPTS": "0"},
		"bad AWS_RETRY_MODE":    {"AWS_RETRY_MODE": "eager"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := AWSConfig(lambdaEnv(env)); err == nil {
				t.Errorf("%v: no error", env)
			}
		})
	}
}
