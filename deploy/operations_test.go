package deploy

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/dev/stack"
)

// metricsNamespace is how an alarm names the connector's namespace: the stack's parameter.
const metricsNamespace = "Ref:MetricsNamespace"

// alarmActions is what every alarm notifies: the optional topic.
const alarmActions = `If:["HasAlarmTopic",["Ref:AlarmTopicArn"],"Ref:AWS::NoValue"]`

// alarms returns every AWS::CloudWatch::Alarm's Properties by logical id.
func (tpl template) alarms(t *testing.T) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for name := range tpl.Resources {
		var r generic
		tpl.resource(t, name, &r)
		if r.Type == "AWS::CloudWatch::Alarm" {
			out[name] = r.Properties
		}
	}
	return out
}

// dimensions returns an alarm's Dimensions as name → value.
func dimensions(alarm map[string]any) map[string]any {
	out := map[string]any{}
	ds, _ := alarm["Dimensions"].([]any)
	for _, d := range ds {
		name, _ := dig(d, "Name").(string)
		out[name] = dig(d, "Value")
	}
	return out
}

// docEMF is the certificate metric line docs/refresh.md shows, which the tokens function's own
// test (functions/tokens TestEMFLineAsDocumented) proves it writes.
type docEMF struct {
	Namespace, Metric string
	Dimensions        []string
}

func certificateEMF(t *testing.T) docEMF {
	t.Helper()
	b, err := os.ReadFile("../docs/refresh.md")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if !strings.HasPrefix(line, `{"_aws":`) || !strings.Contains(line, `"CertificateDaysToExpiry"`) {
			continue
		}
		var e struct {
			AWS struct {
				CloudWatchMetrics []struct {
					Namespace  string
					Dimensions [][]string
					Metrics    []struct{ Name string }
				}
			} `json:"_aws"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("docs/refresh.md EMF example: %v", err)
		}
		m := e.AWS.CloudWatchMetrics
		if len(m) != 1 || len(m[0].Dimensions) != 1 || len(m[0].Metrics) != 1 {
			t.Fatalf("docs/refresh.md EMF example: want one metric with one dimension set: %s", line)
		}
		return docEMF{m[0].Namespace, m[0].Metrics[0].Name, m[0].Dimensions[0]}
	}
	t.Fatal("docs/refresh.md has no CertificateDaysToExpiry EMF example")
	return docEMF{}
}

// TestCertificateAlarmsMatchTheMetric: an alarm reads only the metric whose dimension set equals
// its Dimensions exactly, so each certificate alarm names every dimension the function publishes,
// with the stack's own Environment (a sandbox and a production stack in one account never feed
// each other's alarms).
func TestCertificateAlarmsMatchTheMetric(t *testing.T) {
	t.Parallel()
	emf := certificateEMF(t)
	// The alarms read the stack's METRICS_NAMESPACE, whose default is the namespace of the
	// documented line (the one the tokens function used before the setting existed).
	if d := loadTemplate(t).Parameters["MetricsNamespace"]["Default"]; d != emf.Namespace {
		t.Errorf("MetricsNamespace default %v, the documented metric is in %s", d, emf.Namespace)
	}
	if !slices.Contains(emf.Dimensions, "Environment") || !slices.Contains(emf.Dimensions, "Certificate") {
		t.Errorf("the certificate metric's dimensions %v lack Environment or Certificate", emf.Dimensions)
	}
	found := map[string]int{}
	for name, a := range loadTemplate(t).alarms(t) {
		if a["MetricName"] != emf.Metric {
			continue
		}
		dims := dimensions(a)
		names := make([]string, 0, len(dims))
		for n := range dims {
			names = append(names, n)
		}
		slices.Sort(names)
		want := slices.Sorted(slices.Values(emf.Dimensions))
		if a["Namespace"] != metricsNamespace || !slices.Equal(names, want) {
			t.Errorf("%s: %v/%v dimensions %v; the function publishes %s/%s with %v", name, a["Namespace"], a["MetricName"], names, emf.Namespace, emf.Metric, want)
		}
		if dims["Environment"] != "Ref:Environment" {
			t.Errorf("%s: Environment dimension %v, want !Ref Environment", name, dims["Environment"])
		}
		cert, _ := dims["Certificate"].(string)
		found[cert]++
		if a["Statistic"] != "Minimum" || a["ComparisonOperator"] != "LessThanThreshold" || a["Threshold"] != "Ref:CertExpiryWarnDays" ||
			a["TreatMissingData"] != "breaching" || a["AlarmActions"] != alarmActions {
			t.Errorf("%s: want Minimum < CertExpiryWarnDays, missing data breaching, actions %s; got %v", name, alarmActions, a)
		}
	}
	if diff := cmp.Diff(map[string]int{"transport": 1, "signing": 1}, found); diff != "" {
		t.Errorf("certificate alarms by Certificate (-want +got):\n%s", diff)
	}
}

// TestTokensFailuresReachSomeone: Scheduler's RetryPolicy and dead-letter queue cover only
// delivery. A run that fails must not be dropped silently after Lambda's async retries: no
// retries (the next scheduled run is the retry), the invocation record to the same queue (whose
// alarm fires), and an alarm on the function's Errors.
func TestTokensFailuresReachSomeone(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	var fn generic
	tpl.resource(t, "TokensFunction", &fn)
	cfg := fn.Properties["EventInvokeConfig"]
	if dig(cfg, "MaximumRetryAttempts") != 0.0 {
		t.Errorf("EventInvokeConfig.MaximumRetryAttempts = %v, want 0", dig(cfg, "MaximumRetryAttempts"))
	}
	dest, _ := dig(cfg, "DestinationConfig", "OnFailure", "Destination").(string)
	var scheduleDLQ string
	for _, ev := range dig(fn.Properties, "Events").(map[string]any) {
		scheduleDLQ, _ = dig(ev, "Properties", "DeadLetterConfig", "Arn").(string)
	}
	if dig(cfg, "DestinationConfig", "OnFailure", "Type") != "SQS" || dest == "" || dest != scheduleDLQ {
		t.Errorf("EventInvokeConfig OnFailure %v; want Type SQS to the schedule's dead-letter queue %s", dig(cfg, "DestinationConfig"), scheduleDLQ)
	}
	queue := strings.TrimSuffix(strings.TrimPrefix(dest, "GetAtt:"), ".Arn")

	var errorsAlarm, queueAlarm bool
	for name, a := range tpl.alarms(t) {
		dims := dimensions(a)
		switch {
		case a["Namespace"] == "AWS/Lambda" && a["MetricName"] == "Errors" && cmp.Equal(dims, map[string]any{"FunctionName": "Ref:TokensFunction"}):
			errorsAlarm = true
			if a["Statistic"] != "Sum" || a["ComparisonOperator"] != "GreaterThanOrEqualToThreshold" || a["Threshold"] != 1.0 ||
				a["Period"] != 300.0 || a["EvaluationPeriods"] != 3.0 || a["DatapointsToAlarm"] != 3.0 || a["AlarmActions"] != alarmActions {
				t.Errorf("%s: want Sum ≥ 1 in 3 of 3 five-minute periods notifying %s; got %v", name, alarmActions, a)
			}
		case a["Namespace"] == "AWS/SQS" && cmp.Equal(dims, map[string]any{"QueueName": "GetAtt:" + queue + ".QueueName"}):
			queueAlarm = a["MetricName"] == "ApproximateNumberOfMessagesVisible" && a["ComparisonOperator"] == "GreaterThanThreshold" &&
				a["Threshold"] == 0.0 && a["AlarmActions"] == alarmActions
		}
	}
	if !errorsAlarm {
		t.Error("no alarm on AWS/Lambda Errors of TokensFunction")
	}
	if !queueAlarm {
		t.Errorf("no alarm on messages visible in %s", queue)
	}
}

// TestLogGroups: each function logs JSON to a log group of its own whose retention is the
// LogRetentionDays parameter, and the application log level keeps the tokens function's EMF
// lines (INFO) from being filtered out.
func TestLogGroups(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	global, _ := tpl.Globals["Function"]["LoggingConfig"].(map[string]any)
	groups := map[string]string{}
	for name := range tpl.functions(t) {
		var fn generic
		tpl.resource(t, name, &fn)
		// SAM merges Globals.Function.LoggingConfig with the function's map, key by key.
		merged := map[string]any{}
		for k, v := range global {
			merged[k] = v
		}
		own, _ := fn.Properties["LoggingConfig"].(map[string]any)
		for k, v := range own {
			merged[k] = v
		}
		if merged["LogFormat"] != "JSON" {
			t.Errorf("%s: LogFormat %v, want JSON", name, merged["LogFormat"])
		}
		// Lambda drops JSON lines below ApplicationLogLevel; the EMF lines are INFO.
		if lvl := merged["ApplicationLogLevel"]; !slices.Contains([]any{"TRACE", "DEBUG", "INFO"}, lvl) {
			t.Errorf("%s: ApplicationLogLevel %v would drop the INFO EMF metric lines (and fire the certificate alarms)", name, lvl)
		}
		ref, _ := merged["LogGroup"].(string)
		group, ok := strings.CutPrefix(ref, "Ref:")
		if !ok {
			t.Errorf("%s: LoggingConfig.LogGroup %v, want !Ref to a log group of the stack", name, merged["LogGroup"])
			continue
		}
		if prev, dup := groups[group]; dup {
			t.Errorf("%s and %s share the log group %s", prev, name, group)
		}
		groups[group] = name
	}
	groups["ApiAccessLogs"] = "Api"
	for group, owner := range groups {
		var lg generic
		tpl.resource(t, group, &lg)
		if lg.Type != "AWS::Logs::LogGroup" || lg.Properties["RetentionInDays"] != "Ref:LogRetentionDays" {
			t.Errorf("%s (%s): %s with RetentionInDays %v; want an AWS::Logs::LogGroup kept LogRetentionDays", group, owner, lg.Type, lg.Properties["RetentionInDays"])
		}
	}
	if want := []any{1.0, 3.0, 5.0, 7.0, 14.0, 30.0, 60.0, 90.0, 120.0, 150.0, 180.0, 365.0, 400.0, 545.0, 731.0, 1096.0, 1827.0, 2192.0, 2557.0, 2922.0, 3288.0, 3653.0}; !cmp.Equal(want, tpl.Parameters["LogRetentionDays"]["AllowedValues"]) {
		t.Errorf("LogRetentionDays AllowedValues %v, want CloudWatch Logs' retention values", tpl.Parameters["LogRetentionDays"]["AllowedValues"])
	}
}

// TestLapseMarginAlarm: the alarm on the due-deadline metric the tokens function publishes when a
// run is rate limited (functions/tokens Summary.LapseMarginMinutes) reads it with the stack's
// Environment and fires below a day, half the keep-alive margin.
func TestLapseMarginAlarm(t *testing.T) {
	t.Parallel()
	a, ok := loadTemplate(t).alarms(t)["RefreshLapseMarginAlarm"]
	if !ok {
		t.Fatal("no RefreshLapseMarginAlarm")
	}
	dims := dimensions(a)
	if a["Namespace"] != metricsNamespace || a["MetricName"] != "LapseMarginMinutes" || len(dims) != 1 ||
		dims["Environment"] != "Ref:Environment" || a["Statistic"] != "Minimum" || a["ComparisonOperator"] != "LessThanThreshold" ||
		a["Threshold"] != 1440.0 || a["TreatMissingData"] != "notBreaching" || a["AlarmActions"] != alarmActions {
		t.Errorf("RefreshLapseMarginAlarm: %v", a)
	}
}

// TestRefreshIntervalIsTheSchedule: REFRESH_INTERVAL (the period a run's token-call allowance is
// computed over) can only be the tokens schedule's own period.
func TestRefreshIntervalIsTheSchedule(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	var fn map[string]any
	tpl.resource(t, "TokensFunction", &fn)
	expr, _ := dig(fn, "Properties", "Events", "Refresh", "Properties", "ScheduleExpression").(string)
	every, err := stack.ParseRate(expr)
	if err != nil {
		t.Fatal(err)
	}
	p := tpl.Parameters["RefreshInterval"]
	allowed, _ := p["AllowedValues"].([]any)
	if len(allowed) != 1 || p["Default"] != allowed[0] {
		t.Fatalf("RefreshInterval: %v, want exactly one allowed value, the default", p)
	}
	d, err := time.ParseDuration(allowed[0].(string))
	if err != nil || d != every {
		t.Errorf("RefreshInterval %v, the schedule runs every %v", allowed[0], every)
	}
}
