package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/coop-ob/connector/shared/ascii"
	"github.com/coop-ob/connector/shared/consent"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/outbox"
)

// config is the events function's environment (docs/configuration.md).
type config struct {
	Table  string        // TABLE_NAME
	Bus    string        // EVENT_BUS_NAME
	Shards int           // REFRESH_SHARDS: the outbox entries' shards of the refresh index
	Grace  time.Duration // EVENT_SWEEP_GRACE: how old an unpublished event the sweep sends
	// Environment (ENVIRONMENT) and Namespace (METRICS_NAMESPACE): the metrics' dimension and
	// CloudWatch namespace, as every function's (shared/config).
	Environment, Namespace string
}

// namespaceExtra are the characters a CloudWatch namespace (METRICS_NAMESPACE, as
// shared/config reads it) may hold besides ASCII letters and digits. The check is by hand
// (shared/ascii): the regexp ^[A-Za-z0-9.\-_/#:]{1,255}$ compiled 255 copies of its class at
// every cold start (about 0.75 ms and 3,300 allocations of the function's init).
const namespaceExtra = ".-_/#:"

func loadConfig(getenv func(string) string) (config, error) {
	c := config{Table: getenv("TABLE_NAME"), Bus: getenv("EVENT_BUS_NAME"), Shards: consent.DefaultShards, Grace: outbox.DefaultGrace,
		Environment: getenv("ENVIRONMENT"), Namespace: getenv("METRICS_NAMESPACE")}
	if c.Namespace == "" {
		c.Namespace = metrics.DefaultNamespace
	}
	if !ascii.Word(c.Namespace, 1, 255, namespaceExtra) || strings.HasPrefix(c.Namespace, "AWS/") {
		return c, fmt.Errorf("METRICS_NAMESPACE %q: a CloudWatch namespace (1-255 of A-Z a-z 0-9 . - _ / # :, not starting with AWS/)", c.Namespace)
	}
	if c.Table == "" || c.Bus == "" {
		return c, fmt.Errorf("TABLE_NAME and EVENT_BUS_NAME are required")
	}
	if v := getenv("REFRESH_SHARDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 256 {
			return c, fmt.Errorf("REFRESH_SHARDS %q: a number from 1 to 256", v)
		}
		c.Shards = n
	}
	if v := getenv("EVENT_SWEEP_GRACE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return c, fmt.Errorf("EVENT_SWEEP_GRACE %q: a Go duration, not negative", v)
		}
		c.Grace = d
	}
	return c, nil
}
