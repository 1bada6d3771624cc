package stack

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Template is what the stack reads from template.yaml: the functions with their merged
// environment, HTTP routes and schedules, the DynamoDB tables and the parameters.
type Template struct {
	// Parameters are the template's Parameters.
	Parameters map[string]Parameter
	// ParameterValues are local values for parameters; they win over the Defaults.
	ParameterValues map[string]string
	// Functions are the AWS::Serverless::Function resources by logical id.
	Functions map[string]*Function
	// Tables are the AWS::DynamoDB::Table resources' Properties by logical id.
	Tables map[string]json.RawMessage
	// Queues are the AWS::SQS::Queue resources by logical id.
	Queues map[string]Queue
	// Mappings are the AWS::Lambda::EventSourceMapping resources (from those queues).
	Mappings []Mapping
	// Keys are the AWS::KMS::Key resources by logical id (keys.go).
	Keys map[string]Key
	// StreamMappings are the AWS::Lambda::EventSourceMapping resources from a table's stream.
	StreamMappings []StreamMapping
	// EventBuses are the AWS::Events::EventBus resources by logical id.
	EventBuses map[string]EventBus
}

// Parameter is one template parameter.
type Parameter struct {
	Type    string
	Default any
}

// Function is one AWS::Serverless::Function with Globals.Function merged in.
type Function struct {
	LogicalID string
	// Name is the folder of its bootstrap: the logical id without "Function", lower case
	// (ConsentsFunction → consents), as the Makefile's build-<LogicalId> targets name them.
	Name       string
	Timeout    time.Duration // SAM's default is 3 s
	MemorySize int           // SAM's default is 128
	// Environment holds the raw values (strings, or intrinsics as {"Ref": …}) of
	// Globals.Function.Environment.Variables overlaid with the function's own.
	Environment map[string]any
	Routes      []Route
	Schedules   []Schedule
	// Policy is what the function's Policies grant; the local IAM front enforces it.
	Policy Policy
}

// Route is one HttpApi event.
type Route struct {
	Function string // Function.Name
	Method   string // upper case; ANY matches every method
	Path     string // /consents/{id}, /{proxy+}
	// NoAuth is set when the event's Auth.Authorizer is NONE: no JWT is checked.
	NoAuth bool
	// Scopes are Auth.AuthorizationScopes: the token must carry at least one of them.
	Scopes []string
}

// Key is the API Gateway route key, "GET /consents/{id}".
func (r Route) Key() string { return r.Method + " " + r.Path }

// Schedule is one Schedule or ScheduleV2 event.
type Schedule struct {
	Function   string // Function.Name
	Expression string // rate(5 minutes)
	Input      string // the event's Input (JSON), "" when not set
}

type rawFunctionProps struct {
	Timeout     any
	MemorySize  any
	Environment struct{ Variables map[string]any }
	Policies    json.RawMessage // not allowed in Globals by SAM: read from the function only
	Events      map[string]struct {
		Type       string
		Properties json.RawMessage
	}
}

type rawTemplate struct {
	Parameters map[string]Parameter
	Globals    struct{ Function rawFunctionProps }
	Resources  map[string]struct {
		Type       string
		Properties json.RawMessage
	}
}

// LoadTemplate reads a SAM template. params are local values for its parameters.
func LoadTemplate(path string, params map[string]string) (*Template, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t, err := ParseTemplate(b, params)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// ParseTemplate parses a SAM template's YAML (short-form intrinsics allowed).
func ParseTemplate(b []byte, params map[string]string) (*Template, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	plain, err := fromYAML(&doc)
	if err != nil {
		return nil, err
	}
	js, err := json.Marshal(plain)
	if err != nil {
		return nil, err
	}
	var raw rawTemplate
	if err := json.Unmarshal(js, &raw); err != nil {
		return nil, err
	}
	t := &Template{Parameters: raw.Parameters, ParameterValues: params,
		Functions: map[string]*Function{}, Tables: map[string]json.RawMessage{}, Queues: map[string]Queue{},
		Keys:       map[string]Key{},
		EventBuses: map[string]EventBus{}}
	for id, res := range raw.Resources {
		switch res.Type {
		case "AWS::DynamoDB::Table":
			t.Tables[id] = res.Properties
		case "AWS::SQS::Queue":
			q, err := t.queue(id, res.Properties)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", id, err)
			}
			t.Queues[id] = q
		case "AWS::KMS::Key":
			var k Key
			if err := json.Unmarshal(res.Properties, &k); err != nil {
				return nil, fmt.Errorf("%s: %w", id, err)
			}
			t.Keys[id] = k
		case "AWS::Events::EventBus":
			t.EventBuses[id] = t.eventBus(id, res.Properties)
		case "AWS::Lambda::EventSourceMapping":
			if fromStream(res.Properties) {
				m, err := t.streamMapping(id, res.Properties)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", id, err)
				}
				t.StreamMappings = append(t.StreamMappings, m)
				continue
			}
			m, err := t.mapping(id, res.Properties)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", id, err)
			}
			t.Mappings = append(t.Mappings, m)
		case "AWS::Serverless::Function":
			f, err := t.function(id, raw.Globals.Function, res.Properties)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", id, err)
			}
			t.Functions[id] = f
		}
	}
	sort.Slice(t.Mappings, func(i, j int) bool { return t.Mappings[i].LogicalID < t.Mappings[j].LogicalID })
	sort.Slice(t.StreamMappings, func(i, j int) bool { return t.StreamMappings[i].LogicalID < t.StreamMappings[j].LogicalID })
	return t, nil
}

func (t *Template) function(id string, globals rawFunctionProps, props json.RawMessage) (*Function, error) {
	var own rawFunctionProps
	if len(props) > 0 {
		if err := json.Unmarshal(props, &own); err != nil {
			return nil, err
		}
	}
	f := &Function{LogicalID: id, Name: strings.ToLower(strings.TrimSuffix(id, "Function")),
		Timeout: 3 * time.Second, MemorySize: 128, Environment: map[string]any{}}
	for _, p := range []rawFunctionProps{globals, own} {
		for k, v := range p.Environment.Variables {
			f.Environment[k] = v
		}
		if p.Timeout != nil {
			s, ok := t.literal(p.Timeout)
			n, err := strconv.ParseFloat(s, 64)
			if !ok || err != nil {
				return nil, fmt.Errorf("timeout %v: not a number", p.Timeout)
			}
			f.Timeout = time.Duration(n * float64(time.Second))
		}
		if p.MemorySize != nil {
			s, _ := t.literal(p.MemorySize)
			if n, err := strconv.Atoi(s); err == nil {
				f.MemorySize = n
			}
		}
	}
	var err error
	if f.Policy, err = parsePolicies(own.Policies); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(own.Events))
	for name := range own.Events {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ev := own.Events[name]
		if err := t.event(f, ev.Type, ev.Properties); err != nil {
			return nil, fmt.Errorf("event %s: %w", name, err)
		}
	}
	return f, nil
}

func (t *Template) event(f *Function, typ string, props json.RawMessage) error {
	switch typ {
	case "HttpApi":
		var p struct {
			Path, Method string
			Auth         struct {
				Authorizer          string
				AuthorizationScopes []string
			}
		}
		if err := json.Unmarshal(props, &p); err != nil {
			return err
		}
		if p.Path == "" || p.Method == "" {
			// SAM's catch-all default route; the stack has no use for it.
			return nil
		}
		method := strings.ToUpper(p.Method)
		if method == "X-AMAZON-APIGATEWAY-ANY-METHOD" {
			method = "ANY"
		}
		f.Routes = append(f.Routes, Route{Function: f.Name, Method: method, Path: p.Path,
			NoAuth: p.Auth.Authorizer == "NONE", Scopes: p.Auth.AuthorizationScopes})
	case "Schedule", "ScheduleV2":
		var p struct {
			Schedule, ScheduleExpression string
			Input                        any
		}
		if err := json.Unmarshal(props, &p); err != nil {
			return err
		}
		expr := p.ScheduleExpression
		if typ == "Schedule" {
			expr = p.Schedule
		}
		var input string
		if p.Input != nil {
			var err error
			if input, err = t.resolve(p.Input); err != nil {
				return fmt.Errorf("schedule input: %w", err)
			}
		}
		f.Schedules = append(f.Schedules, Schedule{Function: f.Name, Expression: expr, Input: input})
	}
	return nil
}

// Routes returns every function's routes.
func (t *Template) Routes() []Route {
	var rs []Route
	for _, f := range t.sortedFunctions() {
		rs = append(rs, f.Routes...)
	}
	return rs
}

func (t *Template) sortedFunctions() []*Function {
	fs := make([]*Function, 0, len(t.Functions))
	for _, f := range t.Functions {
		fs = append(fs, f)
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].Name < fs[j].Name })
	return fs
}

// ParseRate reads a rate(N minute|minutes|hour|hours|day|days) schedule expression.
// cron() expressions are not supported by the local scheduler.
func ParseRate(expr string) (time.Duration, error) {
	inner, ok := strings.CutPrefix(strings.TrimSpace(expr), "rate(")
	inner, ok2 := strings.CutSuffix(inner, ")")
	if !ok || !ok2 {
		return 0, fmt.Errorf("schedule %q: only rate(...) expressions run locally (use ScheduleEvery)", expr)
	}
	num, unit, _ := strings.Cut(strings.TrimSpace(inner), " ")
	n, err := strconv.Atoi(num)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("schedule %q: bad value", expr)
	}
	units := map[string]time.Duration{"minute": time.Minute, "minutes": time.Minute,
		"hour": time.Hour, "hours": time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour}
	u, ok := units[strings.TrimSpace(unit)]
	if !ok {
		return 0, fmt.Errorf("schedule %q: bad unit", expr)
	}
	return time.Duration(n) * u, nil
}

// scopes are every scope some route requires.
func (t *Template) scopes() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range t.Routes() {
		for _, sc := range r.Scopes {
			if !seen[sc] {
				seen[sc] = true
				out = append(out, sc)
			}
		}
	}
	return out
}
