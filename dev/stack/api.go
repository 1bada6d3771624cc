package stack

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// APIURL is the gateway's base URL, http://127.0.0.1:port (the API's invoke URL).
func (s *Stack) APIURL() string { return s.apiURL }

// ResultURL is the app's stand-in page the callback redirects to (RESULT_URL).
func (s *Stack) ResultURL() string { return s.apiURL + "/result" }

// Bank is the running sandbox bank.
func (s *Stack) Bank() *sandbox.Bank { return s.bank }

// Logs returns every line collected so far, each "source| line" (source: a function name,
// bank, stack).
func (s *Stack) Logs() []string { return s.logs.snapshot() }

// AWSEndpoint is kumo's URL (DynamoDB and Secrets Manager), for tests that look at the table.
// It is reached directly, unchecked; the functions go through IAMEndpoint.
func (s *Stack) AWSEndpoint() string { return s.kumo.URL }

// SealKey is the ARN of the KMS key (in kumo, at AWSEndpoint) that stands for the template's
// SealKey: the functions' SEAL_KEY_ID.
func (s *Stack) SealKey() string { return s.keys["SealKey"] }

// TableName is the DynamoDB table's name in kumo.
func (s *Stack) TableName() string { return s.o.TableName }

// SecretName is the credentials secret's name in kumo.
func (s *Stack) SecretName() string { return s.o.SecretName }

// Issuer is what the gateway's JWT check wants in iss.
func (s *Stack) Issuer() string { return s.o.Issuer }

// Audience is the audiences the gateway's JWT check accepts (any of them).
func (s *Stack) Audience() []string { return append([]string(nil), s.o.Audience...) }

// IssueToken returns an RS256 JWT for sub, valid for ttl from now, that the gateway accepts.
func (s *Stack) IssueToken(sub string, ttl time.Duration) (string, error) {
	return s.auth.issue(sub, ttl)
}

// SignToken signs any claims with the gateway's key, for tests of rejected tokens (expired,
// wrong issuer or audience).
func (s *Stack) SignToken(claims map[string]any) (string, error) {
	return s.auth.sign(claims)
}

// Invoke sends event to a function's emulator (by name, tokens, or logical id, TokensFunction)
// and returns its raw answer: the function's result, {"errorMessage",...}, or "Task timed out".
// Invocations of one function are queued.
func (s *Stack) Invoke(ctx context.Context, function string, event []byte) ([]byte, error) {
	return s.invokeByName(ctx, function, event)
}

// TickSchedule runs every schedule of the template now, as EventBridge would, and fails when a
// run fails.
func (s *Stack) TickSchedule(ctx context.Context) error {
	var errs []error
	for _, f := range s.tmpl.sortedFunctions() {
		for _, sc := range f.Schedules {
			answer, err := s.invokeByName(ctx, sc.Function, sc.payload(s.o.Now()))
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if isFunctionError(answer) {
				errs = append(errs, fmt.Errorf("stack: scheduled run of %s failed: %.300s", sc.Function, answer))
			}
		}
	}
	return errors.Join(errs...)
}
