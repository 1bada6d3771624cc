package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/awsapi/dynamodb/types"
)

func TestProblemResponse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		in          Problem
		wantStatus  int
		wantBody    map[string]any
		wantHeaders map[string]string
	}{
		{
			name: "full",
			in: Problem{Type: TypeReauthenticationRequired, Title: "Re-authentication required", Status: 403,
				Detail: "d", Action: ActionReauthenticate, InteractionID: "iid", AuthorizationURL: "https://bank/auth?data=x",
				Errors: []FieldError{{Field: "f", Message: "m"}}},
			wantStatus: 403,
			wantBody: map[string]any{"type": TypeReauthenticationRequired, "title": "Re-authentication required",
				"status": 403.0, "detail": "d", "action": "reauthenticate", "interactionId": "iid",
				"authorizationUrl": "https://bank/auth?data=x",
				"errors":           []any{map[string]any{"field": "f", "message": "m"}}},
			wantHeaders: map[string]string{"Content-Type": "application/problem+json", "Cache-Control": "no-store"},
		},
		{
			name:        "defaults",
			in:          Problem{},
			wantStatus:  500,
			wantBody:    map[string]any{"type": "about:blank", "title": "Internal Server Error", "status": 500.0},
			wantHeaders: map[string]string{"Content-Type": "application/problem+json", "Cache-Control": "no-store"},
		},
		{
			name:       "unauthorized",
			in:         Unauthorized(),
			wantStatus: 401,
			wantBody: map[string]any{"type": TypeUnauthorized, "title": "Unauthorized", "status": 401.0,
				"detail": "The request carries no valid caller identity."},
			wantHeaders: map[string]string{"Content-Type": "application/problem+json", "Cache-Control": "no-store",
				"WWW-Authenticate": "Bearer"},
		},
		{
			name:        "not found",
			in:          NotFound("No such consent."),
			wantStatus:  404,
			wantBody:    map[string]any{"type": TypeNotFound, "title": "Not found", "status": 404.0, "detail": "No such consent."},
			wantHeaders: map[string]string{"Content-Type": "application/problem+json", "Cache-Control": "no-store"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := ProblemResponse(tt.in)
			if r.StatusCode != tt.wantStatus {
				t.Errorf("status %d, want %d", r.StatusCode, tt.wantStatus)
			}
			if diff := cmp.Diff(tt.wantHeaders, r.Headers); diff != "" {
				t.Errorf("headers (-want +got):\n%s", diff)
			}
			var body map[string]any
			if err := json.Unmarshal([]byte(r.Body), &body); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantBody, body); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}

func TestProblemTypesDistinct(t *testing.T) {
	t.Parallel()
	types := []string{TypeInvalidRequest, TypeNotFound, TypeConflict, TypeUnauthorized, TypeBankError,
		TypeStepUpRequired, TypeReauthenticationRequired, TypeReconsentRequired, TypeAccountUnavailable,
		TypeRetryLater, TypeIdempotencyKeyRequired, TypePaymentNotAllowed, TypePaymentUnconfirmed,
		TypePermissionNotGranted, TypeInternal}
	seen := map[string]bool{}
	for _, ty := range types {
		if seen[ty] || !strings.HasPrefix(ty, ProblemBase) || len(ty) == len(ProblemBase) {
			t.Errorf("type %q duplicated or malformed", ty)
		}
		seen[ty] = true
	}
}

func TestJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		status      int
		v           any
		extra       []map[string]string
		wantStatus  int
		wantBody    string
		wantHeaders map[string]string
	}{
		{"object", 201, map[string]string{"consentId": "c1"}, nil, 201, `{"consentId":"c1"}`,
			map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store"}},
		{"extra headers", 200, []int{1}, []map[string]string{{"Location": "/x"}, {"X-A": "b"}}, 200, `[1]`,
			map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store", "Location": "/x", "X-A": "b"}},
		{"unmarshalable", 200, func() {}, nil, 500, "",
			map[string]string{"Content-Type": "application/problem+json", "Cache-Control": "no-store"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := JSON(tt.status, tt.v, tt.extra...)
			if r.StatusCode != tt.wantStatus {
				t.Errorf("status %d, want %d", r.StatusCode, tt.wantStatus)
			}
			if tt.wantBody != "" && r.Body != tt.wantBody {
				t.Errorf("body %s, want %s", r.Body, tt.wantBody)
			}
			if diff := cmp.Diff(tt.wantHeaders, r.Headers); diff != "" {
				t.Errorf("headers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHTMLAndRedirect(t *testing.T) {
	t.Parallel()
	h := HTML(400, "<p>x</p>")
	if h.StatusCode != 400 || h.Body != "<p>x</p>" || h.Headers["Content-Type"] != "text/html; charset=utf-8" ||
		h.Headers["Cache-Control"] != "no-store" || !strings.Contains(h.Headers["Content-Security-Policy"], "default-src 'none'") {
		t.Errorf("HTML = %+v", h)
	}
	r := Redirect("https://app.example/result?status=ok")
	want := map[string]string{"Location": "https://app.example/result?status=ok", "Cache-Control": "no-store",
		"Pragma": "no-cache", "Referrer-Policy": "no-referrer"}
	if r.StatusCode != http.StatusFound || r.Body != "" {
		t.Errorf("Redirect status %d body %q", r.StatusCode, r.Body)
	}
	if diff := cmp.Diff(want, r.Headers); diff != "" {
		t.Errorf("Redirect headers (-want +got):\n%s", diff)
	}
}

func TestCaller(t *testing.T) {
	t.Parallel()
	withClaims := func(c map[string]string) events.APIGatewayV2HTTPRequest {
		var r events.APIGatewayV2HTTPRequest
		r.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: c}}
		return r
	}
	noJWT := events.APIGatewayV2HTTPRequest{}
	noJWT.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{}
	tests := []struct {
		name    string
		req     events.APIGatewayV2HTTPRequest
		wantSub string
		wantOK  bool
	}{
		{"sub", withClaims(map[string]string{"sub": "user-1", "scope": "x"}), "user-1", true},
		{"no sub", withClaims(map[string]string{"scope": "x"}), "", false},
		{"empty sub", withClaims(map[string]string{"sub": ""}), "", false},
		{"nil claims", withClaims(nil), "", false},
		{"no jwt", noJWT, "", false},
		{"no authorizer", events.APIGatewayV2HTTPRequest{}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sub, ok := Caller(tt.req)
			if sub != tt.wantSub || ok != tt.wantOK {
				t.Errorf("Caller = %q, %v; want %q, %v", sub, ok, tt.wantSub, tt.wantOK)
			}
		})
	}
}

func TestInternal(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	secret := errors.New("dial tcp 10.0.0.7:443: token=abc123 leaked")
	r := Internal(context.Background(), logger, secret)
	if r.StatusCode != 500 || r.Headers["Content-Type"] != ContentTypeProblem {
		t.Errorf("Internal status %d headers %v", r.StatusCode, r.Headers)
	}
	if strings.Contains(r.Body, "abc123") || strings.Contains(r.Body, "10.0.0.7") {
		t.Errorf("error text leaked into the body: %s", r.Body)
	}
	var p Problem
	if err := json.Unmarshal([]byte(r.Body), &p); err != nil || p.Type != TypeInternal {
		t.Errorf("body %s: %v", r.Body, err)
	}
	var rec map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("log %q: %v", buf.String(), err)
	}
	if rec["level"] != "ERROR" || rec["err"] != secret.Error() {
		t.Errorf("log record %v, want level ERROR and err", rec)
	}
}

// TestInternalTransientStore: a store failure a retry can cure (throttled, 5xx, timed out past
// the SDK's retries) is 503 retry-later with Retry-After, not 500; nothing of the error shows.
func TestInternalTransientStore(t *testing.T) {
	t.Parallel()
	for name, err := range map[string]error{
		"throttled": fmt.Errorf("tokens c1: acquire lease: %w", &types.ProvisionedThroughputExceededException{Message: aws.String("table connector-x")}),
		"5xx":       fmt.Errorf("consent c1: put: %w", &types.InternalServerError{Message: aws.String("table connector-x")}),
		"timeout":   fmt.Errorf("query: %w", context.DeadlineExceeded),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			r := Internal(context.Background(), slog.New(slog.NewJSONHandler(&buf, nil)), err)
			var p Problem
			if jerr := json.Unmarshal([]byte(r.Body), &p); jerr != nil {
				t.Fatal(jerr)
			}
			if r.StatusCode != 503 || p.Type != TypeRetryLater || p.Action != ActionRetryLater || r.Headers["Retry-After"] != "1" ||
				r.Headers["Content-Type"] != ContentTypeProblem {
				t.Errorf("status %d type %s action %s headers %v, want 503 retry-later with Retry-After", r.StatusCode, p.Type, p.Action, r.Headers)
			}
			if strings.Contains(r.Body, "connector-x") {
				t.Errorf("error text leaked into the body: %s", r.Body)
			}
			if !strings.Contains(buf.String(), `"level":"WARN"`) {
				t.Errorf("log %s, want a warning", buf.String())
			}
		})
	}
}

// TestProblemAlwaysHasDetail: a problem built without a detail (the connector's own faults)
// still carries one, as the API documents for every problem.
func TestProblemAlwaysHasDetail(t *testing.T) {
	t.Parallel()
	for _, resp := range []events.APIGatewayV2HTTPResponse{
		ProblemResponse(Problem{Type: TypeInternal, Title: "Internal error", Status: http.StatusInternalServerError}),
		JSON(http.StatusOK, func() {}), // cannot be marshalled: a 500 problem
	} {
		var p Problem
		if err := json.Unmarshal([]byte(resp.Body), &p); err != nil {
			t.Fatal(err)
		}
		if p.Detail == "" || resp.StatusCode != http.StatusInternalServerError {
			t.Errorf("%d %s: want a 500 with a detail", resp.StatusCode, resp.Body)
		}
	}
}
