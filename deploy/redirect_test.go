package deploy

import (
	"regexp"
	"testing"

	"github.com/coop-ob/connector/shared/authflow"
)

// TestFirstDeployInOnePass: RedirectUri may stay empty, so that the first deploy needs no value
// that only its outputs give; the functions then derive https://<API domain>/callback
// (authflow.RedirectURI), which for the API's own domain is the CallbackUrl output the operator
// registers with the bank.
func TestFirstDeployInOnePass(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	p := tpl.Parameters["RedirectUri"]
	if d, ok := p["Default"]; !ok || d != "" {
		t.Errorf("RedirectUri default %v (set: %v), want \"\": a first deploy cannot know the API's URL", d, ok)
	}
	pattern, _ := p["AllowedPattern"].(string)
	re, err := regexp.Compile(pattern)
	if err != nil {
		t.Fatalf("RedirectUri AllowedPattern %q: %v", pattern, err)
	}
	for v, want := range map[string]bool{"": true, "https://api.example.com/callback": true, "http://api.example.com/callback": false} {
		if re.MatchString(v) != want {
			t.Errorf("RedirectUri AllowedPattern %q on %q: %v, want %v", pattern, v, !want, want)
		}
	}
	want := "Sub:https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}" + authflow.CallbackPath
	if got := tpl.Outputs["CallbackUrl"]["Value"]; got != want {
		t.Errorf("CallbackUrl output %v, want %s (what the functions derive on the API's own domain)", got, want)
	}
	found := false
	for _, r := range routes {
		found = found || r.key == "GET "+authflow.CallbackPath && r.function == "CallbackFunction"
	}
	if !found {
		t.Errorf("no route GET %s on CallbackFunction", authflow.CallbackPath)
	}
}
