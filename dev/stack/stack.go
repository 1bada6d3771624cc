package stack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/sivchari/kumo"

	"github.com/coop-ob/connector/dev/bank/sandbox"
)

// Stack is a running local connector. Close stops every part of it.
type Stack struct {
	o         Options
	tmpl      *Template
	logs      *logCollector
	log       *slog.Logger
	ctx       context.Context
	cancel    context.CancelFunc
	kumo      *kumo.Server
	iam       *iamFront // the functions' AWS endpoint, in front of kumo
	bank      *sandbox.Bank
	auth      *authorizer
	listener  net.Listener
	server    *http.Server
	apiURL    string
	emulators map[string]*emulator  // by Function.Name
	queues    map[string]localQueue // the template's queues by logical id
	keys      map[string]string     // the template's KMS keys' ARNs by logical id (keys.go)
	tableID   string                // the connector table's logical id
	streamARN string                // its stream's, "" when it has none
	buses     map[string]localBus   // the template's event buses by logical id
	published *publishLog           // the PutEvents entries EventBridge accepted
	invokes   *invokeFaults         // crashes armed for functions' invocations
	// streamPollers are the stream event source mappings' pollers.
	streamPollers []*streamPoller
	wg            sync.WaitGroup // the gateway server and the schedules
	closeOnce     sync.Once
	closeErr      error
}

// Start starts kumo (table and secret created), the sandbox bank, one emulator per function,
// the gateway and the schedules. On error everything already started is stopped.
func Start(ctx context.Context, o Options) (_ *Stack, err error) {
	o = o.withDefaults()
	if o.FunctionsDir == "" {
		return nil, errors.New("stack: Options.FunctionsDir is required")
	}
	tmpl, err := LoadTemplate(o.Template, o.Parameters)
	if err != nil {
		return nil, fmt.Errorf("stack: %w", err)
	}
	logs := newLogCollector(o.Logs)
	sctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s := &Stack{o: o, tmpl: tmpl, logs: logs, ctx: sctx, cancel: cancel, emulators: map[string]*emulator{},
		log:       slog.New(slog.NewJSONHandler(logs.writer("stack"), nil)),
		published: &publishLog{console: o.Events, logs: logs}, invokes: newInvokeFaults()}
	defer func() {
		if err != nil {
			_ = s.Close()
			err = fmt.Errorf("stack: %w", err)
		}
	}()
	s.kumo = newKumo()
	if err := s.createTable(ctx); err != nil {
		return nil, err
	}
	if err := s.createQueues(ctx); err != nil {
		return nil, err
	}
	if err := s.createKeys(ctx); err != nil {
		return nil, err
	}
	if err := s.createBuses(ctx); err != nil {
		return nil, err
	}
	if s.iam, err = startIAMFront(s.kumo.URL, tmpl.sortedFunctions(), logs); err != nil {
		return nil, err
	}
	s.iam.served = s.served
	if s.listener, err = net.Listen("tcp", o.GatewayAddr); err != nil {
		return nil, fmt.Errorf("gateway: %w", err)
	}
	s.apiURL = "http://" + s.listener.Addr().String()
	bo := o.Bank
	bo.RedirectURI = s.apiURL + "/callback"
	if bo.Logger == nil {
		bo.Logger = slog.New(slog.NewJSONHandler(logs.writer("bank"), nil))
	}
	if s.bank, err = sandbox.Start(sctx, bo); err != nil {
		return nil, fmt.Errorf("bank: %w", err)
	}
	if err := s.createSecret(ctx); err != nil {
		return nil, err
	}
	if err := s.startEmulators(ctx); err != nil {
		return nil, err
	}
	if s.auth, err = newAuthorizer(o.Issuer, o.Audience, tmpl.scopes(), o.Now); err != nil {
		return nil, err
	}
	s.serveGateway()
	if err := s.startMappings(); err != nil {
		return nil, err
	}
	if err := s.startStreamMappings(); err != nil {
		return nil, err
	}
	return s, s.startSchedules()
}

func (s *Stack) createTable(ctx context.Context) error {
	id, props, err := s.tmpl.connectorTable()
	if err != nil {
		return err
	}
	in, ttl, err := TableInputs(s.o.TableName, props)
	if err != nil {
		return err
	}
	db := dynamodb.New(dynamodb.Options{Region: localRegion, BaseEndpoint: aws.String(s.kumo.URL),
		Credentials:                     credentials.NewStaticCredentialsProvider("local", "local", ""),
		DisableValidateResponseChecksum: true})
	arn, err := createTableStream(ctx, db, in, ttl)
	s.tableID, s.streamARN = id, arn
	return err
}

func (s *Stack) createSecret(ctx context.Context) error {
	sm := secretsmanager.New(secretsmanager.Options{Region: localRegion, BaseEndpoint: aws.String(s.kumo.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")})
	_, err := sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(s.o.SecretName),
		SecretString: aws.String(string(s.bank.SecretJSON()))})
	if err != nil {
		return fmt.Errorf("create secret %s: %w", s.o.SecretName, err)
	}
	return nil
}

// localValues are the contract variables whose values only the stack knows.
func (s *Stack) localValues() map[string]string {
	return map[string]string{
		"ENVIRONMENT":           "sandbox",
		"TABLE_NAME":            s.o.TableName,
		"CREDENTIALS_SECRET_ID": s.o.SecretName,
		"BANK_API_BASE_URL":     s.bank.APIURL(),
		"BANK_TOKEN_URL":        s.bank.TokenURL(),
		"BANK_AUTH_URL_COOP":    s.bank.AuthURL("coop"),
		"BANK_AUTH_URL_SMILE":   s.bank.AuthURL("smile"),
		"REDIRECT_URI":          s.apiURL + "/callback",
		"RESULT_URL":            s.apiURL + "/result",
		"SEAL_KEY_ID":           s.keys["SealKey"],
	}
}

func (s *Stack) startEmulators(ctx context.Context) error {
	rie := s.o.EmulatorPath
	if rie == "" {
		var err error
		if rie, err = BuildEmulator(ctx, s.o.Root, emulatorDir()); err != nil {
			return err
		}
	}
	local := s.localValues()
	var specs []emulatorSpec
	var names []string
	for _, f := range s.tmpl.sortedFunctions() {
		bootstrap := filepath.Join(s.o.FunctionsDir, f.Name, "bootstrap")
		if _, err := os.Stat(bootstrap); err != nil {
			return fmt.Errorf("function %s: %w (run make build-local)", f.LogicalID, err)
		}
		runtime := runtimeEnv(s.iam.url, accessKeyID(f))
		fl := maps.Clone(local)
		maps.Copy(fl, s.queueValues(f))
		maps.Copy(fl, s.keyValues(f))
		maps.Copy(fl, s.busValues(f))
		env, err := functionEnv(s.tmpl, f, fl, s.o.Env, runtime, func(msg string) {
			s.log.WarnContext(ctx, msg)
		})
		if err != nil {
			return err
		}
		specs = append(specs, emulatorSpec{rie: rie, bootstrap: bootstrap, env: env, timeout: f.Timeout})
		names = append(names, f.Name)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make([]error, len(specs))
	for i := range specs {
		wg.Go(func() {
			e, err := startEmulator(ctx, names[i], specs[i], s.logs.writer(names[i]))
			errs[i] = err
			if err == nil {
				mu.Lock()
				s.emulators[names[i]] = e
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (s *Stack) serveGateway() {
	extra := apiDocsHandlers(s.o.SpecFile, s.o.APIDocsDir)
	extra["/result"] = http.HandlerFunc(serveResult)
	g := &gateway{router: newRouter(s.tmpl.Routes()), auth: s.auth, invoke: s.invokeByName,
		log: s.log, now: s.o.Now, extra: extra}
	s.server = &http.Server{Handler: g, ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)}
	s.wg.Go(func() { _ = s.server.Serve(s.listener) })
}

func (s *Stack) startSchedules() error {
	for _, f := range s.tmpl.sortedFunctions() {
		for _, sc := range f.Schedules {
			every := s.o.ScheduleEvery
			if every == 0 {
				var err error
				if every, err = ParseRate(sc.Expression); err != nil {
					return fmt.Errorf("function %s: %w", f.LogicalID, err)
				}
			}
			s.wg.Go(func() { runSchedule(s.ctx, sc, every, s.invokeByName, s.log, s.o.Now) })
		}
	}
	return nil
}

// emulator finds a function by folder name (tokens) or logical id (TokensFunction).
func (s *Stack) emulator(function string) (*emulator, error) {
	if e, ok := s.emulators[function]; ok {
		return e, nil
	}
	if f, ok := s.tmpl.Functions[function]; ok {
		if e, ok := s.emulators[f.Name]; ok {
			return e, nil
		}
	}
	return nil, fmt.Errorf("stack: no function %q (have %s)", function, strings.Join(s.Functions(), ", "))
}

func (s *Stack) invokeByName(ctx context.Context, function string, event []byte) ([]byte, error) {
	e, err := s.emulator(function)
	if err != nil {
		return nil, err
	}
	if s.invokes.start(e.name, event) {
		s.log.WarnContext(ctx, "invoke fault: the invocation crashed before the function ran", "function", e.name)
		return crashAnswer, nil
	}
	defer s.invokes.end(e.name)
	return e.invoke(ctx, event)
}

// served is told of each AWS call a function made once it was answered: it records the events
// EventBridge accepted and kills a function an invoke fault says must die after this call
// (then the answer is never sent).
func (s *Stack) served(fn *Function, op string, status int, req, resp []byte) bool {
	if op == "PutEvents" {
		s.published.observePutEvents(fn.Name, status, req, resp, s.o.Now())
	}
	if !s.invokes.called(fn.Name, op) {
		return true
	}
	if e, err := s.emulator(fn.Name); err == nil {
		s.log.Warn("invoke fault: killing the function after its call", "function", fn.Name, "operation", op)
		e.killRuntime()
	}
	return false
}

// Functions lists the running functions' names (their folders in FunctionsDir).
func (s *Stack) Functions() []string {
	names := make([]string, 0, len(s.emulators))
	for n := range s.emulators {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Close stops the schedules, the gateway, every emulator with its function (nothing is left
// running), the IAM front, the bank and kumo. It is safe to call more than once.
func (s *Stack) Close() error {
	s.closeOnce.Do(func() {
		s.cancel()
		var errs []error
		if s.server != nil {
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			errs = append(errs, s.server.Shutdown(sctx))
			cancel()
		} else if s.listener != nil {
			_ = s.listener.Close()
		}
		var wg sync.WaitGroup
		for _, e := range s.emulators {
			wg.Go(func() { _ = e.close() })
		}
		wg.Wait()
		s.wg.Wait()
		if s.iam != nil {
			errs = append(errs, s.iam.close())
		}
		if s.bank != nil {
			errs = append(errs, s.bank.Close())
		}
		if s.kumo != nil {
			s.kumo.Close()
		}
		s.closeErr = errors.Join(errs...)
	})
	return s.closeErr
}
