package deploy

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSealKey pins the key that seals the table's secrets (shared/seal): a customer managed
// KMS key with rotation, kept when the stack goes, given to every function as SEAL_KEY_ID; and
// each function's KMS grant: exactly GenerateDataKey and Decrypt (every function but the events
// function both writes and reads a sealed value: sessions, codes or tokens; the events function,
// whose events carry ids and statuses only, gets no KMS grant at all), on that key only, only in the encryption
// context of this table and the "tokens" purpose (the context setup.UseSealer uses). The local
// stack's IAM front checks actions only, so resources and conditions are pinned here.
func TestSealKey(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	var key struct {
		Type                string
		DeletionPolicy      string
		UpdateReplacePolicy string
		Properties          map[string]any
	}
	tpl.resource(t, "SealKey", &key)
	if key.Type != "AWS::KMS::Key" || key.Properties["EnableKeyRotation"] != true ||
		key.DeletionPolicy != "Retain" || key.UpdateReplacePolicy != "Retain" {
		t.Errorf("SealKey: type %s, rotation %v, deletion %s/%s; want a retained KMS key with rotation",
			key.Type, key.Properties["EnableKeyRotation"], key.DeletionPolicy, key.UpdateReplacePolicy)
	}
	if got := fmt.Sprint(dig(map[string]any(tpl.Globals["Function"]), "Environment", "Variables", "SEAL_KEY_ID")); got != "Ref:SealKey" {
		t.Errorf("Globals SEAL_KEY_ID = %s, want the SealKey's id", got)
	}
	wantCond := map[string]any{"StringEquals": map[string]any{
		"kms:EncryptionContext:table": "Ref:Table", "kms:EncryptionContext:purpose": "tokens",
	}}
	for name := range tpl.functions(t) {
		var fn generic
		tpl.resource(t, name, &fn)
		policies, _ := fn.Properties["Policies"].([]any)
		var actions []string
		for _, p := range policies {
			stmts, _ := dig(p, "Statement").([]any)
			for _, s := range stmts {
				acts := list(dig(s, "Action"))
				if !slices.ContainsFunc(acts, func(a string) bool { return strings.HasPrefix(a, "kms:") }) ||
					slices.Equal(list(dig(s, "Resource")), []string{"GetAtt:ResultSigningKey.Arn"}) { // TestResultSigningKey
					continue
				}
				actions = append(actions, acts...)
				if r := list(dig(s, "Resource")); !slices.Equal(r, []string{"GetAtt:SealKey.Arn"}) {
					t.Errorf("%s: KMS resource %v, want the SealKey only", name, r)
				}
				if diff := cmp.Diff(wantCond, dig(s, "Condition")); diff != "" {
					t.Errorf("%s: KMS condition (-want +got):\n%s", name, diff)
				}
			}
		}
		slices.Sort(actions)
		want := []string{"kms:Decrypt", "kms:GenerateDataKey"}
		if name == "EventsFunction" {
			// Events carry ids and statuses only: the publisher never seals or opens a value.
			want = nil
		}
		if diff := cmp.Diff(want, actions); diff != "" {
			t.Errorf("%s KMS actions (-want +got):\n%s", name, diff)
		}
	}
}
