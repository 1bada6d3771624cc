package funds

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     Request
		fields []string
	}{
		{"valid", Request{Amount: "10.00", Reference: "Rent"}, nil},
		{"bad amount", Request{Amount: "10.001", Reference: "Rent"}, []string{"amount"}},
		{"no reference", Request{Amount: "1.00"}, []string{"reference"}},
		{"long reference", Request{Amount: "1.00", Reference: strings.Repeat("a", 36)}, []string{"reference"}},
		{"both, in field order", Request{Amount: "x", Reference: "a\nb"}, []string{"amount", "reference"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errs := tc.in.Check()
			var got []string
			for _, e := range errs {
				if e.Err == nil {
					t.Errorf("%s: nil error", e.Field)
				}
				got = append(got, e.Field)
			}
			if strings.Join(got, ",") != strings.Join(tc.fields, ",") {
				t.Errorf("fields %v, want %v", got, tc.fields)
			}
		})
	}
}

func TestConfirmationRequest(t *testing.T) {
	req, err := ConfirmationRequest("c-1", Request{Amount: "12.34", Reference: "Ref 1"})
	if err != nil {
		t.Fatal(err)
	}
	if req.Method != http.MethodPost || req.Path != "/apis/retail/open-banking/v3.1/cbpii/funds-confirmations" || req.Query != nil {
		t.Errorf("request %s %s %v", req.Method, req.Path, req.Query)
	}
	var body map[string]any
	if err := json.Unmarshal(req.Body, &body); err != nil {
		t.Fatal(err)
	}
	want := `{"Data":{"ConsentId":"c-1","InstructedAmount":{"Amount":"12.34","Currency":"GBP"},"Reference":"Ref 1"}}`
	if got, _ := json.Marshal(body); string(got) != want {
		t.Errorf("body %s, want %s", got, want)
	}
	if Resend {
		t.Error("a CBPII confirmation has no idempotency key: it must not be resent")
	}
}

func TestReadConfirmation(t *testing.T) {
	got, err := ReadConfirmation([]byte(`{"Data":{"FundsConfirmationId":"fc-1","ConsentId":"c-1","CreationDateTime":"2026-01-02T10:00:00+00:00","FundsAvailable":true}}`))
	if err != nil || got != (Confirmation{ID: "fc-1", FundsAvailable: true, CreatedAt: "2026-01-02T10:00:00+00:00"}) {
		t.Errorf("got %+v, %v", got, err)
	}
	for _, body := range []string{``, `not json`, `{"Data":{"FundsAvailable":true}}`, `{"Data":[]}`} {
		if _, err := ReadConfirmation([]byte(body)); !errors.Is(err, ErrUnreadable) {
			t.Errorf("%q: err %v, want ErrUnreadable", body, err)
		}
	}
}

func TestPaymentCheck(t *testing.T) {
	req := PaymentCheckRequest("c-2")
	if req.Method != http.MethodGet || req.Path != "/apis/retail/open-banking/v3.1/pisp/domestic-payment-consents/c-2/funds-confirmation" || req.Body != nil {
		t.Errorf("request %s %s", req.Method, req.Path)
	}
	got, err := ReadPaymentCheck([]byte(`{"Data":{"FundsAvailableResult":{"FundsAvailableDateTime":"2026-01-02T10:00:00+00:00","FundsAvailable":false}}}`))
	if err != nil || got != (PaymentCheck{FundsAvailable: false, CheckedAt: "2026-01-02T10:00:00+00:00"}) {
		t.Errorf("got %+v, %v", got, err)
	}
	for _, body := range []string{``, `{"Data":{}}`, `{"Data":{"FundsAvailableResult":null}}`} {
		if _, err := ReadPaymentCheck([]byte(body)); !errors.Is(err, ErrUnreadable) {
			t.Errorf("%q: err %v, want ErrUnreadable", body, err)
		}
	}
}
