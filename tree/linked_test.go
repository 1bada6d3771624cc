package tree

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sdk is the AWS SDK's module path.
const sdk = "github.com/aws/aws-sdk-go-v2"

// neverLinked are packages no function links: the SDK's default configuration and the
// credential clients it brings (a function's AWS configuration is setup.AWSConfig, from the
// environment Lambda sets), templates (the callback's pages are a fixed frame around escaped
// text), a JOSE library (shared/jws signs and reads key sets with the standard library), and the SDK's DynamoDB packages. Each costs cold-start time and binary size (docs/performance.md).
var neverLinked = []string{
	sdk + "/config", sdk + "/service/sts", sdk + "/service/sso", sdk + "/service/ssooidc",
	sdk + "/service/signin", sdk + "/feature/ec2/imds", "html/template", "text/template",
	"github.com/go-jose/go-jose/v4",
	// The SDK's KMS, Secrets Manager, SQS and EventBridge packages (and their types, which
	// build the same schemas at init): shared/awsapi's packages call those services.
	sdk + "/service/kms", sdk + "/service/kms/types", sdk + "/service/secretsmanager",
	sdk + "/service/secretsmanager/types", sdk + "/service/sqs", sdk + "/service/sqs/types",
	sdk + "/service/eventbridge", sdk + "/service/eventbridge/types",
	// DynamoDB is called through shared/awsapi/dynamodb: the SDK's packages build their schema
	// tables at init (and attributevalue brings them, through their types packages).
	sdk + "/service/dynamodb", sdk + "/service/dynamodb/types", sdk + "/feature/dynamodb/attributevalue",
}

// onlyIn are service clients only the named functions call.
var onlyIn = map[string][]string{
	sdk + "/service/dynamodbstreams":      {"events"},
	module + "/shared/awsapi/sqs":         {"tokens"},
	module + "/shared/awsapi/eventbridge": {"events"},
}

// TestFunctionsLinkOnlyWhatTheyUse: every function under functions/, built as the Makefile
// builds it (-tags lambda.norpc), links none of neverLinked, and a service client of onlyIn
// only where it is called.
func TestFunctionsLinkOnlyWhatTheyUse(t *testing.T) {
	t.Parallel()
	dirs, err := os.ReadDir("../functions")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join("../functions", d.Name(), "main.go")); err != nil {
			continue
		}
		n++
		name := d.Name()
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command("go", "list", "-tags", "lambda.norpc", "-deps", "./functions/"+name)
			cmd.Dir = ".."
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go list: %v\n%s", err, stderr(err))
			}
			deps := strings.Fields(string(out))
			for _, p := range neverLinked {
				if slices.Contains(deps, p) {
					t.Errorf("%s links %s", name, p)
				}
			}
			for p, users := range onlyIn {
				if slices.Contains(deps, p) && !slices.Contains(users, name) {
					t.Errorf("%s links %s, which only %v call", name, p, users)
				}
			}
		})
	}
	if n < 4 {
		t.Fatalf("found %d functions under functions/", n)
	}
}
