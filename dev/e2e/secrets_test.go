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
	"github.com/coop-ob/connector/dev/bank/sandbox"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb"
	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
	"github.com/coop-ob/connector/shared/awsapi/kms"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/seal"
	"github.com/coop-ob/connector/shared/setup"
)

// secretSet is every secret value the run produced or saw: app JWTs, authorization codes,
// PKCE verifiers, bank access and refresh tokens (every one the bank issued, client
// credentials included, not only those the table still holds), the client secret and the
// private keys.
type secretSet struct {
	mu     sync.Mutex
	values map[string]string // value → kind
}

var secrets = &secretSet{values: map[string]string{}}

// minSecret is the shortest value checked: shorter ones would match by accident.
const minSecret = 12

// add records v as a secret of the given kind; it reports whether v was new (a value
// already known keeps its first kind).
func (s *secretSet) add(kind, v string) bool {
	if len(v) < minSecret {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.values[v]; ok {
		return false
	}
	s.values[v] = kind
	return true
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

// tableStore is a store on the stack's table that opens its sealed values as the functions
// do (kumo's KMS, the stack's seal key, the table's context).
func tableStore() *consent.Store {
	s := consent.New(table(), st.TableName())
	k := kms.NewFromConfig(aws.Config{Region: "eu-west-2", Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")},
		func(o *kms.Options) { o.Endpoint = st.AWSEndpoint() })
	s.Sealer = seal.New(k, st.SealKey(), seal.Context(st.TableName(), setup.SealPurpose), seal.Settings{})
	return s
}

// table is a DynamoDB client on the stack's kumo.
func table() *dynamodb.Client {
	return dynamodb.NewFromConfig(aws.Config{Region: "eu-west-2", Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")},
		func(o *dynamodb.Options) { o.Endpoint = st.AWSEndpoint() })
}

func harvestTable(ctx context.Context) error {
	values, err := tableSecrets(ctx)
	for v, kind := range values {
		secrets.add(kind, v)
	}
	return err
}

// tableSecrets is every secret the table holds now (value → kind).
func tableSecrets(ctx context.Context) (map[string]string, error) {
	values := map[string]string{}
	store := tableStore()
	err := scanTable(ctx, func(item map[string]types.AttributeValue) error {
		if err := store.OpenItem(ctx, item); err != nil {
			return err
		}
		for name, kind := range secretAttributes {
			if v, ok := item[name].(*types.AttributeValueMemberS); ok {
				values[v.Value] = kind
			}
		}
		return nil
	})
	return values, err
}

// scanTable calls fn with every item of the table as stored.
func scanTable(ctx context.Context, fn func(map[string]types.AttributeValue) error) error {
	db := table()
	in := &dynamodb.ScanInput{TableName: aws.String(st.TableName()), ConsistentRead: aws.Bool(true)}
	for {
		out, err := db.Scan(ctx, in)
		if err != nil {
			return err
		}
		for _, item := range out.Items {
			if err := fn(item); err != nil {
				return err
			}
		}
		if len(out.LastEvaluatedKey) == 0 {
			return nil
		}
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
}

// checkTableSealed fails when the table as stored (no key to open anything) holds one of
// values (every token, code and verifier of the run, the bank's lists included) in any
// attribute, or a secret attribute that is not sealed. It names the attribute and the kind,
// never the value.
func checkTableSealed(ctx context.Context, values map[string]string) (int, error) {
	var found []string
	n := 0
	err := scanTable(ctx, func(item map[string]types.AttributeValue) error {
		n++
		for name, av := range item {
			var text string
			switch v := av.(type) {
			case *types.AttributeValueMemberS:
				text = v.Value
				if _, secret := secretAttributes[name]; secret {
					found = append(found, "a plain "+name)
				}
			case *types.AttributeValueMemberB:
				text = string(v.Value)
			default:
				continue
			}
			for v, kind := range values {
				if strings.Contains(text, v) {
					found = append(found, kind+" in "+name)
				}
			}
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	if len(found) > 0 {
		sort.Strings(found)
		return n, fmt.Errorf("the table holds secrets in plain text: %s", strings.Join(found, ", "))
	}
	return n, nil
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

// addBankSecrets adds every access token (all grants, client credentials included),
// refresh token and authorization code the in-process sandbox bank issued during the run,
// and every PKCE verifier presented at its token endpoint: tokens rotated away, replaced
// by a re-authentication or never stored are secrets of the run too. It counts how many of
// them the final table and the per-step harvests would have missed.
func addBankSecrets(b *sandbox.Bank, finalTable map[string]string) (bankStats, error) {
	var out bankStats
	all := b.IssuedSecrets()
	if len(all) == 0 {
		return out, errors.New("the bank lists no issued token or code")
	}
	add := func(kind, v string) {
		if _, ok := finalTable[v]; !ok {
			out.notInTable++
		}
		if secrets.add(kind, v) {
			out.added++
		}
	}
	for _, s := range all {
		add("bank "+s.Kind, s.Value)
	}
	verifiers := b.SeenVerifiers()
	for _, v := range verifiers {
		add("PKCE verifier", v)
	}
	out.issued, out.verifiers = len(all), len(verifiers)
	return out, nil
}

// bankStats counts what addBankSecrets contributed to the log check.
type bankStats struct {
	issued, verifiers int // listed by the bank
	notInTable        int // of those, not in the table at the end of the run
	added             int // of those, not known from the per-step harvests and journeys either
}

// checkLogs fails when any line logged by any process of the run (every function, the
// emulators, the bank, the gateway, the scheduler) contains a secret value of the run.
// It names the source and the kind of secret, never the value.
func checkLogs(ctx context.Context) error {
	finalTable, err := tableSecrets(ctx)
	if err != nil {
		return fmt.Errorf("log check: read the table: %w", err)
	}
	for v, kind := range finalTable {
		secrets.add(kind, v)
	}
	if err := addCredentialSecrets(); err != nil {
		return fmt.Errorf("log check: %w", err)
	}
	bs, err := addBankSecrets(st.Bank(), finalTable)
	if err != nil {
		return fmt.Errorf("log check: %w", err)
	}
	values := secrets.snapshot()
	items, err := checkTableSealed(ctx, values)
	if err != nil {
		return fmt.Errorf("table check: %w", err)
	}
	fmt.Printf("e2e: table check: %d items scanned as stored, none holds any of the run's %d secret values or a plain secret attribute\n",
		items, len(values))
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
	fmt.Printf("e2e: log check: %d lines %v, %d secret values %v; the bank issued %d tokens and codes and saw %d "+
		"verifiers: %d of them not in the final table, %d not caught by the per-step harvests either\n",
		len(lines), sources, len(values), counts, bs.issued, bs.verifiers, bs.notInTable, bs.added)
	// With every test run, every function has logged: the check covered them all.
	for _, fn := range functions {
		if f := flag.Lookup("test.run"); f != nil && f.Value.String() == "" && sources[fn] == 0 {
			return fmt.Errorf("log check: no log line was collected from the %s function", fn)
		}
	}
	if len(leaks) > 0 {
		return fmt.Errorf("secrets in the logs:\n  %s", strings.Join(leaks, "\n  "))
	}
	// Every event the stack published, as EventBridge took it: valid against its schema, and
	// holding none of those values.
	n, err := checkEvents(values)
	if err != nil {
		return err
	}
	if n == 0 {
		return errors.New("event check: the stack published no event")
	}
	fmt.Printf("e2e: event check: %d published events valid against their schemas, none holds any of the run's %d secret values\n", n, len(values))
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

// TestLeakCheckCoverage re-authenticates a consent and checks that the values the final
// log check compares against include what the table no longer holds: the replaced access
// and refresh tokens, the consents function's client-credentials tokens and the PKCE
// verifiers of finished journeys all come from the bank's own lists.
func TestLeakCheckCoverage(t *testing.T) {
	c := newCaller(t)
	b := st.Bank()
	n := len(b.IssuedSecrets())
	id := c.authorisedAIS(t)
	store := tableStore()
	before, err := store.GetTokens(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	cr := c.authorize(t, id, false)
	expectOutcome(t, journey(t, cr.AuthorizationUrl, sandbox.JourneyOptions{User: "alice", Password: "password",
		Accounts: []string{"1001"}}), id, "authorised")
	after, err := store.GetTokens(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if after.AccessToken == before.AccessToken || after.RefreshToken == before.RefreshToken {
		t.Fatalf("the re-authentication did not replace the consent's tokens")
	}

	issued := b.IssuedSecrets()
	kinds := map[string]string{}
	mine := map[string]int{}
	for i, s := range issued {
		kinds[s.Value] = s.Kind
		if i >= n {
			mine[s.Kind]++
		}
	}
	inTable, err := tableSecrets(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for what, v := range map[string]string{
		"replaced access token": before.AccessToken, "replaced refresh token": before.RefreshToken,
		"current access token": after.AccessToken, "current refresh token": after.RefreshToken,
	} {
		if kinds[v] == "" {
			t.Errorf("the bank does not list the consent's %s", what)
		}
	}
	for what, v := range map[string]string{"replaced access token": before.AccessToken, "replaced refresh token": before.RefreshToken} {
		if _, ok := inTable[v]; ok {
			t.Errorf("the table still holds the %s: the test does not show what the bank's list adds", what)
		}
	}
	// Two journeys: two codes. The consents function caches its client-credentials token, so
	// this test may not mint one, but the run has: none of them is ever in the table.
	if mine[sandbox.SecretAuthorizationCode] < 2 {
		t.Errorf("issued during this test: %v, want two authorization codes", mine)
	}
	cc := 0
	for _, s := range issued {
		if s.Kind == sandbox.SecretClientCredentials {
			cc++
			if _, ok := inTable[s.Value]; ok {
				t.Errorf("the table holds a client-credentials token")
			}
		}
	}
	if cc == 0 {
		t.Errorf("the bank lists no client-credentials token, though a consent was created")
	}
	verifiers := b.SeenVerifiers()
	onlyBank := 0
	for _, s := range issued {
		if _, ok := inTable[s.Value]; !ok {
			onlyBank++
		}
	}
	for _, v := range verifiers {
		if _, ok := inTable[v]; !ok {
			onlyBank++
		}
	}
	t.Logf("the bank has issued %d tokens and codes so far (%v in this test) and seen %d verifiers; "+
		"the table holds %d secret values; %d bank values are not in the table", len(issued), mine, len(verifiers),
		len(inTable), onlyBank)
}
