package awsfault_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscreds "github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/smithy-go"

	"github.com/coop-ob/connector/dev/awsfault"
	"github.com/coop-ob/connector/dev/testenv"
)

// TestMiddleware: in front of kumo as the local stack runs it, a rule fails only the service,
// operation and caller it names, as often as it says, with the error code the SDK decodes.
func TestMiddleware(t *testing.T) {
	t.Parallel()
	kumo, err := url.Parse(testenv.KumoURL())
	if err != nil {
		t.Fatal(err)
	}
	inj := awsfault.New(1)
	front := httptest.NewServer(inj.Middleware(httputil.NewSingleHostReverseProxy(kumo)))
	defer front.Close()
	client := func(key string) (*dynamodb.Client, *secretsmanager.Client) {
		cfg := aws.Config{Region: "eu-west-2", Credentials: awscreds.NewStaticCredentialsProvider(key, "secret", ""),
			RetryMaxAttempts: 1}
		return dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(front.URL) }),
			secretsmanager.NewFromConfig(cfg, func(o *secretsmanager.Options) { o.BaseEndpoint = aws.String(front.URL) })
	}
	ddbA, smA := client("caller-a")
	ddbB, _ := client("caller-b")
	inj.Add(awsfault.Rule{Service: "dynamodb", Operation: "ListTables", Caller: "caller-a", Kind: awsfault.Throttle, Times: 1})
	inj.Add(awsfault.Rule{Service: "secretsmanager", Operation: "ListSecrets", Kind: awsfault.ServerError, Times: 1})
	ctx := context.Background()

	if _, err := ddbB.ListTables(ctx, &dynamodb.ListTablesInput{}); err != nil {
		t.Fatalf("another caller met the fault: %v", err)
	}
	var pte *types.ProvisionedThroughputExceededException
	if _, err := ddbA.ListTables(ctx, &dynamodb.ListTablesInput{}); !errors.As(err, &pte) {
		t.Fatalf("ListTables: %v, want ProvisionedThroughputExceededException", err)
	}
	if _, err := ddbA.ListTables(ctx, &dynamodb.ListTablesInput{}); err != nil {
		t.Fatalf("after its one failure: %v", err)
	}
	var api smithy.APIError
	if _, err := smA.ListSecrets(ctx, &secretsmanager.ListSecretsInput{}); !errors.As(err, &api) || api.ErrorCode() != "InternalServiceError" {
		t.Fatalf("ListSecrets: %v, want InternalServiceError", err)
	}
	if hits := inj.Hits(); len(hits) != 2 || hits[0].Caller != "caller-a" || hits[1].Service != "secretsmanager" {
		t.Errorf("hits %+v", hits)
	}
	var re interface{ HTTPStatusCode() int }
	if _, err := smA.ListSecrets(ctx, &secretsmanager.ListSecretsInput{}); err != nil && errors.As(err, &re) && re.HTTPStatusCode() == http.StatusInternalServerError {
		t.Errorf("a spent rule still fails: %v", err)
	}
}

// TestFailedEntries: a PutEvents through the transport under a FailedEntries rule answers 200
// with FailedEntryCount and an ErrorCode for exactly the entries holding the rule's text, in
// the request's order; the other entries reach EventBridge (kumo) and get its event ids.
func TestFailedEntries(t *testing.T) {
	t.Parallel()
	inj := awsfault.New(1)
	inj.Add(awsfault.Rule{Service: "events", Operation: "PutEvents", Contains: "fail-me", Kind: awsfault.FailedEntries,
		Times: 1})
	cfg := aws.Config{Region: "eu-west-2", Credentials: awscreds.NewStaticCredentialsProvider("publisher", "secret", ""),
		HTTPClient: &http.Client{Transport: inj.Transport(nil)}, RetryMaxAttempts: 1}
	eb := eventbridge.NewFromConfig(cfg, func(o *eventbridge.Options) { o.BaseEndpoint = aws.String(testenv.KumoURL()) })
	entry := func(id string) ebtypes.PutEventsRequestEntry {
		return ebtypes.PutEventsRequestEntry{Source: aws.String("test"), DetailType: aws.String("Test"),
			Detail: aws.String(`{"eventId":"` + id + `"}`)}
	}
	in := &eventbridge.PutEventsInput{Entries: []ebtypes.PutEventsRequestEntry{entry("a"), entry("fail-me"), entry("c")}}
	out, err := eb.PutEvents(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	if out.FailedEntryCount != 1 || len(out.Entries) != 3 {
		t.Fatalf("answer %+v, want 3 entries, 1 failed", out)
	}
	for i, e := range out.Entries {
		failed := aws.ToString(e.ErrorCode) != ""
		if failed != (i == 1) || failed == (aws.ToString(e.EventId) != "") {
			t.Errorf("entry %d: id %q code %q; want only entry 1 failed", i, aws.ToString(e.EventId), aws.ToString(e.ErrorCode))
		}
	}
	if aws.ToString(out.Entries[1].ErrorCode) != "InternalFailure" {
		t.Errorf("failed entry's code %q", aws.ToString(out.Entries[1].ErrorCode))
	}
	if out, err := eb.PutEvents(t.Context(), in); err != nil || out.FailedEntryCount != 0 {
		t.Errorf("after its one use the rule still fails entries: %v %+v", err, out)
	}
}
