package deploy

import (
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// SAM CLI's parser of parameter overrides (samcli/cli/types.py, CfnParameterOverridesType),
// ported: the same regular expressions (Go's RE2 alternation is leftmost-first like Python's
// re, and nothing here needs backtracking), the same order of patterns and the same unquoting.
// A value must be non-empty unquoted text or a quoted string: "Key=" matches neither, and
// `sam deploy` refuses the whole samconfig.toml entry.
var (
	// PARAM_AND_METADATA_KEY_REGEX
	samKey = `([A-Za-z0-9\"']+)`
	// _generate_match_regex(match_pattern=".", delim=" ")
	samValue = `(\"(?:\\.|[^\"\\\\]+)*\"|'(?:\\.|[^'\\\\]+)*'|(?:\\.|[^ \"\\\\]+)+)`
	// ordered_pattern_match: _pattern_1, _pattern_2
	samPatterns = []*regexp.Regexp{
		regexp.MustCompile(`(?:ParameterKey=` + samKey + `,ParameterValue=` + samValue + `)`),
		regexp.MustCompile(`(?:(?: )` + samKey + `=` + samValue + `)`),
	}
)

// samParameterOverride is CfnParameterOverridesType.convert for one list entry: the pairs it
// yields, or ok false where SAM fails ("... is not in valid format").
func samParameterOverride(entry string) (pairs [][2]string, ok bool) {
	normalized := " " + strings.TrimSpace(entry)
	for _, re := range samPatterns {
		groups := re.FindAllStringSubmatch(normalized, -1)
		if len(groups) == 0 {
			continue
		}
		for _, g := range groups {
			pairs = append(pairs, [2]string{samUnquote(g[1]), samUnquote(g[2])})
		}
		return pairs, true
	}
	return nil, false
}

// samUnquote is _unquote_wrapped_quotes.
func samUnquote(v string) string {
	if len(v) > 0 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		v = v[1 : len(v)-1]
	}
	return strings.NewReplacer(`\ `, " ", `\"`, `"`, `\'`, "'").Replace(v)
}

// TestSamParameterOverrideParser pins the port to what SAM CLI does with the cases that matter.
func TestSamParameterOverrideParser(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		entry string
		ok    bool
		key   string
		value string
	}{
		{"FinancialId=", false, "", ""},
		{`FinancialId=""`, true, "FinancialId", ""},
		{"FinancialId=''", true, "FinancialId", ""},
		{"Environment=sandbox", true, "Environment", "sandbox"},
		{"BankTokenUrl=https://h.example/apis/oauth/v1/oauth2/token", true, "BankTokenUrl", "https://h.example/apis/oauth/v1/oauth2/token"},
		{"JwtAudience=a,b", true, "JwtAudience", "a,b"},
		{`ResultUrl="https://x.example/a b"`, true, "ResultUrl", "https://x.example/a b"},
		{"ParameterKey=Environment,ParameterValue=production", true, "Environment", "production"},
	} {
		pairs, ok := samParameterOverride(c.entry)
		if ok != c.ok || ok && (len(pairs) != 1 || pairs[0] != [2]string{c.key, c.value}) {
			t.Errorf("%q: %v %q; want ok=%v %s=%q", c.entry, ok, pairs, c.ok, c.key, c.value)
		}
	}
}

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
		list, _ := d["parameter_overrides"].([]any)
		if len(list) == 0 {
			t.Errorf("[%s] parameter_overrides is not a list of Key=Value strings", env)
		}
		for _, o := range list {
			entry, _ := o.(string)
			// What SAM CLI reads: exactly one pair, with the whole text after the first "=".
			pairs, ok := samParameterOverride(entry)
			k, v, _ := strings.Cut(entry, "=")
			if !ok || len(pairs) != 1 || pairs[0][0] != k || pairs[0][1] != samUnquote(v) {
				t.Errorf("[%s] %q: SAM CLI reads %q (ok=%v); write Key=Value, Key=\"\" for an empty value, or delete the line", env, entry, pairs, ok)
				continue
			}
			if _, dup := overrides[k]; dup {
				t.Errorf("[%s] overrides %s twice", env, k)
			}
			overrides[k] = pairs[0][1]
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
