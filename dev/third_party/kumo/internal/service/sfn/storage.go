package sfn

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/sivchari/kumo/internal/storage"
)

// Error codes.
const (
	errStateMachineDoesNotExist  = "StateMachineDoesNotExist"
	errStateMachineAlreadyExists = "StateMachineAlreadyExists"
	errExecutionDoesNotExist     = "ExecutionDoesNotExist"
	errExecutionAlreadyExists    = "ExecutionAlreadyExists"
	errInvalidArn                = "InvalidArn"
	errInvalidDefinition         = "InvalidDefinition"
	// errResourceNotFound is DescribeMapRun's documented error for a
	// mapRunArn kumo has never recorded.
	errResourceNotFound = "ResourceNotFound"

	msgStateMachineDoesNotExist = "State machine does not exist"
	msgExecutionDoesNotExist    = "Execution does not exist"
)

// Storage defines the Step Functions storage interface.
type Storage interface {
	// State machine operations.
	CreateStateMachine(ctx context.Context, req *CreateStateMachineRequest) (*StateMachine, error)
	DeleteStateMachine(ctx context.Context, arn string) error
	DescribeStateMachine(ctx context.Context, arn string) (*StateMachine, error)
	ListStateMachines(ctx context.Context, maxResults int32, nextToken string) ([]*StateMachine, string, error)

	// Execution operations.
	StartExecution(ctx context.Context, stateMachineArn, name, input, traceHeader string) (*Execution, error)
	StopExecution(ctx context.Context, executionArn, errorCode, cause string) (*Execution, error)
	DescribeExecution(ctx context.Context, executionArn string) (*Execution, error)
	ListExecutions(ctx context.Context, stateMachineArn, statusFilter string, maxResults int32, nextToken string) ([]*Execution, string, error)
	GetExecutionHistory(ctx context.Context, executionArn string, maxResults int32, nextToken string, reverseOrder bool) ([]*HistoryEvent, string, error)

	// Map Run operations (see maprun.go): distributed-mode Map states each
	// create a Map Run record, queryable the same way real AWS's own
	// DescribeMapRun/ListMapRuns are.
	DescribeMapRun(ctx context.Context, mapRunArn string) (*MapRun, error)
	ListMapRuns(ctx context.Context, executionArn string, maxResults int32, nextToken string) ([]*MapRun, string, error)

	// Tag operations.
	TagResource(ctx context.Context, resourceArn string, tags []Tag) error
	UntagResource(ctx context.Context, resourceArn string, tagKeys []string) error
	ListTagsForResource(ctx context.Context, resourceArn string) ([]Tag, error)

	// Version and alias operations.
	ListStateMachineVersions(ctx context.Context, stateMachineArn string, maxResults int32, nextToken string) ([]map[string]string, string, error)
	ListStateMachineAliases(ctx context.Context, stateMachineArn string, maxResults int32, nextToken string) ([]map[string]string, string, error)

	// Activity operations.
	CreateActivity(ctx context.Context, name string, tags []Tag) (*Activity, error)
	DescribeActivity(ctx context.Context, arn string) (*Activity, error)
	ListActivities(ctx context.Context, maxResults int32, nextToken string) ([]*Activity, string, error)
	DeleteActivity(ctx context.Context, arn string) error
	GetActivityTask(ctx context.Context, activityArn, workerName string) (taskToken, input string, err error)

	// Task token operations, shared by callback (.waitForTaskToken) Task
	// states and activity Task states.
	SendTaskSuccess(ctx context.Context, taskToken, output string) error
	SendTaskFailure(ctx context.Context, taskToken, errorName, cause string) error
	SendTaskHeartbeat(ctx context.Context, taskToken string) error

	// DispatchAction dispatches the request to the appropriate handler.
	DispatchAction(action string) bool
}

// Option is a configuration option for MemoryStorage.
type Option func(*MemoryStorage)

// WithDataDir enables persistent storage in the specified directory.
func WithDataDir(dir string) Option {
	return func(s *MemoryStorage) {
		s.dataDir = dir
	}
}

// WithBaseURL sets the base URL for cross-service HTTP calls (SQS, Lambda).
func WithBaseURL(url string) Option {
	return func(s *MemoryStorage) {
		s.baseURL = url
	}
}

// Compile-time interface checks.
var (
	_ json.Marshaler   = (*MemoryStorage)(nil)
	_ json.Unmarshaler = (*MemoryStorage)(nil)
)

// MemoryStorage implements Storage with in-memory data.
type MemoryStorage struct {
	mu            sync.RWMutex              `json:"-"`
	StateMachines map[string]*StateMachine  `json:"stateMachines"`
	Executions    map[string]*ExecutionData `json:"executions"`
	Activities    map[string]*Activity      `json:"activities"`
	Tags          map[string][]Tag          `json:"tags"`
	MapRuns       map[string]*MapRun        `json:"mapRuns"`
	region        string
	accountID     string
	EventCounter  int64 `json:"eventCounter"`
	dataDir       string
	baseURL       string
	engine        *executionEngine
}

// ExecutionData holds execution information and its history.
type ExecutionData struct {
	Execution *Execution      `json:"execution"`
	History   []*HistoryEvent `json:"history"`

	// done is closed exactly once when Execution leaves RUNNING, and cancel
	// stops its goroutine. Both are runtime-only: an execution restored from
	// disk has no goroutine, so they are created on demand (see doneChanLocked).
	done   chan struct{}      `json:"-"`
	cancel context.CancelFunc `json:"-"`
}

// NewMemoryStorage creates a new in-memory storage.
func NewMemoryStorage(opts ...Option) *MemoryStorage {
	region := os.Getenv("AWS_DEFAULT_REGION")
	if region == "" {
		region = "us-east-1"
	}

	s := &MemoryStorage{
		StateMachines: make(map[string]*StateMachine),
		Executions:    make(map[string]*ExecutionData),
		Activities:    make(map[string]*Activity),
		Tags:          make(map[string][]Tag),
		MapRuns:       make(map[string]*MapRun),
		region:        region,
		accountID:     "000000000000",
		baseURL:       defaultBaseURL,
	}
	for _, o := range opts {
		o(s)
	}

	s.engine = newExecutionEngine(s.baseURL)
	// Wire the engine's states:startExecution and Map Run bookkeeping back to
	// this storage as a direct reference rather than an HTTP round trip.
	s.engine.starter = s
	s.engine.mapRuns = s

	if s.dataDir != "" {
		_ = storage.Load(s.dataDir, "states", s)
	}

	return s
}

// MarshalJSON serializes the storage state to JSON.
func (s *MemoryStorage) MarshalJSON() ([]byte, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()

	type Alias MemoryStorage

	data, err := json.Marshal(&struct{ *Alias }{Alias: (*Alias)(s)})
	if err != nil {
		return nil, fmt.Errorf("failed to marshal: %w", err)
	}

	return data, nil
}

// UnmarshalJSON restores the storage state from JSON.
func (s *MemoryStorage) UnmarshalJSON(data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()

	type Alias MemoryStorage

	aux := &struct{ *Alias }{Alias: (*Alias)(s)}

	if err := json.Unmarshal(data, aux); err != nil {
		return fmt.Errorf("failed to unmarshal: %w", err)
	}

	if s.StateMachines == nil {
		s.StateMachines = make(map[string]*StateMachine)
	}

	if s.Executions == nil {
		s.Executions = make(map[string]*ExecutionData)
	}

	if s.Activities == nil {
		s.Activities = make(map[string]*Activity)
	}

	if s.Tags == nil {
		s.Tags = make(map[string][]Tag)
	}

	if s.MapRuns == nil {
		s.MapRuns = make(map[string]*MapRun)
	}

	return nil
}

// saveLocked persists the current state to disk while the caller holds the lock.
func (s *MemoryStorage) saveLocked() {
	if s.dataDir == "" {
		return
	}

	storage.ScheduleSave(s.dataDir, "states", s.MarshalJSON)
}

// Close saves the storage state to disk if persistence is enabled.
func (s *MemoryStorage) Close() error {
	if s.dataDir == "" {
		return nil
	}

	if err := storage.Save(s.dataDir, "states", s); err != nil {
		return fmt.Errorf("failed to save: %w", err)
	}

	return nil
}

// CreateStateMachine creates a new state machine.
func (s *MemoryStorage) CreateStateMachine(_ context.Context, req *CreateStateMachineRequest) (*StateMachine, error) {
	s.mu.Lock()
	defer s.mu.Unlock()

	arn := fmt.Sprintf("arn:aws:states:%s:%s:stateMachine:%s", s.region, s.accountID, req.Name)

	if _, exists := s.StateMachines[arn]; exists {
		return nil, &ServiceError{Code: errStateMachineAlreadyExists, Message: "State machine already exists"}
	}

	smType := StateMachineTypeStandard
	if req.Type == "EXPRESS" {
		smType = StateMachineTypeExpress
	}

	now := time.Now()
	sm := &StateMachine{
		StateMachineArn:      arn,
		Name:                 req.Name,
		Definition:           req.Definition,
		RoleArn:              req.RoleArn,
		Type:                 smType,
		Status:               StateMachineStatusActive,
		CreationDate:         now,
		LoggingConfiguration: req.LoggingConfiguration,
		TracingConfiguration: req.TracingConfiguration,
		RevisionID:           uuid.New().String(),
	}

	s.StateMachines[arn] = sm

	if len(req.Tags) > 0 {
		s.Tags[arn] = append([]Tag{}, req.Tags...)
	}

	s.saveLocked()

	return sm, nil
}

// DeleteStateMachine deletes a state machine.
func (s *MemoryStorage) DeleteStateMachine(_ context.Context, arn string) error {
	s.mu.Lock()
	defer s.mu.Unlock()

	if _, exists := s.StateMachines[arn]; !exists {
		return &ServiceError{Code: errStateMachineDoesNotExist, Message: msgStateMachineDoesNotExist}
	}

	delete(s.StateMachines, arn)
	delete(s.Tags, arn)

	s.saveLocked()

	return nil
}

// DescribeStateMachine describes a state machine.
func (s *MemoryStorage) DescribeStateMachine(_ context.Context, arn string) (*StateMachine, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()

	sm, exists := s.StateMachines[arn]
	if !exists {
		return nil, &ServiceError{Code: errStateMachineDoesNotExist, Message: msgStateMachineDoesNotExist}
	}

	return sm, nil
}

// ListStateMachines lists all state machines.
func (s *MemoryStorage) ListStateMachines(_ context.Context, maxResults int32, _ string) ([]*StateMachine, string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()

	if maxResults <= 0 {
		maxResults = 100
	}

	stateMachines := make([]*StateMachine, 0, len(s.StateMachines))
	for _, sm := range s.StateMachines {
		stateMachines = append(stateMachines, sm)
	}

	// Sort by creation date.
	sort.Slice(stateMachines, func(i, j int) bool {
		return stateMachines[i].CreationDate.Before(stateMachines[j].CreationDate)
	})

	if int32(len(stateMachines)) > maxResults { //nolint:gosec // slice length bounded by maxResults parameter
		stateMachines = stateMachines[:maxResults]
	}

	return stateMachines, "", nil
}

// StartExecution starts a new execution.
func (s *MemoryStorage) StartExecution(ctx context.Context, stateMachineArn, name, input, traceHeader string) (*Execution, error) {
	return s.startExecutionAtDepth(ctx, stateMachineArn, name, input, traceHeader, 0)
}

// startNestedExecution implements executionStarter for a
// states:startExecution Task: like StartExecution, but carries the caller's
// nesting depth through since StartExecution's ctx parameter cannot.
func (s *MemoryStorage) startNestedExecution(ctx context.Context, stateMachineArn, name, input string, depth int) (*Execution, error) {
	return s.startExecutionAtDepth(ctx, stateMachineArn, name, input, "", depth)
}

// startExecutionAtDepth is StartExecution/startNestedExecution's shared
// implementation.
func (s *MemoryStorage) startExecutionAtDepth(_ context.Context, stateMachineArn, name, input, traceHeader string, depth int) (*Execution, error) {
	s.mu.Lock()
	defer s.mu.Unlock()

	sm, exists := s.StateMachines[stateMachineArn]
	if !exists {
		return nil, &ServiceError{Code: errStateMachineDoesNotExist, Message: msgStateMachineDoesNotExist}
	}

	execName := name
	if execName == "" {
		execName = uuid.New().String()
	}

	executionArn := fmt.Sprintf("arn:aws:states:%s:%s:execution:%s:%s", s.region, s.accountID, sm.Name, execName)

	if _, exists := s.Executions[executionArn]; exists {
		return nil, &ServiceError{Code: errExecutionAlreadyExists, Message: "Execution already exists"}
	}

	now := time.Now()
	exec := s.createExecution(executionArn, stateMachineArn, execName, input, traceHeader, now)

	startID := atomic.AddInt64(&s.EventCounter, 1)
	history := []*HistoryEvent{
		{
			Timestamp: now, Type: HistoryEventTypeExecutionStarted, ID: startID, PreviousEventID: 0,
			ExecutionStartedEventDetails: &ExecutionStartedEventDetails{
				Input: input, InputDetails: &CloudWatchEventsExecutionDataDetails{Included: true}, RoleArn: sm.RoleArn,
			},
		},
	}

	ed := &ExecutionData{Execution: exec, History: history, done: make(chan struct{})}
	s.Executions[executionArn] = ed

	s.saveLocked()

	// Parse the definition and run the state machine asynchronously.
	definition := sm.Definition

	go s.runExecution(ed, definition, input, startID, depth)

	return copyExecution(exec), nil
}

// executionDone implements executionStarter: it returns a channel that is
// closed once executionArn leaves RUNNING.
func (s *MemoryStorage) executionDone(executionArn string) (<-chan struct{}, error) {
	s.mu.Lock()
	defer s.mu.Unlock()

	ed, exists := s.Executions[executionArn]
	if !exists {
		return nil, &ServiceError{Code: errExecutionDoesNotExist, Message: msgExecutionDoesNotExist}
	}

	return s.doneChanLocked(ed), nil
}

// executionTimeoutCap bounds how long a background execution goroutine may
// run, independent of the definition's own TimeoutSeconds (real AWS has no
// default execution timeout). This is purely an emulator resource cap and
// must never be reported as a real States.Timeout -- see
// executionTimeoutDiagnosis.
const executionTimeoutCap = 5 * time.Minute

// runExecution executes the state machine in a background goroutine, bounded
// by min(definition TimeoutSeconds, executionTimeoutCap). depth is the
// states:startExecution nesting depth (0 for a top-level execution).
func (s *MemoryStorage) runExecution(ed *ExecutionData, definition, input string, lastEventID int64, depth int) {
	def, err := parseDefinition(definition)
	if err != nil {
		s.failExecution(ed, lastEventID, errorStatesRuntime, fmt.Sprintf("Failed to parse definition: %v", err))

		return
	}

	ctx, cancel, definitionTimeoutApplies := executionContext(def)
	defer cancel()

	if !s.attachCancel(ed, cancel) {
		return
	}

	ctx = withNestedExecutionDepth(ctx, depth)
	ctx = withExecutionArn(ctx, ed.Execution.ExecutionArn)

	output, err := s.engine.execute(ctx, def, input)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			code, cause := executionTimeoutDiagnosis(def, definitionTimeoutApplies)
			s.failExecution(ed, lastEventID, code, cause)

			return
		}

		s.failExecution(ed, lastEventID, executionErrorCode(err), executionErrorCause(err))

		return
	}

	s.succeedExecution(ed, lastEventID, output)
}

// executionContext builds the execution's context with deadline
// min(definition TimeoutSeconds, executionTimeoutCap), so a runaway
// execution can never leak a goroutine. definitionTimeoutApplies reports
// whether the definition's own TimeoutSeconds was the tighter bound.
func executionContext(def *stateMachineDefinition) (ctx context.Context, cancel context.CancelFunc, definitionTimeoutApplies bool) {
	effective := executionTimeoutCap

	if def.TimeoutSeconds != nil && *def.TimeoutSeconds > 0 {
		defTimeout := time.Duration(*def.TimeoutSeconds) * time.Second
		if defTimeout <= effective {
			effective = defTimeout
			definitionTimeoutApplies = true
		}
	}

	ctx, cancel = context.WithTimeout(context.Background(), effective)

	return ctx, cancel, definitionTimeoutApplies
}

// executionTimeoutDiagnosis reports the timeout error code/cause: a reached
// definition TimeoutSeconds is a real States.Timeout, while kumo's own
// executionTimeoutCap firing is an emulator-only detail reported as
// States.Runtime instead, keeping the two distinguishable.
func executionTimeoutDiagnosis(def *stateMachineDefinition, definitionTimeoutApplies bool) (code, cause string) {
	if definitionTimeoutApplies {
		return errorStatesTimeout, fmt.Sprintf("State machine execution exceeded its TimeoutSeconds (%d)", *def.TimeoutSeconds)
	}

	return errorStatesRuntime, fmt.Sprintf(
		"kumo enforced its internal %s execution cap; the state machine did not set a TimeoutSeconds within that bound",
		executionTimeoutCap,
	)
}

// attachCancel records cancel on ed so StopExecution can stop the goroutine.
// It reports false if ed already left RUNNING, in which case the goroutine
// must not run.
func (s *MemoryStorage) attachCancel(ed *ExecutionData, cancel context.CancelFunc) bool {
	s.mu.Lock()
	defer s.mu.Unlock()

	if ed.Execution.Status != ExecutionStatusRunning {
		return false
	}

	ed.cancel = cancel

	return true
}

// doneChanLocked returns ed's completion channel, creating it on first use.
// A restored execution has no goroutine to close it, so a non-RUNNING one
// gets an already-closed channel and a RUNNING one stays open until stopped.
// The caller holds s.mu.
func (s *MemoryStorage) doneChanLocked(ed *ExecutionData) chan struct{} {
	if ed.done == nil {
		ed.done = make(chan struct{})

		if ed.Execution.Status != ExecutionStatusRunning {
			close(ed.done)
		}
	}

	return ed.done
}

// terminalOutcome describes how an execution ended, for finishExecutionLocked.
type terminalOutcome struct {
	status ExecutionStatus
	// apply sets the status-specific fields on the execution.
	apply func(exec *Execution)
	// event carries the history event's type and details; finishExecutionLocked
	// fills in its identity and timing.
	event           HistoryEvent
	previousEventID int64
}

// finishExecutionLocked moves a RUNNING execution to o.status, appends the
// matching history event and closes its done channel. It reports false and
// changes nothing if ed already left RUNNING, which makes the terminal
// transition exactly-once. The caller holds s.mu.
func (s *MemoryStorage) finishExecutionLocked(ed *ExecutionData, o *terminalOutcome) bool {
	if ed.Execution.Status != ExecutionStatusRunning {
		return false
	}

	// Fetched before the status flips: doneChanLocked would otherwise hand
	// back an already-closed channel for a restored execution.
	done := s.doneChanLocked(ed)

	now := time.Now()
	ed.Execution.Status = o.status
	ed.Execution.StopDate = &now
	o.apply(ed.Execution)

	event := o.event
	event.Timestamp = now
	event.ID = atomic.AddInt64(&s.EventCounter, 1)
	event.PreviousEventID = o.previousEventID
	ed.History = append(ed.History, &event)

	close(done)

	s.saveLocked()

	return true
}

// succeedExecution marks an execution as SUCCEEDED unless it already finished.
func (s *MemoryStorage) succeedExecution(ed *ExecutionData, lastEventID int64, output string) {
	s.mu.Lock()
	defer s.mu.Unlock()

	s.finishExecutionLocked(ed, &terminalOutcome{
		status: ExecutionStatusSucceeded,
		apply: func(exec *Execution) {
			exec.Output = output
			exec.OutputDetails = &CloudWatchEventsExecutionDataDetails{Included: true}
		},
		event: HistoryEvent{
			Type: HistoryEventTypeExecutionSucceeded,
			ExecutionSucceededEventDetails: &ExecutionSucceededEventDetails{
				Output: output, OutputDetails: &CloudWatchEventsExecutionDataDetails{Included: true},
			},
		},
		previousEventID: lastEventID,
	})
}

// failExecution marks an execution as FAILED unless it already finished.
func (s *MemoryStorage) failExecution(ed *ExecutionData, lastEventID int64, errorCode, cause string) {
	s.mu.Lock()
	defer s.mu.Unlock()

	s.finishExecutionLocked(ed, &terminalOutcome{
		status: ExecutionStatusFailed,
		apply: func(exec *Execution) {
			exec.Error = errorCode
			exec.Cause = cause
		},
		event: HistoryEvent{
			Type:                        HistoryEventTypeExecutionFailed,
			ExecutionFailedEventDetails: &ExecutionFailedEventDetails{Error: errorCode, Cause: cause},
		},
		previousEventID: lastEventID,
	})
}

// createExecution creates a new execution object.
func (s *MemoryStorage) createExecution(arn, smArn, name, input, traceHeader string, now time.Time) *Execution {
	return &Execution{
		ExecutionArn:    arn,
		StateMachineArn: smArn,
		Name:            name,
		Status:          ExecutionStatusRunning,
		StartDate:       now,
		Input:           input,
		InputDetails:    &CloudWatchEventsExecutionDataDetails{Included: true},
		TraceHeader:     traceHeader,
	}
}

// copyExecution returns a shallow copy of an execution so callers never hold
// a pointer that the background execution goroutine keeps mutating. Writers
// only assign whole field values, so a shallow copy is race-free.
func copyExecution(e *Execution) *Execution {
	c := *e

	return &c
}

// StopExecution stops an execution.
func (s *MemoryStorage) StopExecution(_ context.Context, executionArn, errorCode, cause string) (*Execution, error) {
	s.mu.Lock()
	defer s.mu.Unlock()

	ed, exists := s.Executions[executionArn]
	if !exists {
		return nil, &ServiceError{Code: errExecutionDoesNotExist, Message: msgExecutionDoesNotExist}
	}

	if ed.Execution.Status != ExecutionStatusRunning {
		// Already stopped.
		return copyExecution(ed.Execution), nil
	}

	aborted := s.finishExecutionLocked(ed, &terminalOutcome{
		status: ExecutionStatusAborted,
		apply: func(exec *Execution) {
			exec.Error = errorCode
			exec.Cause = cause
		},
		event: HistoryEvent{
			Type:                         HistoryEventTypeExecutionAborted,
			ExecutionAbortedEventDetails: &ExecutionAbortedEventDetails{Error: errorCode, Cause: cause},
		},
		previousEventID: int64(len(ed.History)),
	})

	if aborted && ed.cancel != nil {
		ed.cancel()
	}

	return copyExecution(ed.Execution), nil
}

// DescribeExecution describes an execution.
func (s *MemoryStorage) DescribeExecution(_ context.Context, executionArn string) (*Execution, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()

	ed, exists := s.Executions[executionArn]
	if !exists {
		return nil, &ServiceError{Code: errExecutionDoesNotExist, Message: msgExecutionDoesNotExist}
	}

	return copyExecution(ed.Execution), nil
}

// ListExecutions lists executions for a state machine.
func (s *MemoryStorage) ListExecutions(_ context.Context, stateMachineArn, statusFilter string, maxResults int32, _ string) ([]*Execution, string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()

	if maxResults <= 0 {
		maxResults = 100
	}

	var executions []*Execution

	for _, ed := range s.Executions {
		if ed.Execution.StateMachineArn != stateMachineArn {
			continue
		}

		if statusFilter != "" && string(ed.Execution.Status) != statusFilter {
			continue
		}

		executions = append(executions, copyExecution(ed.Execution))
	}

	// Sort by start date (most recent first).
	sort.Slice(executions, func(i, j int) bool {
		return executions[i].StartDate.After(executions[j].StartDate)
	})

	if int32(len(executions)) > maxResults { //nolint:gosec // slice length bounded by maxResults parameter
		executions = executions[:maxResults]
	}

	return executions, "", nil
}

// DescribeMapRun describes a Map Run (see maprun.go).
func (s *MemoryStorage) DescribeMapRun(_ context.Context, mapRunArn string) (*MapRun, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()

	mr, exists := s.MapRuns[mapRunArn]
	if !exists {
		return nil, &ServiceError{Code: errResourceNotFound, Message: "Map Run does not exist"}
	}

	return copyMapRun(mr), nil
}

// ListMapRuns lists the Map Runs started by a given execution.
func (s *MemoryStorage) ListMapRuns(_ context.Context, executionArn string, maxResults int32, _ string) ([]*MapRun, string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()

	if _, exists := s.Executions[executionArn]; !exists {
		return nil, "", &ServiceError{Code: errExecutionDoesNotExist, Message: msgExecutionDoesNotExist}
	}

	if maxResults <= 0 {
		maxResults = 100
	}

	var mapRuns []*MapRun

	for _, mr := range s.MapRuns {
		if mr.ExecutionArn != executionArn {
			continue
		}

		mapRuns = append(mapRuns, copyMapRun(mr))
	}

	sort.Slice(mapRuns, func(i, j int) bool {
		return mapRuns[i].StartDate.Before(mapRuns[j].StartDate)
	})

	if len(mapRuns) > int(maxResults) {
		mapRuns = mapRuns[:int(maxResults)]
	}

	return mapRuns, "", nil
}

// GetExecutionHistory gets the history of an execution.
func (s *MemoryStorage) GetExecutionHistory(_ context.Context, executionArn string, maxResults int32, _ string, reverseOrder bool) ([]*HistoryEvent, string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()

	ed, exists := s.Executions[executionArn]
	if !exists {
		return nil, "", &ServiceError{Code: errExecutionDoesNotExist, Message: msgExecutionDoesNotExist}
	}

	if maxResults <= 0 {
		maxResults = 100
	}

	// Copy events.
	events := make([]*HistoryEvent, len(ed.History))
	copy(events, ed.History)

	if reverseOrder {
		for i, j := 0, len(events)-1; i < j; i, j = i+1, j-1 {
			events[i], events[j] = events[j], events[i]
		}
	}

	if int32(len(events)) > maxResults { //nolint:gosec // slice length bounded by maxResults parameter
		events = events[:maxResults]
	}

	return events, "", nil
}

// TagResource adds tags to a resource.
func (s *MemoryStorage) TagResource(_ context.Context, resourceArn string, tags []Tag) error {
	s.mu.Lock()
	defer s.mu.Unlock()

	existingTags := s.Tags[resourceArn]
	tagMap := make(map[string]string)

	for _, tag := range existingTags {
		tagMap[tag.Key] = tag.Value
	}

	for _, tag := range tags {
		tagMap[tag.Key] = tag.Value
	}

	newTags := make([]Tag, 0, len(tagMap))

	for k, v := range tagMap {
		newTags = append(newTags, Tag{Key: k, Value: v})
	}

	s.Tags[resourceArn] = newTags

	s.saveLocked()

	return nil
}

// UntagResource removes tags from a resource.
func (s *MemoryStorage) UntagResource(_ context.Context, resourceArn string, tagKeys []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()

	existingTags := s.Tags[resourceArn]
	keySet := make(map[string]bool)

	for _, key := range tagKeys {
		keySet[key] = true
	}

	newTags := make([]Tag, 0)

	for _, tag := range existingTags {
		if !keySet[tag.Key] {
			newTags = append(newTags, tag)
		}
	}

	s.Tags[resourceArn] = newTags

	s.saveLocked()

	return nil
}

// ListTagsForResource lists tags for a resource.
func (s *MemoryStorage) ListTagsForResource(_ context.Context, resourceArn string) ([]Tag, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()

	tags := s.Tags[resourceArn]
	if tags == nil {
		tags = make([]Tag, 0)
	}

	return tags, nil
}

// ListStateMachineVersions lists versions for a state machine.
// Versions are not modeled in kumo; this always returns an empty list.
func (s *MemoryStorage) ListStateMachineVersions(_ context.Context, _ string, _ int32, _ string) ([]map[string]string, string, error) {
	return []map[string]string{}, "", nil
}

// ListStateMachineAliases lists aliases for a state machine.
// Aliases are not modeled in kumo; this always returns an empty list.
func (s *MemoryStorage) ListStateMachineAliases(_ context.Context, _ string, _ int32, _ string) ([]map[string]string, string, error) {
	return []map[string]string{}, "", nil
}

// DispatchAction checks if the action is valid.
func (s *MemoryStorage) DispatchAction(_ string) bool {
	return true
}
