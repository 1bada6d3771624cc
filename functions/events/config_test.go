package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestLoadConfigNamespace: METRICS_NAMESPACE is accepted exactly when the former regexp (kept
// here as the oracle) accepted it and it does not start with AWS/; empty means the default.
func TestLoadConfigNamespace(t *testing.T) {
	t.Parallel()
	oracle := regexp.MustCompile(`^[A-Za-z0-9.\-_/#:]{1,255}$`)
	for _, ns := range []string{
		"CoopConnector", "Coop/Connector-1.a_b#c:d", strings.Repeat("a", 255), strings.Repeat("a", 256),
		"AWS/Lambda", "aws/lower", "a b", "naïve", "semi;colon", "tab\t", "/", "#", ":",
	} {
		t.Run(ns, func(t *testing.T) {
			env := map[string]string{"TABLE_NAME": "t", "EVENT_BUS_NAME": "b", "METRICS_NAMESPACE": ns}
			c, err := loadConfig(func(k string) string { return env[k] })
			want := oracle.MatchString(ns) && !strings.HasPrefix(ns, "AWS/")
			if (err == nil) != want {
				t.Fatalf("METRICS_NAMESPACE %q: err %v, want accepted %v", ns, err, want)
			}
			if want && c.Namespace != ns {
				t.Errorf("namespace %q, want %q", c.Namespace, ns)
			}
		})
	}
	env := map[string]string{"TABLE_NAME": "t", "EVENT_BUS_NAME": "b"}
	if c, err := loadConfig(func(k string) string { return env[k] }); err != nil || c.Namespace != "CoopConnector" {
		t.Errorf("no METRICS_NAMESPACE: %q, %v; want the default", c.Namespace, err)
	}
}
