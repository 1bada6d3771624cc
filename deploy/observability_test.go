package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/coop-ob/connector/shared/bankapi"
	"github.com/coop-ob/connector/shared/metrics"
	"github.com/coop-ob/connector/shared/metrics/metricstest"
)

// mathMetric is one entry of an alarm's Metrics (metric math).
type mathMetric struct {
	ID, Stat, Namespace, MetricName, Expression string
	Period                                      float64
	Dims                                        map[string]any
	ReturnData                                  bool
}

// mathMetrics returns an alarm's Metrics by Id.
func mathMetrics(alarm map[string]any) map[string]mathMetric {
	out := map[string]mathMetric{}
	ms, _ := alarm["Metrics"].([]any)
	for _, m := range ms {
		mm := mathMetric{ID: str(dig(m, "Id")), Stat: str(dig(m, "MetricStat", "Stat")), Expression: str(dig(m, "Expression")),
			Namespace: str(dig(m, "MetricStat", "Metric", "Namespace")), MetricName: str(dig(m, "MetricStat", "Metric", "MetricName"))}
		if metric, ok := dig(m, "MetricStat", "Metric").(map[string]any); ok {
			mm.Dims = dimensions(metric)
		}
		mm.Period, _ = dig(m, "MetricStat", "Period").(float64)
		mm.ReturnData, _ = dig(m, "ReturnData").(bool)
		out[mm.ID] = mm
	}
	return out
}

func str(v any) string { s, _ := v.(string); return s }

// emitted returns the dimension names (Environment included) each metric of the catalogue is
// published under, as the Recorder writes them: the alarms must name exactly these.
func emitted(t *testing.T) map[string][][]string {
	t.Helper()
	var buf bytes.Buffer
	rec := metrics.New(&buf, "", "sandbox")
	ctx := context.Background()
	rec.BankCall(ctx, metrics.BankCall{Operation: bankapi.OpToken, Method: "POST", Status: 503, Duration: time.Second})
	rec.Count(ctx, metrics.Refreshes, metrics.DimResult, metrics.RefreshRefused)
	out := map[string][][]string{}
	for _, p := range metricstest.Parse(buf.String()) {
		var names []string
		for k := range p.Dims {
			names = append(names, k)
		}
		slices.Sort(names)
		out[p.Name] = append(out[p.Name], names)
	}
	return out
}

func dimNames(d map[string]any) []string {
	var names []string
	for k := range d {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// TestBankAlarmsPerOperation: each bank operation has an error-rate alarm (metric math on
// BankErrors: Sum failed over SampleCount calls, gated on 20 calls) and a p99 latency alarm
// (BankLatency), reading the metric under exactly the dimensions the Recorder publishes, with
// the stack's namespace and Environment, firing in 2 of 3 five-minute periods.
func TestBankAlarmsPerOperation(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	alarms := tpl.alarms(t)
	want := emitted(t)
	found := map[string]map[string]bool{}
	for name, a := range alarms {
		ms := mathMetrics(a)
		var metric, op string
		for _, m := range ms {
			if m.MetricName == metrics.BankErrors || m.MetricName == metrics.BankLatency {
				metric, op = m.MetricName, str(m.Dims["Operation"])
				if m.Namespace != metricsNamespace || m.Dims["Environment"] != "Ref:Environment" || m.Period != 300 ||
					!slices.ContainsFunc(want[m.MetricName], func(s []string) bool { return slices.Equal(s, dimNames(m.Dims)) }) {
					t.Errorf("%s: %s reads %s/%s with %v; the Recorder publishes it in %s under %v", name, m.ID, m.Namespace, m.MetricName, m.Dims, metricsNamespace, want[m.MetricName])
				}
			}
		}
		if metric == "" {
			continue
		}
		if found[op] == nil {
			found[op] = map[string]bool{}
		}
		found[op][metric] = true
		var stats []string
		var expr string
		for _, m := range ms {
			if m.Expression != "" {
				expr = m.Expression
				if !m.ReturnData {
					t.Errorf("%s: the expression does not return data", name)
				}
			} else {
				stats = append(stats, m.Stat)
				if m.ReturnData {
					t.Errorf("%s: %s returns data beside the expression", name, m.ID)
				}
			}
		}
		slices.Sort(stats)
		var wantStats []string
		var wantExpr, threshold string
		if metric == metrics.BankErrors {
			wantStats, wantExpr, threshold = []string{"SampleCount", "Sum"}, "IF(calls >= 20, 100 * failed / calls, 0)", "Ref:BankErrorRatePercent"
		} else {
			wantStats, wantExpr, threshold = []string{"SampleCount", "p99"}, "IF(calls >= 20, p99, 0)", "Ref:BankLatencyP99Ms"
		}
		if !slices.Equal(stats, wantStats) || expr != wantExpr || a["Threshold"] != threshold || a["ComparisonOperator"] != "GreaterThanThreshold" ||
			a["EvaluationPeriods"] != 3.0 || a["DatapointsToAlarm"] != 2.0 || a["TreatMissingData"] != "notBreaching" || a["AlarmActions"] != alarmActions {
			t.Errorf("%s: stats %v expression %q; want %v %q > %s in 2 of 3, missing data not breaching, actions %s; got %v",
				name, stats, expr, wantStats, wantExpr, threshold, alarmActions, a)
		}
	}
	wantFound := map[string]map[string]bool{}
	for _, op := range bankapi.Operations {
		wantFound[op] = map[string]bool{metrics.BankErrors: true, metrics.BankLatency: true}
	}
	if diff := cmp.Diff(wantFound, found); diff != "" {
		t.Errorf("bank alarms by operation (-want +got):\n%s", diff)
	}
}

// TestApi5xxRateAlarm: the HTTP API's 5xx share (AWS/ApiGateway 5xx over Count, by ApiId),
// gated on 20 requests a period.
func TestApi5xxRateAlarm(t *testing.T) {
	t.Parallel()
	a, ok := loadTemplate(t).alarms(t)["Api5xxRateAlarm"]
	if !ok {
		t.Fatal("no Api5xxRateAlarm")
	}
	ms := mathMetrics(a)
	api := map[string]any{"ApiId": "Ref:Api"}
	if e, r := ms["errors"], ms["requests"]; e.Namespace != "AWS/ApiGateway" || e.MetricName != "5xx" || e.Stat != "Sum" || !cmp.Equal(e.Dims, api) ||
		r.Namespace != "AWS/ApiGateway" || r.MetricName != "Count" || r.Stat != "Sum" || !cmp.Equal(r.Dims, api) ||
		ms["rate"].Expression != "IF(requests >= 20, 100 * errors / requests, 0)" || !ms["rate"].ReturnData {
		t.Errorf("Api5xxRateAlarm metrics: %+v", ms)
	}
	if a["Threshold"] != "Ref:ApiErrorRatePercent" || a["ComparisonOperator"] != "GreaterThanThreshold" || a["AlarmActions"] != alarmActions {
		t.Errorf("Api5xxRateAlarm: %v", a)
	}
	var apiRes generic
	loadTemplate(t).resource(t, "Api", &apiRes)
	if apiRes.Type != "AWS::Serverless::HttpApi" {
		t.Errorf("Api is %s: the alarm reads HTTP API metrics (ApiId)", apiRes.Type)
	}
}

// TestEveryFunctionAlarmsOnErrorsAndThrottles: each function of the template has an alarm on
// its AWS/Lambda Errors and one on its Throttles, both notifying the topic.
func TestEveryFunctionAlarmsOnErrorsAndThrottles(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	got := map[string][]string{}
	for _, a := range tpl.alarms(t) {
		fn, _ := dimensions(a)["FunctionName"].(string)
		if a["Namespace"] != "AWS/Lambda" || fn == "" {
			continue
		}
		if a["Statistic"] == "Sum" && a["ComparisonOperator"] == "GreaterThanOrEqualToThreshold" && a["Threshold"] == 1.0 &&
			a["TreatMissingData"] == "notBreaching" && a["AlarmActions"] == alarmActions {
			got[strings.TrimPrefix(fn, "Ref:")] = append(got[strings.TrimPrefix(fn, "Ref:")], a["MetricName"].(string))
		}
	}
	want := map[string][]string{}
	for name := range tpl.functions(t) {
		want[name] = []string{"Errors", "Throttles"}
	}
	for _, v := range got {
		slices.Sort(v)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("function alarms (Sum ≥ 1, notifying) by function (-want +got):\n%s", diff)
	}
}

// TestRefusedRefreshSpikeAlarm: the bank-wide re-consent alarm counts refused refresh grants
// (Refreshes, Result refused) under the dimensions the Recorder publishes, over 15 minutes.
func TestRefusedRefreshSpikeAlarm(t *testing.T) {
	t.Parallel()
	a, ok := loadTemplate(t).alarms(t)["RefusedRefreshSpikeAlarm"]
	if !ok {
		t.Fatal("no RefusedRefreshSpikeAlarm")
	}
	dims := dimensions(a)
	if a["Namespace"] != metricsNamespace || a["MetricName"] != metrics.Refreshes || !cmp.Equal(emitted(t)[metrics.Refreshes], [][]string{dimNames(dims)}) ||
		dims["Environment"] != "Ref:Environment" || dims["Result"] != metrics.RefreshRefused || a["Statistic"] != "Sum" || a["Period"] != 900.0 ||
		a["Threshold"] != "Ref:RefusedRefreshThreshold" || a["ComparisonOperator"] != "GreaterThanOrEqualToThreshold" || a["AlarmActions"] != alarmActions {
		t.Errorf("RefusedRefreshSpikeAlarm: %v", a)
	}
}

// TestDashboard: the dashboard's body is JSON once its ${…} are substituted, each of them names
// a parameter, a resource or a pseudo parameter, its alarm widget lists alarms of the stack,
// and it shows every metric the alarms watch and the catalogue's others.
func TestDashboard(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	var d generic
	tpl.resource(t, "Dashboard", &d)
	if d.Type != "AWS::CloudWatch::Dashboard" {
		t.Fatalf("Dashboard is %s", d.Type)
	}
	body, ok := strings.CutPrefix(str(d.Properties["DashboardBody"]), "Sub:")
	if !ok {
		t.Fatalf("DashboardBody is not a !Sub: %v", d.Properties["DashboardBody"])
	}
	alarms := tpl.alarms(t)
	vars := regexp.MustCompile(`\$\{([^}]+)\}`)
	for _, m := range vars.FindAllStringSubmatch(body, -1) {
		name, attr, _ := strings.Cut(m[1], ".")
		_, isParam := tpl.Parameters[name]
		_, isRes := tpl.Resources[name]
		switch {
		case strings.HasPrefix(name, "AWS::"):
		case attr == "Arn":
			if _, ok := alarms[name]; !ok {
				t.Errorf("dashboard: ${%s} is not an alarm of the stack", m[1])
			}
		case !isParam && !isRes:
			t.Errorf("dashboard: ${%s} names nothing in the template", m[1])
		}
	}
	var parsed struct {
		Widgets []struct {
			Type       string
			Properties map[string]any
		}
	}
	if err := json.Unmarshal([]byte(vars.ReplaceAllString(body, "x")), &parsed); err != nil {
		t.Fatalf("dashboard body is not JSON: %v", err)
	}
	var alarmWidget bool
	for _, w := range parsed.Widgets {
		if w.Type == "alarm" {
			alarmWidget = len(w.Properties["alarms"].([]any)) > 0
		}
	}
	if !alarmWidget {
		t.Error("dashboard has no alarm status widget")
	}
	for _, name := range []string{metrics.BankErrors, metrics.BankLatency, metrics.BankCalls, metrics.BankRetries, metrics.Problems,
		metrics.Refreshes, metrics.CallbackOutcomes, metrics.Payments, metrics.AWSErrors, `"5xx"`, `"Throttles"`} {
		if !strings.Contains(body, name) {
			t.Errorf("dashboard does not show %s", name)
		}
	}
	for _, a := range []string{"Api5xxRateAlarm", "RefusedRefreshSpikeAlarm", "BankAccountReadErrorRateAlarm", "BankTokenLatencyAlarm"} {
		if !strings.Contains(body, "${"+a+".Arn}") {
			t.Errorf("dashboard's alarm widget lacks %s", a)
		}
	}
}
