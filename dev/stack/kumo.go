package stack

import (
	"sync"

	"github.com/sivchari/kumo"
)

// kumoMu serialises kumo.NewServer: building a server wires package-level state of kumo's
// services (the SNS and S3 publishers to SQS) without a lock, so two servers started at once
// (parallel tests, two stacks) race.
var kumoMu sync.Mutex

// newKumo starts an in-process kumo server.
func newKumo() *kumo.Server {
	kumoMu.Lock()
	defer kumoMu.Unlock()
	return kumo.NewServer()
}
