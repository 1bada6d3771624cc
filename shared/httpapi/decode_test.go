package httpapi

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"
)

type createReq struct {
	Brand   string `json:"brand"`
	StepUp  bool   `json:"stepUp"`
	Payment struct {
		Amount string `json:"amount"`
		Count  int    `json:"count"`
	} `json:"payment"`
	Tags []string `json:"tags"`
}

func TestDecodeJSON(t *testing.T) {
	t.Parallel()
	b64 := func(s string) events.APIGatewayV2HTTPRequest {
		return events.APIGatewayV2HTTPRequest{Body: base64.StdEncoding.EncodeToString([]byte(s)), IsBase64Encoded: true}
	}
	plain := func(s string) events.APIGatewayV2HTTPRequest { return events.APIGatewayV2HTTPRequest{Body: s} }
	tests := []struct {
		name       string
		req        events.APIGatewayV2HTTPRequest
		wantStatus int // 0: success
		wantErrors []FieldError
		wantBrand  string
	}{
		{"ok", plain(`{"brand":"coop","payment":{"amount":"1.00"}}`), 0, nil, "coop"},
		{"ok base64", b64(`{"brand":"smile"}`), 0, nil, "smile"},
		{"ok trailing whitespace", plain("{\"brand\":\"coop\"}\n  "), 0, nil, "coop"},
		{"empty", plain(""), http.StatusBadRequest, nil, ""},
		{"blank", plain("  \n"), http.StatusBadRequest, nil, ""},
		{"null", plain("null"), http.StatusBadRequest, nil, ""},
		{"bad base64", events.APIGatewayV2HTTPRequest{Body: "%%%", IsBase64Encoded: true}, http.StatusBadRequest, nil, ""},
		{"too large", plain(`{"brand":"` + strings.Repeat("x", 100) + `"}`), http.StatusRequestEntityTooLarge, nil, ""},
		{"too large base64", b64(`{"brand":"` + strings.Repeat("x", 100) + `"}`), http.StatusRequestEntityTooLarge, nil, ""},
		{"malformed", plain(`{"brand":`), http.StatusBadRequest, nil, ""},
		{"syntax", plain(`{"brand" "coop"}`), http.StatusBadRequest, nil, ""},
		{"unknown field", plain(`{"brand":"coop","colour":"red"}`), http.StatusBadRequest,
			[]FieldError{{Field: "colour", Message: "unknown field"}}, ""},
		{"wrong type", plain(`{"brand":1}`), http.StatusBadRequest,
			[]FieldError{{Field: "brand", Message: "must be a string"}}, ""},
		{"wrong type nested", plain(`{"payment":{"count":"3"}}`), http.StatusBadRequest,
			[]FieldError{{Field: "payment.count", Message: "must be a number"}}, ""},
		{"wrong type bool", plain(`{"stepUp":"yes"}`), http.StatusBadRequest,
			[]FieldError{{Field: "stepUp", Message: "must be a boolean"}}, ""},
		{"wrong type array", plain(`{"tags":"a"}`), http.StatusBadRequest,
			[]FieldError{{Field: "tags", Message: "must be an array"}}, ""},
		{"not an object", plain(`[1]`), http.StatusBadRequest, nil, ""},
		{"trailing data", plain(`{"brand":"coop"} {"brand":"smile"}`), http.StatusBadRequest, nil, ""},
		{"trailing garbage", plain(`{"brand":"coop"}x`), http.StatusBadRequest, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var dst createReq
			p := DecodeJSON(tt.req, &dst, 64)
			if tt.wantStatus == 0 {
				if p != nil {
					t.Fatalf("DecodeJSON = %+v, want nil", p)
				}
				if dst.Brand != tt.wantBrand {
					t.Errorf("brand = %q, want %q", dst.Brand, tt.wantBrand)
				}
				return
			}
			if p == nil {
				t.Fatalf("DecodeJSON = nil, want status %d", tt.wantStatus)
			}
			if p.Status != tt.wantStatus || p.Type != TypeInvalidRequest || p.Detail == "" {
				t.Errorf("problem %+v, want status %d type %s", p, tt.wantStatus, TypeInvalidRequest)
			}
			if diff := cmp.Diff(tt.wantErrors, p.Errors); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeJSONNonPointer(t *testing.T) {
	t.Parallel()
	var dst createReq
	p := DecodeJSON(events.APIGatewayV2HTTPRequest{Body: `{}`}, dst, 64)
	if p == nil || p.Status != http.StatusInternalServerError {
		t.Errorf("DecodeJSON(non-pointer) = %+v, want a 500 problem", p)
	}
}
