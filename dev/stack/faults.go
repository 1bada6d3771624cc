package stack

import (
	"fmt"

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
