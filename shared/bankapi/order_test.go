package bankapi

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOrderBodyExact(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("testdata/consent-*.json")
	if len(files) < 3 {
		t.Fatalf("want the DP, DSP and DSO consent fixtures, found %v", files)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			consent, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(f[:len(f)-len(".json")] + ".order")
			if err != nil {
				t.Fatal(err)
			}
			got, err := OrderBody(consent, "58923a6c-4fc6-4f2a-a3b8-2d3d5e1c0a11")
			if err != nil {
				t.Fatalf("OrderBody: %v", err)
			}
			// Golden bytes: Initiation and Risk exactly as in the consent,
			// including key order, spacing and number text.
			if diff := cmp.Diff(string(want[:len(want)-1]), string(got)); diff != "" {
				t.Errorf("order body (-want +got):\n%s", diff)
			}
			var order PaymentOrder
			if err := json.Unmarshal(got, &order); err != nil {
				t.Fatalf("order is not JSON: %v", err)
			}
		})
	}
}

func TestOrderBodyRejects(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"not json":        `{"Data":`,
		"array":           `[]`,
		"no data":         `{"Risk":{}}`,
		"no initiation":   `{"Data":{},"Risk":{}}`,
		"initiation null": `{"Data":{"Initiation":null},"Risk":{}}`,
		"no risk":         `{"Data":{"Initiation":{}}}`,
		"risk string":     `{"Data":{"Initiation":{}},"Risk":"x"}`,
	} {
		if _, err := OrderBody([]byte(in), "id"); err == nil {
			t.Errorf("%s: accepted %s", name, in)
		}
	}
	if _, err := OrderBody([]byte(`{"Data":{"Initiation":{}},"Risk":{}}`), ""); err == nil {
		t.Error("empty consent id accepted")
	}
}
