package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// secretSet is every secret value the run produced or saw: app JWTs, authorization codes,
// PKCE verifiers, bank access and refresh tokens, the client secret and the private keys.
type secretSet struct {
	mu     sync.Mutex
	values map[string]string // value → kind
}

var secrets = &secretSet{values: map[string]string{}}

// minSecret is the shortest value checked: shorter ones would match by accident.
const minSecret = 12

func (s *secretSet) add(kind, v string) {
	if len(v) < minSecret {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.values[v] = kind
}

func (s *secretSet) snapshot() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]string, len(s.values))
	for k, v := range s.values {
		out[k] = v
	}
	return out
}

// secretAttributes are the table attributes that hold secrets (shared/consent): the bank
// tokens of a TOKEN item, the PKCE verifier of an auth session and the code it keeps while
// an exchange is pending.
var secretAttributes = map[string]string{
	"accessToken": "bank access token", "refreshToken": "bank refresh token",
	"verifier": "PKCE verifier", "code": "authorization code",
}

// harvest reads every secret the table holds now (tokens rotate and sessions are deleted,
// so the tests call it after each step that writes one).
func harvest(t *testing.T) {
	t.Helper()
	if err := harvestTable(t.Context()); err != nil {
		t.Fatalf("read the table for the log check: %v", err)
	}
}

// table is a DynamoDB client on the stack's kumo.
func table() *dynamodb.Client {
	return dynamodb.New(dynamodb.Options{Region: "eu-west-2", BaseEndpoint: aws.String(st.AWSEndpoint()),
		Credentials:                     credentials.NewStaticCredentialsProvider("local", "local", ""),
		DisableValidateResponseChecksum: true})
}

func harvestTable(ctx context.Context) error {
	db := table()
	in := &dynamodb.ScanInput{TableName: aws.String(st.TableName()), ConsistentRead: aws.Bool(true)}
	for {
		out, err := db.Scan(ctx, in)
		if err != nil {
			return err
		}
		for _, item := range out.Items {
			for name, kind := range secretAttributes {
				if v, ok := item[name].(*types.AttributeValueMemberS); ok {
					secrets.add(kind, v.Value)
				}
			}
		}
		if len(out.LastEvaluatedKey) == 0 {
			return nil
		}
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
}

// addCredentialSecrets adds the client secret and every body line of the private keys of
// the credentials secret the bank generated (a PEM is logged line by line if at all).
func addCredentialSecrets() error {
	var c struct {
		ClientSecret    string `json:"clientSecret"`
		TransportKeyPem string `json:"transportKeyPem"`
		SigningKeyPem   string `json:"signingKeyPem"`
	}
	if err := json.Unmarshal(st.Bank().SecretJSON(), &c); err != nil {
		return fmt.Errorf("credentials secret: %w", err)
	}
	if c.ClientSecret == "" || c.TransportKeyPem == "" || c.SigningKeyPem == "" {
		return errors.New("credentials secret without clientSecret, transportKeyPem or signingKeyPem")
	}
	secrets.add("client secret", c.ClientSecret)
	for kind, pem := range map[string]string{"transport private key": c.TransportKeyPem, "signing private key": c.SigningKeyPem} {
		for line := range strings.SplitSeq(pem, "\n") {
			if line = strings.TrimSpace(line); !strings.HasPrefix(line, "-----") {
				secrets.add(kind, line)
			}
		}
	}
	return nil
}

// checkLogs fails when any line logged by any process of the run (every function, the
// emulators, the bank, the gateway, the scheduler) contains a secret value of the run.
// It names the source and the kind of secret, never the value.
func checkLogs(ctx context.Context) error {
	if err := harvestTable(ctx); err != nil {
		return fmt.Errorf("log check: read the table: %w", err)
	}
	if err := addCredentialSecrets(); err != nil {
		return fmt.Errorf("log check: %w", err)
	}
	values := secrets.snapshot()
	lines := st.Logs()
	if len(lines) == 0 {
		return errors.New("log check: no log line was collected from the stack")
	}
	leaks := findLeaks(lines, values)
	counts := map[string]int{}
	for _, kind := range values {
		counts[kind]++
	}
	sources := map[string]int{}
	for _, line := range lines {
		source, _, _ := strings.Cut(line, "| ")
		sources[source]++
	}
	fmt.Printf("e2e: log check: %d lines %v, %d secret values %v\n", len(lines), sources, len(values), counts)
	// With every test run, every function has logged: the check covered them all.
	for _, fn := range functions {
		if f := flag.Lookup("test.run"); f != nil && f.Value.String() == "" && sources[fn] == 0 {
			return fmt.Errorf("log check: no log line was collected from the %s function", fn)
		}
	}
	if len(leaks) > 0 {
		return fmt.Errorf("secrets in the logs:\n  %s", strings.Join(leaks, "\n  "))
	}
	return nil
}

// findLeaks names every line (by number and source) that contains one of values
// (value → kind), sorted; never the value itself.
func findLeaks(lines []string, values map[string]string) []string {
	var leaks []string
	for i, line := range lines {
		for v, kind := range values {
			if strings.Contains(line, v) {
				source, _, _ := strings.Cut(line, "| ")
				leaks = append(leaks, fmt.Sprintf("log line %d from %s contains a %s", i+1, source, kind))
			}
		}
	}
	sort.Strings(leaks)
	return leaks
}

// TestFindLeaks proves the final log check can fail: a planted secret is found and named
// without being repeated.
func TestFindLeaks(t *testing.T) {
	const planted = "Zm9vYmFyLXNlY3JldC12YWx1ZQ"
	lines := []string{`proxy| {"msg":"ok"}`, `bank| {"token":"` + planted + `"}`}
	got := findLeaks(lines, map[string]string{planted: "bank access token"})
	want := []string{"log line 2 from bank contains a bank access token"}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("findLeaks = %q, want %q", got, want)
	}
	if len(findLeaks(lines[:1], map[string]string{planted: "x"})) != 0 {
		t.Errorf("findLeaks flags a clean line")
	}
}
