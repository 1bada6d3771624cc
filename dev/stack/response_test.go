package stack

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWriteAnswer(t *testing.T) {
	for _, tc := range []struct {
		name       string
		answer     string
		wantKind   answerKind
		wantStatus int
		wantBody   string
		wantHeader http.Header
	}{
		{
			name: "response",
			answer: `{"statusCode":201,"headers":{"content-type":"application/json","x-one":"1"},` +
				`"multiValueHeaders":{"x-multi":["a","b"]},"cookies":["c1=v1; Path=/","c2=v2"],"body":"{\"ok\":true}"}`,
			wantKind: answerResponse, wantStatus: 201, wantBody: `{"ok":true}`,
			wantHeader: http.Header{"Content-Type": {"application/json"}, "X-One": {"1"}, "X-Multi": {"a", "b"},
				"Set-Cookie": {"c1=v1; Path=/", "c2=v2"}},
		},
		{
			name:     "base64 body",
			answer:   `{"statusCode":200,"headers":{"content-type":"application/octet-stream"},"body":"AAH/","isBase64Encoded":true}`,
			wantKind: answerResponse, wantStatus: 200, wantBody: "\x00\x01\xff",
			wantHeader: http.Header{"Content-Type": {"application/octet-stream"}},
		},
		{
			name:     "redirect",
			answer:   `{"statusCode":302,"headers":{"location":"http://x/result?status=ok"}}`,
			wantKind: answerResponse, wantStatus: 302,
			wantHeader: http.Header{"Location": {"http://x/result?status=ok"}},
		},
		{
			name:     "JSON without statusCode",
			answer:   `{"hello":"world"}`,
			wantKind: answerResponse, wantStatus: 200, wantBody: `{"hello":"world"}`,
			wantHeader: http.Header{"Content-Type": {"application/json"}},
		},
		{
			name:     "function error",
			answer:   `{"errorMessage":"boom","errorType":"errorString"}`,
			wantKind: answerError, wantStatus: 502, wantBody: `{"message":"Internal Server Error"}`,
			wantHeader: http.Header{"Content-Type": {"application/json"}},
		},
		{
			name:     "panic",
			answer:   `{"errorMessage":"boom","errorType":"string","stackTrace":[]}`,
			wantKind: answerError, wantStatus: 502, wantBody: `{"message":"Internal Server Error"}`,
			wantHeader: http.Header{"Content-Type": {"application/json"}},
		},
		{
			name:     "timeout",
			answer:   `Task timed out after 3.00 seconds`,
			wantKind: answerTimeout, wantStatus: 504, wantBody: `{"message":"Gateway Timeout"}`,
			wantHeader: http.Header{"Content-Type": {"application/json"}},
		},
		{
			name:     "not JSON",
			answer:   `oops`,
			wantKind: answerInvalid, wantStatus: 502, wantBody: `{"message":"Internal Server Error"}`,
			wantHeader: http.Header{"Content-Type": {"application/json"}},
		},
		{
			name:     "bad status",
			answer:   `{"statusCode":42}`,
			wantKind: answerInvalid, wantStatus: 502, wantBody: `{"message":"Internal Server Error"}`,
			wantHeader: http.Header{"Content-Type": {"application/json"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			if kind := writeAnswer(rec, []byte(tc.answer)); kind != tc.wantKind {
				t.Errorf("kind = %v, want %v", kind, tc.wantKind)
			}
			if rec.Code != tc.wantStatus || rec.Body.String() != tc.wantBody {
				t.Errorf("got %d %q, want %d %q", rec.Code, rec.Body.String(), tc.wantStatus, tc.wantBody)
			}
			if diff := cmp.Diff(tc.wantHeader, rec.Header()); diff != "" {
				t.Errorf("headers (-want +got):\n%s", diff)
			}
		})
	}
}
