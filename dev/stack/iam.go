package stack

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coop-ob/connector/dev/awsfault"
)

// maxAWSBody bounds a request body the IAM front reads (DynamoDB's largest request, a
// BatchWriteItem, is 16 MB).
const maxAWSBody = 16 << 20

// iamFront is a loopback reverse proxy in front of kumo that enforces each function's template
// Policies as IAM does in AWS, so a function calling an action its policy does not grant fails
// locally as it would deployed. It tells the functions apart by the access key id of their
// SigV4 Authorization header (each gets its own, accessKeyID); any other caller (the stack's
// own clients, tests) passes through unchecked. It records which actions every function used
// and which were denied.
type iamFront struct {
	callers map[string]*Function // by access key id
	// mappings are the functions by the access key their stream event source mappings use:
	// Lambda's own calls with the function's role, checked against its policy, but neither
	// met by the function's injected faults nor seen as the function's calls.
	mappings map[string]*Function
	proxy    *httputil.ReverseProxy
	faults   *awsfault.Injector // what the functions' allowed calls meet before kumo
	forward  http.Handler       // faults' middleware over proxy
	logs     *logCollector
	listener net.Listener
	server   *http.Server
	url      string

	// served, when set, is told of every allowed call of a function once the service (or a
	// fault) answered it, before the answer goes back; when it returns false the answer is
	// dropped (the function was killed meanwhile and will never read it).
	served func(fn *Function, op string, status int, req, resp []byte) bool

	mu     sync.Mutex
	calls  map[string]map[string]bool // Function.Name → IAM actions
	denied []string                   // "<Function.Name> <action>", in order
	// requests are each function's own requests (not its mappings'), in order, as
	// "<service>:<operation>" (dynamodb:BatchGetItem): one per HTTP request, retries each.
	requests map[string][]string
}

// accessKeyID is the AWS_ACCESS_KEY_ID a function gets, by which the IAM front knows it.
func accessKeyID(f *Function) string { return "local-" + f.Name }

// mappingKeyID is the access key a stream event source mapping of f calls AWS with: f's role,
// told apart from f's own calls.
func mappingKeyID(f *Function) string { return "local-" + f.Name + "-mapping" }

// startIAMFront serves the front on a loopback port, forwarding what it allows to target.
func startIAMFront(target string, functions []*Function, logs *logCollector) (*iamFront, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, fmt.Errorf("iam front: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("iam front: %w", err)
	}
	errLog := slog.NewLogLogger(slog.NewJSONHandler(logs.writer("iam"), nil), slog.LevelWarn)
	f := &iamFront{callers: map[string]*Function{}, mappings: map[string]*Function{}, logs: logs, listener: ln,
		url: "http://" + ln.Addr().String(), calls: map[string]map[string]bool{}}
	for _, fn := range functions {
		f.callers[accessKeyID(fn)] = fn
		f.mappings[mappingKeyID(fn)] = fn
	}
	f.proxy = &httputil.ReverseProxy{Rewrite: func(pr *httputil.ProxyRequest) { pr.SetURL(u) }, ErrorLog: errLog}
	f.faults = awsfault.New(uint64(time.Now().UnixNano()))
	f.forward = f.faults.Middleware(f.proxy)
	f.server = &http.Server{Handler: f, ReadHeaderTimeout: 10 * time.Second, ErrorLog: errLog}
	go func() { _ = f.server.Serve(ln) }()
	return f, nil
}

func (f *iamFront) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := credentialKeyID(r.Header.Get("Authorization"))
	fn, mapping := f.callers[key], false
	if fn == nil {
		fn, mapping = f.mappings[key], true
	}
	if fn == nil {
		f.proxy.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxAWSBody+1))
	if err == nil && len(body) > maxAWSBody {
		err = fmt.Errorf("body over %d bytes", maxAWSBody)
	}
	var accesses []access
	if err == nil {
		accesses, err = requestAccesses(r.Header.Get("X-Amz-Target"), body)
	}
	if err != nil {
		// Nothing unchecked reaches kumo: an unreadable request is refused as AWS refuses it.
		f.logs.add(fmt.Sprintf("iam| REFUSED %s: %v", fn.Name, err))
		writeAWSError(w, r, "SerializationException", err.Error())
		return
	}
	if !mapping {
		f.countRequest(fn, r.Header.Get("X-Amz-Target"))
	}
	if denied := f.check(fn, accesses); denied != nil {
		writeAWSError(w, r, "AccessDeniedException", fmt.Sprintf(
			"User: arn:aws:sts::%s:assumed-role/%sRole/%s is not authorized to perform: %s on resource: %s "+
				"because no identity-based policy allows the %s action",
			kumoAccountID, fn.LogicalID, fn.LogicalID, denied.Action, denied.Resource, denied.Action))
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if mapping {
		// Only a rule naming the mapping's own key reaches it (InjectAWSFault names the
		// function's): a stream read can be failed on purpose, never by the function's faults.
		f.forward.ServeHTTP(w, r)
		return
	}
	if f.served == nil {
		f.forward.ServeHTTP(w, r)
		return
	}
	rec := httptest.NewRecorder()
	f.forward.ServeHTTP(rec, r)
	_, op, _ := strings.Cut(r.Header.Get("X-Amz-Target"), ".")
	if !f.served(fn, op, rec.Code, body, rec.Body.Bytes()) {
		// The caller is gone: end the exchange without an answer.
		panic(http.ErrAbortHandler)
	}
	maps.Copy(w.Header(), rec.Header())
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// countRequest records one request of fn by its X-Amz-Target ("DynamoDB_20120810.GetItem"
// → dynamodb:GetItem).
func (f *iamFront) countRequest(fn *Function, target string) {
	service, op, _ := strings.Cut(target, ".")
	service, _, _ = strings.Cut(service, "_")
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.requests == nil {
		f.requests = map[string][]string{}
	}
	f.requests[fn.Name] = append(f.requests[fn.Name], strings.ToLower(service)+":"+op)
}

// check records fn's accesses and returns the first its policy does not grant, nil when all
// are granted. Every denied access is recorded and logged, so one run names them all.
func (f *iamFront) check(fn *Function, accesses []access) *access {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.calls[fn.Name] == nil {
		f.calls[fn.Name] = map[string]bool{}
	}
	var first *access
	for i, a := range accesses {
		f.calls[fn.Name][a.Action] = true
		if fn.Policy.Allows(a.Action, a.Index) {
			continue
		}
		f.denied = append(f.denied, fn.Name+" "+a.Action)
		f.logs.add(fmt.Sprintf("iam| DENIED %s %s on %s", fn.Name, a.Action, a.Resource))
		if first == nil {
			first = &accesses[i]
		}
	}
	return first
}

// writeAWSError answers as an AWS JSON-protocol service does; the SDK reads the code from
// x-amzn-ErrorType (or __type) and the message from Message.
func writeAWSError(w http.ResponseWriter, r *http.Request, code, msg string) {
	body, _ := json.Marshal(map[string]string{"__type": "com.amazon.coral.service#" + code, "Message": msg})
	ct := r.Header.Get("Content-Type")
	if !strings.HasPrefix(ct, "application/x-amz-json-") {
		ct = "application/x-amz-json-1.0"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("x-amzn-ErrorType", code)
	w.Header().Set("x-amzn-RequestId", randomSuffix()+randomSuffix())
	w.WriteHeader(http.StatusBadRequest)
	_, _ = w.Write(body)
}

// credentialKeyID returns the access key id of a SigV4 Authorization header
// (AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=…).
func credentialKeyID(authorization string) string {
	_, cred, ok := strings.Cut(authorization, "Credential=")
	if !ok {
		return ""
	}
	id, _, _ := strings.Cut(cred, "/")
	return id
}

func (f *iamFront) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return f.server.Shutdown(ctx)
}

// AWSCalls returns, by function name, the sorted distinct IAM actions each function has asked
// for through the IAM front (a transaction counts as its items' actions), denied ones included.
func (s *Stack) AWSCalls() map[string][]string {
	out := map[string][]string{}
	if s.iam == nil {
		return out
	}
	s.iam.mu.Lock()
	defer s.iam.mu.Unlock()
	for name, actions := range s.iam.calls {
		out[name] = slices.Sorted(maps.Keys(actions))
	}
	return out
}

// AWSRequests returns every AWS request function has made through the IAM front so far, in
// order, as "<service>:<operation>" from its X-Amz-Target (dynamodb:BatchGetItem,
// secretsmanager:GetSecretValue, trentservice:Decrypt for KMS): one per HTTP request, so an
// SDK retry counts again. Its stream mappings' calls are not its own.
func (s *Stack) AWSRequests(function string) []string {
	if s.iam == nil {
		return nil
	}
	s.iam.mu.Lock()
	defer s.iam.mu.Unlock()
	return slices.Clone(s.iam.requests[function])
}

// AccessDenied returns every action the IAM front refused a function, as
// "<function> <action>" (consents dynamodb:UpdateItem), in order; nil when none was.
func (s *Stack) AccessDenied() []string {
	if s.iam == nil {
		return nil
	}
	s.iam.mu.Lock()
	defer s.iam.mu.Unlock()
	return slices.Clone(s.iam.denied)
}

// IAMEndpoint is the IAM front's URL: the functions' DynamoDB and Secrets Manager endpoint.
func (s *Stack) IAMEndpoint() string { return s.iam.url }
