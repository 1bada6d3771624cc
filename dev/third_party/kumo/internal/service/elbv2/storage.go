package elbv2

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/sivchari/kumo/internal/storage"
)

const (
	defaultRegion    = "us-east-1"
	defaultAccountID = "000000000000"
)

const (
	lbTypeApplication = "application"
	protocolHTTP      = "HTTP"
	protocolHTTPS     = "HTTPS"
)

// Error codes.
const (
	errLoadBalancerNotFound = "LoadBalancerNotFound"
	errTargetGroupNotFound  = "TargetGroupNotFound"
	errListenerNotFound     = "ListenerNotFound"
	errRuleNotFound         = "RuleNotFound"
	errTooManyTags          = "TooManyTags"
)

// Stringly-typed boolean attribute values, as ELBv2's attribute maps
// (LoadBalancerAttributes/TargetGroupAttributes) represent every value as a
// string regardless of its underlying type.
const (
	attrValueTrue  = "true"
	attrValueFalse = "false"
)

// Storage defines the storage interface for ELB v2 service.
type Storage interface {
	CreateLoadBalancer(ctx context.Context, req *CreateLoadBalancerRequest) (*LoadBalancer, error)
	DeleteLoadBalancer(ctx context.Context, loadBalancerArn string) error
	DescribeLoadBalancers(ctx context.Context, arns, names []string) ([]*LoadBalancer, error)

	CreateTargetGroup(ctx context.Context, req *CreateTargetGroupRequest) (*TargetGroup, error)
	DeleteTargetGroup(ctx context.Context, targetGroupArn string) error
	DescribeTargetGroups(ctx context.Context, arns, names []string, lbArn string) ([]*TargetGroup, error)

	RegisterTargets(ctx context.Context, targetGroupArn string, targets []Target) error
	DeregisterTargets(ctx context.Context, targetGroupArn string, targets []Target) error

	CreateListener(ctx context.Context, req *CreateListenerRequest) (*Listener, error)
	DeleteListener(ctx context.Context, listenerArn string) error

	CreateRule(ctx context.Context, listenerArn, priority string, conditions []RuleCondition, actions []Action) (*Rule, error)
	DescribeRules(ctx context.Context, listenerArn string, ruleArns []string) ([]Rule, error)
	ModifyRule(ctx context.Context, ruleArn string, conditions []RuleCondition, actions []Action) (*Rule, error)
	DeleteRule(ctx context.Context, ruleArn string) error
	SetRulePriorities(ctx context.Context, priorities map[string]string) ([]Rule, error)

	ModifyLoadBalancerAttributes(ctx context.Context, lbArn string, attrs map[string]string) (map[string]string, error)
	DescribeLoadBalancerAttributes(ctx context.Context, lbArn string) (map[string]string, error)
	ModifyTargetGroupAttributes(ctx context.Context, tgArn string, attrs map[string]string) (map[string]string, error)
	DescribeTargetGroupAttributes(ctx context.Context, tgArn string) (map[string]string, error)
	DescribeTags(ctx context.Context, arns []string) (map[string]map[string]string, error)
	AddTags(ctx context.Context, arns []string, tags map[string]string) error
	RemoveTags(ctx context.Context, arns, keys []string) error

	DescribeListeners(ctx context.Context, listenerArns []string, lbArn string) ([]*Listener, error)
	ModifyListener(ctx context.Context, listenerArn string, port int, protocol string, defaultActions []Action) (*Listener, error)
	DescribeTargetHealth(ctx context.Context, targetGroupArn string, targets []Target) ([]TargetDescription, error)
}

// Option is a configuration option for MemoryStorage.
type Option func(*MemoryStorage)

// WithDataDir enables persistent storage in the specified directory.
func WithDataDir(dir string) Option {
	return func(s *MemoryStorage) {
		s.dataDir = dir
	}
}

// Compile-time interface checks.
var (
	_ json.Marshaler   = (*MemoryStorage)(nil)
	_ json.Unmarshaler = (*MemoryStorage)(nil)
)

// MemoryStorage is an in-memory implementation of Storage.
type MemoryStorage struct {
	mu            sync.RWMutex             `json:"-"`
	LoadBalancers map[string]*LoadBalancer `json:"loadBalancers"` // keyed by ARN
	TargetGroups  map[string]*TargetGroup  `json:"targetGroups"`  // keyed by ARN
	Listeners     map[string]*Listener     `json:"listeners"`     // keyed by ARN
	Targets       map[string][]Target      `json:"targets"`       // keyed by targetGroupArn
	region        string
	dataDir       string
}

// NewMemoryStorage creates a new MemoryStorage.
func NewMemoryStorage(opts ...Option) *MemoryStorage {
	region := os.Getenv("AWS_DEFAULT_REGION")
	if region == "" {
		region = defaultRegion
	}

	s := &MemoryStorage{
		LoadBalancers: make(map[string]*LoadBalancer),
		TargetGroups:  make(map[string]*TargetGroup),
		Listeners:     make(map[string]*Listener),
		Targets:       make(map[string][]Target),
		region:        region,
	}
	for _, o := range opts {
		o(s)
	}

	if s.dataDir != "" {
		_ = storage.Load(s.dataDir, "elbv2", s)
	}

	return s
}

// MarshalJSON serializes the storage state to JSON.
func (m *MemoryStorage) MarshalJSON() ([]byte, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()

	type Alias MemoryStorage

	data, err := json.Marshal(&struct{ *Alias }{Alias: (*Alias)(m)})
	if err != nil {
		return nil, fmt.Errorf("failed to marshal: %w", err)
	}

	return data, nil
}

// UnmarshalJSON restores the storage state from JSON.
func (m *MemoryStorage) UnmarshalJSON(data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()

	type Alias MemoryStorage

	aux := &struct{ *Alias }{Alias: (*Alias)(m)}

	if err := json.Unmarshal(data, aux); err != nil {
		return fmt.Errorf("failed to unmarshal: %w", err)
	}

	if m.LoadBalancers == nil {
		m.LoadBalancers = make(map[string]*LoadBalancer)
	}

	if m.TargetGroups == nil {
		m.TargetGroups = make(map[string]*TargetGroup)
	}

	if m.Listeners == nil {
		m.Listeners = make(map[string]*Listener)
	}

	if m.Targets == nil {
		m.Targets = make(map[string][]Target)
	}

	return nil
}

// saveLocked persists the current state to disk while the caller holds the lock.
func (m *MemoryStorage) saveLocked() {
	if m.dataDir == "" {
		return
	}

	storage.ScheduleSave(m.dataDir, "elbv2", m.MarshalJSON)
}

// Close saves the storage state to disk if persistence is enabled.
func (m *MemoryStorage) Close() error {
	if m.dataDir == "" {
		return nil
	}

	if err := storage.Save(m.dataDir, "elbv2", m); err != nil {
		return fmt.Errorf("failed to save: %w", err)
	}

	return nil
}

// loadBalancerDefaults holds default values for load balancer creation.
type loadBalancerDefaults struct {
	lbType        string
	scheme        string
	ipAddressType string
}

// getLoadBalancerDefaults returns default values for load balancer fields.
func getLoadBalancerDefaults(req *CreateLoadBalancerRequest) loadBalancerDefaults {
	defaults := loadBalancerDefaults{
		lbType:        req.Type,
		scheme:        req.Scheme,
		ipAddressType: req.IPAddressType,
	}

	if defaults.lbType == "" {
		defaults.lbType = lbTypeApplication
	}

	if defaults.scheme == "" {
		defaults.scheme = "internet-facing"
	}

	if defaults.ipAddressType == "" {
		defaults.ipAddressType = "ipv4"
	}

	return defaults
}

// CreateLoadBalancer creates a new load balancer.
func (m *MemoryStorage) CreateLoadBalancer(_ context.Context, req *CreateLoadBalancerRequest) (*LoadBalancer, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	if err := m.checkDuplicateLoadBalancerName(req.Name); err != nil {
		return nil, err
	}

	defaults := getLoadBalancerDefaults(req)
	lb := m.buildLoadBalancer(req, defaults)
	m.LoadBalancers[lb.LoadBalancerArn] = lb

	m.saveLocked()

	return lb, nil
}

// checkDuplicateLoadBalancerName checks if a load balancer with the given name already exists.
func (m *MemoryStorage) checkDuplicateLoadBalancerName(name string) error {
	for _, lb := range m.LoadBalancers {
		if lb.LoadBalancerName == name {
			return &Error{
				Code:    "DuplicateLoadBalancerName",
				Message: fmt.Sprintf("A load balancer with the name '%s' already exists", name),
			}
		}
	}

	return nil
}

// buildLoadBalancer constructs a LoadBalancer from request and defaults.
func (m *MemoryStorage) buildLoadBalancer(req *CreateLoadBalancerRequest, defaults loadBalancerDefaults) *LoadBalancer {
	lbID := uuid.New().String()[:17]
	arn := fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:loadbalancer/%s/%s/%s",
		m.region, defaultAccountID, defaults.lbType[:3], req.Name, lbID)
	dnsName := fmt.Sprintf("%s-%s.%s.elb.amazonaws.com", req.Name, lbID[:8], m.region)

	azs := make([]AvailabilityZone, 0, len(req.Subnets))
	for i, subnet := range req.Subnets {
		azs = append(azs, AvailabilityZone{
			ZoneName: fmt.Sprintf("%s%c", m.region, 'a'+byte(i%3)),
			SubnetID: subnet,
		})
	}

	return &LoadBalancer{
		LoadBalancerArn:       arn,
		DNSName:               dnsName,
		CanonicalHostedZoneID: "Z35SXDOTRQ7X7K",
		CreatedTime:           time.Now(),
		LoadBalancerName:      req.Name,
		Scheme:                defaults.scheme,
		VpcID:                 "vpc-" + uuid.New().String()[:8],
		State:                 LoadBalancerState{Code: "active"},
		Type:                  defaults.lbType,
		AvailabilityZones:     azs,
		SecurityGroups:        req.SecurityGroups,
		IPAddressType:         defaults.ipAddressType,
		Tags:                  cloneAttributes(req.Tags),
	}
}

// DeleteLoadBalancer deletes a load balancer.
func (m *MemoryStorage) DeleteLoadBalancer(_ context.Context, loadBalancerArn string) error {
	m.mu.Lock()
	defer m.mu.Unlock()

	if _, ok := m.LoadBalancers[loadBalancerArn]; !ok {
		return &Error{
			Code:    errLoadBalancerNotFound,
			Message: fmt.Sprintf("Load balancer '%s' not found", loadBalancerArn),
		}
	}

	for arn, listener := range m.Listeners {
		if listener.LoadBalancerArn == loadBalancerArn {
			delete(m.Listeners, arn)
		}
	}

	delete(m.LoadBalancers, loadBalancerArn)

	m.saveLocked()

	return nil
}

// DescribeLoadBalancers describes load balancers.
func (m *MemoryStorage) DescribeLoadBalancers(_ context.Context, arns, names []string) ([]*LoadBalancer, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()

	result := make([]*LoadBalancer, 0)

	if len(arns) == 0 && len(names) == 0 {
		for _, lb := range m.LoadBalancers {
			result = append(result, lb)
		}

		return result, nil
	}

	arnSet := make(map[string]bool)
	for _, arn := range arns {
		arnSet[arn] = true
	}

	nameSet := make(map[string]bool)
	for _, name := range names {
		nameSet[name] = true
	}

	for _, lb := range m.LoadBalancers {
		if len(arns) > 0 && arnSet[lb.LoadBalancerArn] {
			result = append(result, lb)

			continue
		}

		if len(names) > 0 && nameSet[lb.LoadBalancerName] {
			result = append(result, lb)
		}
	}

	return result, nil
}

// targetGroupDefaults holds default values for target group creation.
type targetGroupDefaults struct {
	targetType          string
	healthCheckPort     string
	healthCheckProtocol string
	healthCheckPath     string
	healthCheckInterval int
	healthCheckTimeout  int
	healthyThreshold    int
	unhealthyThreshold  int
}

// getTargetGroupDefaults returns default values for target group fields.
func getTargetGroupDefaults(req *CreateTargetGroupRequest) targetGroupDefaults {
	defaults := targetGroupDefaults{
		targetType:          req.TargetType,
		healthCheckPort:     req.HealthCheckPort,
		healthCheckProtocol: req.HealthCheckProtocol,
		healthCheckPath:     req.HealthCheckPath,
		healthCheckInterval: req.HealthCheckIntervalSeconds,
		healthCheckTimeout:  req.HealthCheckTimeoutSeconds,
		healthyThreshold:    req.HealthyThresholdCount,
		unhealthyThreshold:  req.UnhealthyThresholdCount,
	}

	if defaults.targetType == "" {
		defaults.targetType = "instance"
	}

	if defaults.healthCheckPort == "" {
		defaults.healthCheckPort = "traffic-port"
	}

	if defaults.healthCheckProtocol == "" {
		defaults.healthCheckProtocol = req.Protocol
		if defaults.healthCheckProtocol == "" {
			defaults.healthCheckProtocol = protocolHTTP
		}
	}

	if defaults.healthCheckPath == "" && (defaults.healthCheckProtocol == protocolHTTP || defaults.healthCheckProtocol == protocolHTTPS) {
		defaults.healthCheckPath = "/"
	}

	if defaults.healthCheckInterval == 0 {
		defaults.healthCheckInterval = 30
	}

	if defaults.healthCheckTimeout == 0 {
		defaults.healthCheckTimeout = 5
	}

	if defaults.healthyThreshold == 0 {
		defaults.healthyThreshold = 5
	}

	if defaults.unhealthyThreshold == 0 {
		defaults.unhealthyThreshold = 2
	}

	return defaults
}

// CreateTargetGroup creates a new target group.
func (m *MemoryStorage) CreateTargetGroup(_ context.Context, req *CreateTargetGroupRequest) (*TargetGroup, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	if err := m.checkDuplicateTargetGroupName(req.Name); err != nil {
		return nil, err
	}

	defaults := getTargetGroupDefaults(req)
	tg := m.buildTargetGroup(req, &defaults)
	m.TargetGroups[tg.TargetGroupArn] = tg
	m.Targets[tg.TargetGroupArn] = []Target{}

	m.saveLocked()

	return tg, nil
}

// checkDuplicateTargetGroupName checks if a target group with the given name already exists.
func (m *MemoryStorage) checkDuplicateTargetGroupName(name string) error {
	for _, tg := range m.TargetGroups {
		if tg.TargetGroupName == name {
			return &Error{
				Code:    "DuplicateTargetGroupName",
				Message: fmt.Sprintf("A target group with the name '%s' already exists", name),
			}
		}
	}

	return nil
}

// buildTargetGroup constructs a TargetGroup from request and defaults.
func (m *MemoryStorage) buildTargetGroup(req *CreateTargetGroupRequest, defaults *targetGroupDefaults) *TargetGroup {
	tgID := uuid.New().String()[:17]
	arn := fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:targetgroup/%s/%s",
		m.region, defaultAccountID, req.Name, tgID)

	return &TargetGroup{
		TargetGroupArn:             arn,
		TargetGroupName:            req.Name,
		Protocol:                   req.Protocol,
		Port:                       req.Port,
		VpcID:                      req.VpcID,
		HealthCheckEnabled:         healthCheckEnabled(req, defaults.targetType),
		HealthCheckIntervalSeconds: defaults.healthCheckInterval,
		HealthCheckPath:            defaults.healthCheckPath,
		HealthCheckPort:            defaults.healthCheckPort,
		HealthCheckProtocol:        defaults.healthCheckProtocol,
		HealthCheckTimeoutSeconds:  defaults.healthCheckTimeout,
		HealthyThresholdCount:      defaults.healthyThreshold,
		UnhealthyThresholdCount:    defaults.unhealthyThreshold,
		Matcher:                    matcherFromRequest(req),
		TargetType:                 defaults.targetType,
		LoadBalancerArns:           []string{},
		Tags:                       cloneAttributes(req.Tags),
	}
}

// healthCheckEnabled applies the AWS defaults: lambda target groups start
// with health checks disabled, every other target type always has them on.
func healthCheckEnabled(req *CreateTargetGroupRequest, targetType string) bool {
	if targetType == "lambda" {
		return req.HealthCheckEnabled
	}

	return true
}

// matcherFromRequest returns the success codes, defaulting to 200 for HTTP
// and HTTPS target groups.
func matcherFromRequest(req *CreateTargetGroupRequest) string {
	if req.Matcher != nil && req.Matcher.HTTPCode != "" {
		return req.Matcher.HTTPCode
	}

	if req.Protocol == protocolHTTP || req.Protocol == protocolHTTPS {
		return "200"
	}

	return ""
}

// DeleteTargetGroup deletes a target group.
func (m *MemoryStorage) DeleteTargetGroup(_ context.Context, targetGroupArn string) error {
	m.mu.Lock()
	defer m.mu.Unlock()

	if _, ok := m.TargetGroups[targetGroupArn]; !ok {
		return &Error{
			Code:    errTargetGroupNotFound,
			Message: fmt.Sprintf("Target group '%s' not found", targetGroupArn),
		}
	}

	delete(m.TargetGroups, targetGroupArn)
	delete(m.Targets, targetGroupArn)

	m.saveLocked()

	return nil
}

// DescribeTargetGroups describes target groups.
func (m *MemoryStorage) DescribeTargetGroups(_ context.Context, arns, names []string, lbArn string) ([]*TargetGroup, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()

	result := make([]*TargetGroup, 0)

	if len(arns) == 0 && len(names) == 0 && lbArn == "" {
		for _, tg := range m.TargetGroups {
			result = append(result, tg)
		}

		return result, nil
	}

	arnSet := make(map[string]bool)
	for _, arn := range arns {
		arnSet[arn] = true
	}

	nameSet := make(map[string]bool)
	for _, name := range names {
		nameSet[name] = true
	}

	for _, tg := range m.TargetGroups {
		if len(arns) > 0 && arnSet[tg.TargetGroupArn] {
			result = append(result, tg)

			continue
		}

		if len(names) > 0 && nameSet[tg.TargetGroupName] {
			result = append(result, tg)

			continue
		}

		if lbArn != "" && slices.Contains(tg.LoadBalancerArns, lbArn) {
			result = append(result, tg)
		}
	}

	return result, nil
}

// RegisterTargets registers targets with a target group.
func (m *MemoryStorage) RegisterTargets(_ context.Context, targetGroupArn string, targets []Target) error {
	m.mu.Lock()
	defer m.mu.Unlock()

	if _, ok := m.TargetGroups[targetGroupArn]; !ok {
		return &Error{
			Code:    errTargetGroupNotFound,
			Message: fmt.Sprintf("Target group '%s' not found", targetGroupArn),
		}
	}

	existingTargets := m.Targets[targetGroupArn]
	existingSet := make(map[string]bool)

	for _, t := range existingTargets {
		existingSet[t.ID] = true
	}

	for _, t := range targets {
		if !existingSet[t.ID] {
			existingTargets = append(existingTargets, t)
		}
	}

	m.Targets[targetGroupArn] = existingTargets

	m.saveLocked()

	return nil
}

// DeregisterTargets deregisters targets from a target group.
func (m *MemoryStorage) DeregisterTargets(_ context.Context, targetGroupArn string, targets []Target) error {
	m.mu.Lock()
	defer m.mu.Unlock()

	if _, ok := m.TargetGroups[targetGroupArn]; !ok {
		return &Error{
			Code:    errTargetGroupNotFound,
			Message: fmt.Sprintf("Target group '%s' not found", targetGroupArn),
		}
	}

	removeSet := make(map[string]bool)
	for _, t := range targets {
		removeSet[t.ID] = true
	}

	existingTargets := m.Targets[targetGroupArn]
	newTargets := make([]Target, 0, len(existingTargets))

	for _, t := range existingTargets {
		if !removeSet[t.ID] {
			newTargets = append(newTargets, t)
		}
	}

	m.Targets[targetGroupArn] = newTargets

	m.saveLocked()

	return nil
}

// CreateListener creates a new listener.
func (m *MemoryStorage) CreateListener(_ context.Context, req *CreateListenerRequest) (*Listener, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	lb, ok := m.LoadBalancers[req.LoadBalancerArn]
	if !ok {
		return nil, &Error{
			Code:    errLoadBalancerNotFound,
			Message: fmt.Sprintf("Load balancer '%s' not found", req.LoadBalancerArn),
		}
	}

	listenerID := uuid.New().String()[:17]

	lbIDStart := len(req.LoadBalancerArn) - 17
	lbID := req.LoadBalancerArn[lbIDStart:]

	lbType := lb.Type[:3]

	arn := fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:listener/%s/%s/%s/%s",
		m.region, defaultAccountID, lbType, lb.LoadBalancerName, lbID, listenerID)

	listener := &Listener{
		ListenerArn:     arn,
		LoadBalancerArn: req.LoadBalancerArn,
		Port:            req.Port,
		Protocol:        req.Protocol,
		DefaultActions:  req.DefaultActions,
		Tags:            cloneAttributes(req.Tags),
	}

	m.Listeners[arn] = listener

	// Update target group's load balancer ARNs.
	for _, action := range req.DefaultActions {
		if action.TargetGroupArn != "" {
			if tg, exists := m.TargetGroups[action.TargetGroupArn]; exists {
				if !slices.Contains(tg.LoadBalancerArns, req.LoadBalancerArn) {
					tg.LoadBalancerArns = append(tg.LoadBalancerArns, req.LoadBalancerArn)
				}
			}
		}
	}

	m.saveLocked()

	return listener, nil
}

// DeleteListener deletes a listener.
func (m *MemoryStorage) DeleteListener(_ context.Context, listenerArn string) error {
	m.mu.Lock()
	defer m.mu.Unlock()

	if _, ok := m.Listeners[listenerArn]; !ok {
		return &Error{
			Code:    errListenerNotFound,
			Message: fmt.Sprintf("Listener '%s' not found", listenerArn),
		}
	}

	delete(m.Listeners, listenerArn)

	m.saveLocked()

	return nil
}

// CreateRule attaches a new rule to a listener.
func (m *MemoryStorage) CreateRule(_ context.Context, listenerArn, priority string, conditions []RuleCondition, actions []Action) (*Rule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	listener, ok := m.Listeners[listenerArn]
	if !ok {
		return nil, &Error{Code: errListenerNotFound, Message: "Listener '" + listenerArn + "' not found"}
	}

	// AWS rule ARNs replace ":listener/" with ":listener-rule/" and append
	// a unique rule id; reproducing that format keeps the AWS provider's
	// ARN parser from mis-routing the parent listener ARN.
	rule := Rule{
		RuleArn:    ruleArnFromListenerArn(listenerArn) + "/" + uuidLite(),
		Priority:   priority,
		Conditions: append([]RuleCondition(nil), conditions...),
		Actions:    append([]Action(nil), actions...),
		IsDefault:  false,
	}
	listener.Rules = append(listener.Rules, rule)

	m.saveLocked()

	return &listener.Rules[len(listener.Rules)-1], nil
}

// DescribeRules returns rules for a listener (or specific rule ARNs across
// all listeners).
func (m *MemoryStorage) DescribeRules(_ context.Context, listenerArn string, ruleArns []string) ([]Rule, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()

	out := make([]Rule, 0)

	if listenerArn != "" {
		listener, ok := m.Listeners[listenerArn]
		if !ok {
			return nil, &Error{Code: errListenerNotFound, Message: "Listener '" + listenerArn + "' not found"}
		}

		out = append(out, defaultRuleFor(listener))
		out = append(out, listener.Rules...)

		return out, nil
	}

	if len(ruleArns) == 0 {
		return out, nil
	}

	for _, listener := range m.Listeners {
		for _, rule := range listener.Rules {
			for _, want := range ruleArns {
				if rule.RuleArn == want {
					out = append(out, rule)
				}
			}
		}
	}

	return out, nil
}

// defaultRuleFor synthesizes the implicit default rule that AWS surfaces
// alongside explicitly-created rules.
func defaultRuleFor(listener *Listener) Rule {
	return Rule{
		RuleArn:   ruleArnFromListenerArn(listener.ListenerArn) + "/default",
		Priority:  "default",
		Actions:   append([]Action(nil), listener.DefaultActions...),
		IsDefault: true,
	}
}

// ModifyRule replaces the conditions and/or actions on a rule. nil slices
// leave the corresponding field as-is, matching AWS one-field-per-call
// semantics.
func (m *MemoryStorage) ModifyRule(_ context.Context, ruleArn string, conditions []RuleCondition, actions []Action) (*Rule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	for _, listener := range m.Listeners {
		for i := range listener.Rules {
			if listener.Rules[i].RuleArn != ruleArn {
				continue
			}

			if conditions != nil {
				listener.Rules[i].Conditions = append([]RuleCondition(nil), conditions...)
			}

			if actions != nil {
				listener.Rules[i].Actions = append([]Action(nil), actions...)
			}

			m.saveLocked()

			return &listener.Rules[i], nil
		}
	}

	return nil, &Error{Code: errRuleNotFound, Message: "Rule '" + ruleArn + "' not found"}
}

// DeleteRule removes a rule by ARN.
func (m *MemoryStorage) DeleteRule(_ context.Context, ruleArn string) error {
	m.mu.Lock()
	defer m.mu.Unlock()

	for _, listener := range m.Listeners {
		for i := range listener.Rules {
			if listener.Rules[i].RuleArn == ruleArn {
				listener.Rules = append(listener.Rules[:i], listener.Rules[i+1:]...)

				m.saveLocked()

				return nil
			}
		}
	}

	return &Error{Code: errRuleNotFound, Message: "Rule '" + ruleArn + "' not found"}
}

// SetRulePriorities updates the priorities of one or more rules atomically.
func (m *MemoryStorage) SetRulePriorities(_ context.Context, priorities map[string]string) ([]Rule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	updated := make([]Rule, 0, len(priorities))

	for arn, prio := range priorities {
		found := false

		for _, listener := range m.Listeners {
			for i := range listener.Rules {
				if listener.Rules[i].RuleArn == arn {
					listener.Rules[i].Priority = prio
					updated = append(updated, listener.Rules[i])
					found = true

					break
				}
			}

			if found {
				break
			}
		}

		if !found {
			return nil, &Error{Code: errRuleNotFound, Message: "Rule '" + arn + "' not found"}
		}
	}

	m.saveLocked()

	return updated, nil
}

func uuidLite() string {
	return fmt.Sprintf("rule-%d", time.Now().UnixNano())
}

// defaultLoadBalancerAttributes returns the AWS-default attribute set
// surfaced on a freshly-created load balancer.
func defaultLoadBalancerAttributes() map[string]string {
	return map[string]string{
		"access_logs.s3.enabled":                          attrValueFalse,
		"access_logs.s3.bucket":                           "",
		"access_logs.s3.prefix":                           "",
		"deletion_protection.enabled":                     attrValueFalse,
		"idle_timeout.timeout_seconds":                    "60",
		"routing.http2.enabled":                           attrValueTrue,
		"routing.http.drop_invalid_header_fields.enabled": attrValueFalse,
		"load_balancing.cross_zone.enabled":               attrValueTrue,
	}
}

// defaultTargetGroupAttributes returns the AWS-default attribute set for a
// freshly-created target group.
func defaultTargetGroupAttributes() map[string]string {
	return map[string]string{
		"deregistration_delay.timeout_seconds":  "300",
		"stickiness.enabled":                    attrValueFalse,
		"stickiness.type":                       "lb_cookie",
		"stickiness.lb_cookie.duration_seconds": "86400",
		"slow_start.duration_seconds":           "0",
		"load_balancing.algorithm.type":         "round_robin",
		"proxy_protocol_v2.enabled":             attrValueFalse,
	}
}

// ModifyLoadBalancerAttributes upserts attributes on a load balancer.
func (m *MemoryStorage) ModifyLoadBalancerAttributes(_ context.Context, lbArn string, attrs map[string]string) (map[string]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	lb, ok := m.LoadBalancers[lbArn]
	if !ok {
		return nil, &Error{Code: errLoadBalancerNotFound, Message: "Load balancer '" + lbArn + "' not found"}
	}

	if lb.Attributes == nil {
		lb.Attributes = defaultLoadBalancerAttributes()
	}

	for k, v := range attrs {
		lb.Attributes[k] = v
	}

	m.saveLocked()

	return cloneAttributes(lb.Attributes), nil
}

// DescribeLoadBalancerAttributes returns the attribute set, lazy-initializing
// to the AWS defaults if Modify has never been called.
func (m *MemoryStorage) DescribeLoadBalancerAttributes(_ context.Context, lbArn string) (map[string]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	lb, ok := m.LoadBalancers[lbArn]
	if !ok {
		return nil, &Error{Code: errLoadBalancerNotFound, Message: "Load balancer '" + lbArn + "' not found"}
	}

	if lb.Attributes == nil {
		lb.Attributes = defaultLoadBalancerAttributes()
	}

	m.saveLocked()

	return cloneAttributes(lb.Attributes), nil
}

// ModifyTargetGroupAttributes upserts attributes on a target group.
func (m *MemoryStorage) ModifyTargetGroupAttributes(_ context.Context, tgArn string, attrs map[string]string) (map[string]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	tg, ok := m.TargetGroups[tgArn]
	if !ok {
		return nil, &Error{Code: errTargetGroupNotFound, Message: "Target group '" + tgArn + "' not found"}
	}

	if tg.Attributes == nil {
		tg.Attributes = defaultTargetGroupAttributes()
	}

	for k, v := range attrs {
		tg.Attributes[k] = v
	}

	m.saveLocked()

	return cloneAttributes(tg.Attributes), nil
}

// DescribeTargetGroupAttributes returns the attribute set with AWS defaults.
func (m *MemoryStorage) DescribeTargetGroupAttributes(_ context.Context, tgArn string) (map[string]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	tg, ok := m.TargetGroups[tgArn]
	if !ok {
		return nil, &Error{Code: errTargetGroupNotFound, Message: "Target group '" + tgArn + "' not found"}
	}

	if tg.Attributes == nil {
		tg.Attributes = defaultTargetGroupAttributes()
	}

	m.saveLocked()

	return cloneAttributes(tg.Attributes), nil
}

func cloneAttributes(in map[string]string) map[string]string {
	out := make(map[string]string, len(in))
	for k, v := range in {
		out[k] = v
	}

	return out
}

// maxTagsPerResource is the ELBv2 limit on tags attached to one resource.
const maxTagsPerResource = 50

// DescribeTags returns tags for the requested ELBv2 resources.
func (m *MemoryStorage) DescribeTags(_ context.Context, arns []string) (map[string]map[string]string, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()

	out := make(map[string]map[string]string, len(arns))

	for _, arn := range arns {
		tags, err := m.tagMapLocked(arn, false)
		if err != nil {
			return nil, err
		}

		out[arn] = cloneAttributes(tags)
	}

	return out, nil
}

// AddTags adds or updates tags for the requested ELBv2 resources.
// Nothing is modified unless every resource exists and stays within the tag limit.
func (m *MemoryStorage) AddTags(_ context.Context, arns []string, tags map[string]string) error {
	m.mu.Lock()
	defer m.mu.Unlock()

	targets, err := m.tagMapsLocked(arns)
	if err != nil {
		return err
	}

	for arn, current := range targets {
		if countTagsAfterAdd(current, tags) > maxTagsPerResource {
			return &Error{
				Code:    errTooManyTags,
				Message: fmt.Sprintf("Cannot exceed %d tags per resource: '%s'", maxTagsPerResource, arn),
			}
		}
	}

	for _, current := range targets {
		for key, value := range tags {
			current[key] = value
		}
	}

	m.saveLocked()

	return nil
}

// RemoveTags removes tags from the requested ELBv2 resources.
func (m *MemoryStorage) RemoveTags(_ context.Context, arns, keys []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()

	targets, err := m.tagMapsLocked(arns)
	if err != nil {
		return err
	}

	for _, current := range targets {
		for _, key := range keys {
			delete(current, key)
		}
	}

	m.saveLocked()

	return nil
}

func countTagsAfterAdd(current, added map[string]string) int {
	total := len(current)

	for key := range added {
		if _, exists := current[key]; !exists {
			total++
		}
	}

	return total
}

// tagMapsLocked resolves every ARN before any is modified. The caller must
// hold the write lock.
func (m *MemoryStorage) tagMapsLocked(arns []string) (map[string]map[string]string, error) {
	targets := make(map[string]map[string]string, len(arns))

	for _, arn := range arns {
		current, err := m.tagMapLocked(arn, true)
		if err != nil {
			return nil, err
		}

		targets[arn] = current
	}

	return targets, nil
}

// tagMapLocked returns the tag map of the load balancer, target group,
// listener or rule identified by arn. With allocate set it creates a missing
// map, which requires the write lock.
func (m *MemoryStorage) tagMapLocked(arn string, allocate bool) (map[string]string, error) {
	if lb, ok := m.LoadBalancers[arn]; ok {
		if allocate {
			lb.Tags = tagsOrNew(lb.Tags)
		}

		return lb.Tags, nil
	}

	if tg, ok := m.TargetGroups[arn]; ok {
		if allocate {
			tg.Tags = tagsOrNew(tg.Tags)
		}

		return tg.Tags, nil
	}

	if listener, ok := m.Listeners[arn]; ok {
		if allocate {
			listener.Tags = tagsOrNew(listener.Tags)
		}

		return listener.Tags, nil
	}

	if rule := m.findRuleLocked(arn); rule != nil {
		if allocate {
			rule.Tags = tagsOrNew(rule.Tags)
		}

		return rule.Tags, nil
	}

	return nil, taggedResourceNotFound(arn)
}

func tagsOrNew(tags map[string]string) map[string]string {
	if tags == nil {
		return make(map[string]string)
	}

	return tags
}

func (m *MemoryStorage) findRuleLocked(ruleArn string) *Rule {
	for _, listener := range m.Listeners {
		for i := range listener.Rules {
			if listener.Rules[i].RuleArn == ruleArn {
				return &listener.Rules[i]
			}
		}
	}

	return nil
}

// taggedResourceNotFound builds the resource-specific not-found error for an
// ARN, as AddTags, RemoveTags and DescribeTags document one per resource type.
func taggedResourceNotFound(arn string) *Error {
	switch {
	case strings.Contains(arn, ":loadbalancer/"):
		return &Error{Code: errLoadBalancerNotFound, Message: "Load balancer '" + arn + "' not found"}
	case strings.Contains(arn, ":targetgroup/"):
		return &Error{Code: errTargetGroupNotFound, Message: "Target group '" + arn + "' not found"}
	case strings.Contains(arn, ":listener-rule/"):
		return &Error{Code: errRuleNotFound, Message: "Rule '" + arn + "' not found"}
	case strings.Contains(arn, ":listener/"):
		return &Error{Code: errListenerNotFound, Message: "Listener '" + arn + "' not found"}
	default:
		return &Error{Code: errInvalidParameter, Message: "'" + arn + "' is not a valid ELBv2 resource ARN"}
	}
}

// DescribeListeners returns listeners by ARN list or by parent load balancer.
func (m *MemoryStorage) DescribeListeners(_ context.Context, listenerArns []string, lbArn string) ([]*Listener, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()

	out := make([]*Listener, 0)

	if len(listenerArns) > 0 {
		for _, arn := range listenerArns {
			listener, ok := m.Listeners[arn]
			if !ok {
				return nil, &Error{Code: errListenerNotFound, Message: "Listener '" + arn + "' not found"}
			}

			out = append(out, listener)
		}

		return out, nil
	}

	for _, listener := range m.Listeners {
		if lbArn == "" || listener.LoadBalancerArn == lbArn {
			out = append(out, listener)
		}
	}

	return out, nil
}

// ModifyListener replaces port / protocol / default actions on a listener.
// A zero port means "do not change"; an empty protocol or nil DefaultActions
// likewise.
func (m *MemoryStorage) ModifyListener(_ context.Context, listenerArn string, port int, protocol string, defaultActions []Action) (*Listener, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	listener, ok := m.Listeners[listenerArn]
	if !ok {
		return nil, &Error{Code: errListenerNotFound, Message: "Listener '" + listenerArn + "' not found"}
	}

	if port != 0 {
		listener.Port = port
	}

	if protocol != "" {
		listener.Protocol = protocol
	}

	if defaultActions != nil {
		listener.DefaultActions = append([]Action(nil), defaultActions...)
	}

	m.saveLocked()

	return listener, nil
}

// DescribeTargetHealth returns the health of registered targets in a target
// group. kumo does not run real health checks, so every registered target is
// reported as "healthy". An empty Targets request returns the full set; a
// non-empty Targets request filters to those exact targets and reports
// "unused" for any target not currently registered.
func (m *MemoryStorage) DescribeTargetHealth(_ context.Context, targetGroupArn string, targets []Target) ([]TargetDescription, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()

	if _, ok := m.TargetGroups[targetGroupArn]; !ok {
		return nil, &Error{Code: errTargetGroupNotFound, Message: "Target group '" + targetGroupArn + "' not found"}
	}

	registered := m.Targets[targetGroupArn]

	if len(targets) == 0 {
		out := make([]TargetDescription, 0, len(registered))
		for _, t := range registered {
			out = append(out, TargetDescription{Target: t, HealthState: "healthy"})
		}

		return out, nil
	}

	out := make([]TargetDescription, 0, len(targets))

	for _, want := range targets {
		state := "unused"

		for _, t := range registered {
			if t.ID == want.ID && (want.Port == 0 || t.Port == want.Port) {
				state = "healthy"

				break
			}
		}

		out = append(out, TargetDescription{Target: want, HealthState: state})
	}

	return out, nil
}

// ruleArnFromListenerArn rewrites ":listener/" to ":listener-rule/" so the
// generated rule ARN matches the AWS-published wire format. Any input that
// doesn't contain that segment is returned unchanged.
func ruleArnFromListenerArn(listenerArn string) string {
	const segment = ":listener/"

	idx := strings.Index(listenerArn, segment)
	if idx < 0 {
		return listenerArn
	}

	return listenerArn[:idx] + ":listener-rule/" + listenerArn[idx+len(segment):]
}
