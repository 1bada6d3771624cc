package bankapi

import (
	"context"
	"errors"
	"net/http"
	"testing"
)

// A 2xx is passed on only when it is an OB resource answer: a JSON object
// with a Data object. HTML, empty or other bodies are an *UnusableError
// with the interaction id, whatever the Content-Type says; a DELETE and a
// 204 carry no body by design.
func TestDoUnusable2xx(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		method      string
		status      int
		contentType string
		body        string
		want        BodyKind // "" = usable
	}{
		{"OB answer", http.MethodGet, 200, "application/json", `{"Data":{"Account":[]},"Links":{}}`, ""},
		{"OB answer without Content-Type", http.MethodGet, 200, "", `{"Data":{}}`, ""},
		{"HTML page", http.MethodGet, 200, "text/html", "<html><body>Service unavailable</body></html>", BodyHTML},
		{"HTML labelled JSON", http.MethodGet, 200, "application/json", "<!doctype html><p>maintenance</p>", BodyHTML},
		{"empty", http.MethodGet, 200, "application/json", "", BodyEmpty},
		{"blank", http.MethodGet, 200, "application/json", " \n", BodyEmpty},
		{"plain text", http.MethodGet, 200, "text/plain", "OK", BodyOther},
		{"JSON without Data", http.MethodGet, 200, "application/json", `{"status":"ok"}`, BodyJSON},
		{"data in lower case", http.MethodGet, 200, "application/json", `{"data":{}}`, BodyJSON},
		{"Data not an object", http.MethodGet, 200, "application/json", `{"Data":[]}`, BodyJSON},
		{"JSON array", http.MethodGet, 200, "application/json", `[{"Data":{}}]`, BodyJSON},
		{"truncated JSON", http.MethodGet, 200, "application/json", `{"Data":{`, BodyOther},
		{"POST 201 HTML", http.MethodPost, 201, "text/html", "<html></html>", BodyHTML},
		{"POST 201 empty", http.MethodPost, 201, "", "", BodyEmpty},
		{"DELETE 204", http.MethodDelete, 204, "", "", ""},
		{"DELETE 200 empty", http.MethodDelete, 200, "", "", ""},
		{"204 to a POST", http.MethodPost, 204, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, fb := newBank(t)
			fb.respond = func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set(HeaderInteractionID, "iid-bank")
				if tc.contentType != "" {
					w.Header().Set("Content-Type", tc.contentType)
				}
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			}
			var body []byte
			if tc.method == http.MethodPost {
				body = []byte(`{}`)
			}
			resp, err := c.Do(context.Background(), Request{Method: tc.method, Path: AISPPath + "/accounts", Body: body})
			if tc.want == "" {
				if err != nil || resp.Status != tc.status {
					t.Fatalf("Do = %v, %v; want the %d answer", resp, err, tc.status)
				}
				return
			}
			var ue *UnusableError
			if !errors.As(err, &ue) || resp != nil {
				t.Fatalf("Do = %v, %v; want an *UnusableError", resp, err)
			}
			if ue.Status != tc.status || ue.BodyKind != tc.want || ue.InteractionID != "iid-bank" || ue.Method != tc.method {
				t.Errorf("error %+v; want status %d, body %s, the bank's interaction id", ue, tc.status, tc.want)
			}
			if got := ue.MayHaveBeenProcessed(); got != (tc.method == http.MethodPost) {
				t.Errorf("MayHaveBeenProcessed = %v for %s", got, tc.method)
			}
			if Classify(err) != ActionFailure || !IsUnusable(err) {
				t.Errorf("Classify %v IsUnusable %v; want failure, true", Classify(err), IsUnusable(err))
			}
		})
	}
}
