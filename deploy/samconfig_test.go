package deploy

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestSamconfig(t *testing.T) {
	t.Parallel()
	var cfg map[string]map[string]map[string]map[string]any
	if _, err := toml.DecodeFile("../samconfig.toml", &cfg); err != nil {
		t.Fatal(err)
	}
	tpl := loadTemplate(t)
	prodHosts := map[string]string{
		"BankApiBaseUrl":   "https://openbanking-retail.apis.co-operativebank.co.uk",
		"BankTokenUrl":     "https://openbanking-retail.apis.co-operativebank.co.uk/apis/oauth/v1/oauth2/token",
		"BankAuthUrlCoop":  "https://bank.co-operativebank.co.uk/openbanking/coop/oauthRedirect",
		"BankAuthUrlSmile": "https://bank.co-operativebank.co.uk/openbanking/smile/oauthRedirect",
	}
	for _, env := range []string{"sandbox", "production"} {
		d := cfg[env]["deploy"]["parameters"]
		if d == nil {
			t.Fatalf("samconfig.toml has no [%s.deploy.parameters]", env)
		}
		if d["region"] != "eu-west-2" || d["capabilities"] != "CAPABILITY_IAM" || d["resolve_s3"] != true || !strings.Contains(d["stack_name"].(string), env) {
			t.Errorf("[%s] region %v capabilities %v resolve_s3 %v stack %v", env, d["region"], d["capabilities"], d["resolve_s3"], d["stack_name"])
		}
		overrides := map[string]string{}
		for _, o := range d["parameter_overrides"].([]any) {
			k, v, _ := strings.Cut(o.(string), "=")
			overrides[k] = v
			if _, ok := tpl.Parameters[k]; !ok {
				t.Errorf("[%s] overrides unknown parameter %s", env, k)
			}
		}
		if overrides["Environment"] != env {
			t.Errorf("[%s] Environment=%q", env, overrides["Environment"])
		}
		for k, v := range prodHosts {
			if env == "production" && overrides[k] != v {
				t.Errorf("[production] %s=%q, want %q", k, overrides[k], v)
			}
			if env == "sandbox" && overrides[k] != "" {
				t.Errorf("[sandbox] overrides %s; the template default is the sandbox host", k)
			}
		}
	}
}
