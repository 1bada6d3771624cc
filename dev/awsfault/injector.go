package awsfault

import (
	"math/rand/v2"
	"sync"
	"time"
)

// Hit records one injected fault.
type Hit struct {
	Service, Operation, Caller string
	Kind                       Kind
}

// Injector holds fault rules and applies them to requests. It is safe for concurrent use.
type Injector struct {
	// Hang bounds a Timeout through Transport when the request's context has no earlier end:
	// it stands for the client's own per-attempt timeout. Zero is one second.
	Hang time.Duration

	mu    sync.Mutex
	rules []*armed
	rand  *rand.Rand
	hits  []Hit
}

type armed struct {
	Rule
	pass int // matching requests still to let through (After)
	left int // remaining failures when Times > 0
}

// New returns an Injector without rules whose probabilities draw from seed.
func New(seed uint64) *Injector {
	return &Injector{rand: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// Add arms a rule. Rules are tried in the order added; the first that fires decides.
func (i *Injector) Add(r Rule) {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.rules = append(i.rules, &armed{Rule: r, pass: r.After, left: r.Times})
}

// Clear removes every rule.
func (i *Injector) Clear() {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.rules = nil
}

// Hits returns the faults injected so far, in order.
func (i *Injector) Hits() []Hit {
	i.mu.Lock()
	defer i.mu.Unlock()
	return append([]Hit(nil), i.hits...)
}

// Armed reports how many counted failures remain across all rules (probability-only rules
// count nothing).
func (i *Injector) Armed() int {
	i.mu.Lock()
	defer i.mu.Unlock()
	n := 0
	for _, r := range i.rules {
		n += r.left
	}
	return n
}

// pickRule returns the fault for q (0 when it passes untouched) and the Contains of the rule
// that chose it.
func (i *Injector) pickRule(q request) (Kind, string) {
	i.mu.Lock()
	defer i.mu.Unlock()
	for _, r := range i.rules {
		if !r.matches(q) || (r.Times > 0 && r.left == 0) {
			continue
		}
		if r.pass > 0 {
			r.pass--
			continue
		}
		if r.Probability > 0 && i.rand.Float64() >= r.Probability {
			continue
		}
		if r.Times > 0 {
			r.left--
		}
		i.hits = append(i.hits, Hit{Service: q.service, Operation: q.operation, Caller: q.caller, Kind: r.Kind})
		return r.Kind, r.Contains
	}
	return 0, ""
}

func (i *Injector) hang() time.Duration {
	if i.Hang > 0 {
		return i.Hang
	}
	return time.Second
}
