package bankapi

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
)

// checkFunc is an AnswerCheck from a function; it records what it was shown.
type checkFunc struct {
	mu   sync.Mutex
	seen []Answer
	err  error
}

func (c *checkFunc) CheckAnswer(_ context.Context, a Answer) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen = append(c.seen, a)
	return c.err
}

// TestDoChecksSignedAnswers: the 2xx answers of the PIS API go through
// Client.Answers with their signature and exact bytes; a refusal makes an
// *UnusableError (a POST may have been processed) naming the rule, with the
// interaction id. AIS and CBPII answers and error answers are not checked.
func TestDoChecksSignedAnswers(t *testing.T) {
	t.Parallel()
	const body = `{"Data":{"DomesticPaymentId":"p-1"},"Links":{"Self":"x"},"Meta":{}}`
	tests := []struct {
		name    string
		method  string
		path    string
		status  int
		refuse  bool
		checked bool
	}{
		{"payment order", http.MethodPost, PISPPath + "/domestic-payments", 201, false, true},
		{"payment order refused", http.MethodPost, PISPPath + "/domestic-payments", 201, true, true},
		{"payment consent GET refused", http.MethodGet, PISPPath + "/domestic-payment-consents/c-1", 200, true, true},
		{"funds confirmation", http.MethodGet, PISPPath + "/domestic-payment-consents/c-1/funds-confirmation", 200, false, true},
		{"AIS", http.MethodGet, AISPPath + "/accounts", 200, true, false},
		{"CBPII", http.MethodPost, CBPIIPath + "/funds-confirmations", 201, true, false},
		{"PIS error answer", http.MethodPost, PISPPath + "/domestic-payments", 400, true, false},
		{"PIS 401 without body", http.MethodPost, PISPPath + "/domestic-payments", 401, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, fb := newBank(t)
			chk := &checkFunc{}
			if tc.refuse {
				chk.err = errors.New("jws: signature not verified: kid not in the bank's keys")
			}
			c.Answers = chk
			fb.respond = func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set(HeaderInteractionID, "iid-bank")
				w.Header().Set(HeaderJWSSignature, "h..s")
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(tc.status)
				if tc.status != 401 {
					_, _ = w.Write([]byte(body))
				}
			}
			var reqBody []byte
			if tc.method == http.MethodPost {
				reqBody = []byte(`{}`)
			}
			resp, err := c.Do(context.Background(), Request{Method: tc.method, Path: tc.path, Body: reqBody})
			if got := len(chk.seen) == 1; got != tc.checked {
				t.Fatalf("checked = %v, want %v", got, tc.checked)
			}
			if tc.checked {
				a := chk.seen[0]
				if a.Signature != "h..s" || string(a.Body) != body || a.Path != tc.path || a.Method != tc.method || a.InteractionID != "iid-bank" {
					t.Errorf("answer shown %+v", a)
				}
			}
			var ue *UnusableError
			switch {
			case tc.checked && tc.refuse:
				if !errors.As(err, &ue) || ue.Signature == "" || ue.InteractionID != "iid-bank" || resp != nil {
					t.Fatalf("Do = %v, %v; want an *UnusableError naming the signature", resp, err)
				}
				if ue.MayHaveBeenProcessed() != (tc.method == http.MethodPost) || Classify(err) != ActionFailure {
					t.Errorf("processed %v, action %v", ue.MayHaveBeenProcessed(), Classify(err))
				}
			case tc.status < 300 && err != nil:
				t.Fatalf("Do: %v", err)
			}
		})
	}
}
