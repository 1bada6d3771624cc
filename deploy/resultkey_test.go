package deploy

import (
	"slices"
	"strings"
	"testing"
)

// TestResultSigningKey pins the key that signs the journey results (docs/callback.md): an
// asymmetric KMS key of its own (ECC_NIST_P256, SIGN_VERIFY), named to the callback function
// only, whose grant is exactly kms:Sign and kms:GetPublicKey on that key; no other function
// has any KMS action on it.
func TestResultSigningKey(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	var key generic
	tpl.resource(t, "ResultSigningKey", &key)
	if key.Type != "AWS::KMS::Key" || key.Properties["KeySpec"] != "ECC_NIST_P256" || key.Properties["KeyUsage"] != "SIGN_VERIFY" {
		t.Errorf("ResultSigningKey: %s %v, want an AWS::KMS::Key ECC_NIST_P256 SIGN_VERIFY", key.Type, key.Properties)
	}
	for name := range tpl.functions(t) {
		var fn generic
		tpl.resource(t, name, &fn)
		var kmsActions []string
		policies, _ := fn.Properties["Policies"].([]any)
		for _, p := range policies {
			stmts, _ := dig(p, "Statement").([]any)
			for _, s := range stmts {
				var actions []string
				for _, a := range list(dig(s, "Action")) {
					if strings.HasPrefix(a, "kms:") {
						actions = append(actions, a)
					}
				}
				if len(actions) == 0 || slices.Equal(list(dig(s, "Resource")), []string{"GetAtt:SealKey.Arn"}) { // TestSealKey
					continue
				}
				kmsActions = append(kmsActions, actions...)
				if r := list(dig(s, "Resource")); name == "CallbackFunction" && (len(r) != 1 || r[0] != "GetAtt:ResultSigningKey.Arn") {
					t.Errorf("%s: KMS actions %v on %v, want the result key only", name, actions, r)
				}
			}
		}
		env, _ := dig(fn.Properties, "Environment", "Variables", "RESULT_SIGNING_KEY_ID").(string)
		switch name {
		case "CallbackFunction":
			if strings.Join(kmsActions, ",") != "kms:Sign,kms:GetPublicKey" {
				t.Errorf("%s: KMS actions %v, want exactly kms:Sign and kms:GetPublicKey", name, kmsActions)
			}
			if env != "GetAtt:ResultSigningKey.Arn" {
				t.Errorf("%s: RESULT_SIGNING_KEY_ID %q, want the result key", name, env)
			}
		default:
			for _, a := range kmsActions {
				if a == "kms:Sign" || a == "kms:GetPublicKey" || a == "kms:*" {
					t.Errorf("%s: %s: only the callback signs results", name, a)
				}
			}
			if env != "" {
				t.Errorf("%s: RESULT_SIGNING_KEY_ID set: only the callback signs results", name)
			}
		}
	}
}
