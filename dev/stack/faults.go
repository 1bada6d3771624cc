package stack

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/coop-ob/connector/dev/awsfault"
)

// InjectAWSFault arms r for the AWS calls (DynamoDB, Secrets Manager) of the function named
// function: the IAM front, after allowing a call, fails it as the rule says before (or, for a
// lost answer, after) kumo serves it. The rule's Caller is set to that function, so a test's
// fault never reaches another function or another test's consent when it also names one in
// Contains. Calls the rule does not match, and every call once its Times are spent, pass.
func (s *Stack) InjectAWSFault(function string, r awsfault.Rule) error {
	for key, fn := range s.iam.callers {
		if fn.Name == function {
			r.Caller = key
			s.iam.faults.Add(r)
			return nil
		}
	}
	return fmt.Errorf("inject AWS fault: no function %q", function)
}

// ClearAWSFaults removes every armed fault.
func (s *Stack) ClearAWSFaults() { s.iam.faults.Clear() }

// AWSFaultHits lists the faults the IAM front injected, in order.
func (s *Stack) AWSFaultHits() []awsfault.Hit { return s.iam.faults.Hits() }

// InvokeFault crashes invocations of a function the way Lambda sees a function die (a panic
// that kills the runtime, out of memory, a timeout): the invocation fails with
// Runtime.ExitError, and an event source mapping retries its batch.
type InvokeFault struct {
	// Contains selects the invocations whose event holds this text; "" selects every one.
	Contains string
	// AfterOperation names an AWS operation (PutEvents): the function runs until it has made
	// AfterCalls (default 1) such calls in that invocation, and its process is killed as the
	// last one's answer comes back, so the call took effect but the function never learns it.
	// "" fails the invocation before the function sees the event.
	AfterOperation string
	AfterCalls     int
	// Times is how many invocations crash; default 1.
	Times int
}

// InjectInvokeFault arms f for the invocations of the function named function (its folder
// name or logical id) by the gateway, the schedules and the event source mappings.
func (s *Stack) InjectInvokeFault(function string, f InvokeFault) error {
	e, err := s.emulator(function)
	if err != nil {
		return fmt.Errorf("inject invoke fault: %w", err)
	}
	s.invokes.add(e.name, f)
	return nil
}

// InvokeFaultHits is how many invocations an invoke fault has crashed so far.
func (s *Stack) InvokeFaultHits() int {
	s.invokes.mu.Lock()
	defer s.invokes.mu.Unlock()
	return s.invokes.hits
}

// crashAnswer is what the emulator answers for an invocation whose runtime died.
var crashAnswer = []byte(`{"errorType":"Runtime.ExitError","errorMessage":"RequestId: local Error: Runtime exited without providing a reason (killed by an injected invoke fault)"}`)

type armedInvoke struct {
	InvokeFault
	calls int // the AfterOperation calls still to pass in the invocation in flight
}

// invokeFaults are the armed invoke faults by function name, and the one each function's
// invocation in flight runs under. The emulator runs one invocation of a function at a time.
type invokeFaults struct {
	mu       sync.Mutex
	rules    map[string][]*armedInvoke
	inFlight map[string]*armedInvoke
	hits     int
}

func newInvokeFaults() *invokeFaults {
	return &invokeFaults{rules: map[string][]*armedInvoke{}, inFlight: map[string]*armedInvoke{}}
}

func (f *invokeFaults) add(function string, r InvokeFault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r.Times = max(r.Times, 1)
	r.AfterCalls = max(r.AfterCalls, 1)
	f.rules[function] = append(f.rules[function], &armedInvoke{InvokeFault: r})
}

// start picks the fault an invocation of function with event runs under: crash is set when it
// must fail before the function runs; otherwise a fault with AfterOperation is remembered for
// the invocation until end is called.
func (f *invokeFaults) start(function string, event []byte) (crash bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	rules := f.rules[function]
	for i, r := range rules {
		if r.Contains != "" && !bytes.Contains(event, []byte(r.Contains)) {
			continue
		}
		if r.Times--; r.Times == 0 {
			f.rules[function] = append(rules[:i:i], rules[i+1:]...)
		}
		if r.AfterOperation == "" {
			f.hits++
			return true
		}
		f.inFlight[function] = &armedInvoke{InvokeFault: r.InvokeFault, calls: r.AfterCalls}
		return false
	}
	return false
}

func (f *invokeFaults) end(function string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.inFlight, function)
}

// called counts a call of op by function and reports whether the function must die now.
func (f *invokeFaults) called(function, op string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.inFlight[function]
	if r == nil || r.AfterOperation != op {
		return false
	}
	if r.calls--; r.calls > 0 {
		return false
	}
	delete(f.inFlight, function)
	f.hits++
	return true
}
