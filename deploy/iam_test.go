package deploy

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLeastPrivilege pins each function's DynamoDB grant to the store operations its code
// reaches (shared/consent methods, listed beside each), so that a widened grant is a reviewed
// change. TransactWriteItems needs no action of its own: AWS authorises each item's
// Put/Update/Delete. The local stack enforces the same grants on every DynamoDB call
// (dev/stack), so a missing action fails the end-to-end tests as it would fail in AWS.
func TestLeastPrivilege(t *testing.T) {
	t.Parallel()
	want := map[string]struct {
		actions []string
		index   bool // may read the table's GSIs
	}{
		// Get/GetForOwner, GetCreateKey; Put: CreateConsent, UpdateConsent, CreateAuthSession,
		// ClaimCreateKey, FinishCreateKey; Delete: DeleteTokens (revoke), ReleaseCreateKey;
		// Query: ListConsents on the owner index.
		"ConsentsFunction": {[]string{"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"}, true},
		// Update: ClaimAuthSession, MarkExchangePending, FinishExchange; Put + Update:
		// AuthoriseWithTokens; Put: UpdateConsent; Put + Delete: UpdateConsent of an ended consent.
		"CallbackFunction": {[]string{"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"}, false},
		// Query: DueForRefresh, PendingExchanges, DuePayments (refresh index); Update: leases,
		// SaveRefreshed, ClaimExchange, MarkPaymentEnqueued; Put: RecordPaymentStatus; Put + Update:
		// AuthoriseWithTokens, RecordPaymentStatus with its event (the consent's counter); Put:
		// UpdateConsent; Put + Delete: UpdateConsent of an ended consent; Delete: DeleteAccounts;
		// Scan: the sealing pass (SealPassStep, on the table only: TestPoliciesHaveNoWildcards).
		"TokensFunction": {[]string{"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem"}, true},
		// Put: CreatePayment, UpdatePayment, RecordPaymentStatus, UpdateConsent, CreateAuthSession;
		// Update: leases, SaveRefreshed, TouchTokens, ClearRefreshDue; Put + Update:
		// RecordPaymentStatus with its event (the consent's counter); Put + Delete: UpdateConsent
		// of an ended consent; Query: FindPayment (the consent's own items, no index);
		// BatchGetItem: GetConsentAndTokens (a read's consent and tokens in one request).
		"ProxyFunction": {[]string{"dynamodb:BatchGetItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"}, false},
		// The stream (its event source mapping); GetEvent (its attributes only), MarkPublished
		// (conditioned: TestEventsPublisher); Query: UnpublishedEvents on the refresh index.
		"EventsFunction": {[]string{"dynamodb:DescribeStream", "dynamodb:GetItem", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
			"dynamodb:ListStreams", "dynamodb:Query", "dynamodb:UpdateItem"}, true},
	}
	tpl := loadTemplate(t)
	for name := range tpl.functions(t) {
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: no expected grant; add one here", name)
			continue
		}
		var fn generic
		tpl.resource(t, name, &fn)
		policies, _ := fn.Properties["Policies"].([]any)
		var actions []string
		index := false
		for _, p := range policies {
			stmts, _ := dig(p, "Statement").([]any)
			for _, s := range stmts {
				for _, a := range list(dig(s, "Action")) {
					if strings.HasPrefix(a, "dynamodb:") {
						actions = append(actions, a)
						for _, r := range list(dig(s, "Resource")) {
							index = index || strings.Contains(r, "/index/")
						}
					}
				}
			}
		}
		slices.Sort(actions)
		if diff := cmp.Diff(w.actions, actions); diff != "" {
			t.Errorf("%s DynamoDB actions (-want +got):\n%s", name, diff)
		}
		if index != w.index {
			t.Errorf("%s: index access %v, want %v", name, index, w.index)
		}
	}
}

// TestRefreshQueue pins the fan-out of due refreshes (docs/refresh.md): a standard queue with a
// redrive policy to a dead-letter queue that alarms, consumed by the tokens function through an
// explicit event source mapping (not SAM's Events: SQS, whose managed policy covers every
// queue) with a bounded concurrency and per-message failures; the function's SQS grant is
// inline, exactly the five actions the scheduled run and the mapping use, on that queue only.
func TestRefreshQueue(t *testing.T) {
	t.Parallel()
	tpl := loadTemplate(t)
	var q, dlq, m, fn generic
	tpl.resource(t, "RefreshQueue", &q)
	tpl.resource(t, "RefreshDLQ", &dlq)
	tpl.resource(t, "RefreshQueueMapping", &m)
	tpl.resource(t, "TokensFunction", &fn)
	if q.Type != "AWS::SQS::Queue" || dlq.Type != "AWS::SQS::Queue" || m.Type != "AWS::Lambda::EventSourceMapping" {
		t.Fatalf("types %s %s %s", q.Type, dlq.Type, m.Type)
	}
	if _, fifo := q.Properties["FifoQueue"]; fifo {
		t.Error("RefreshQueue is FIFO; the run decides the order, a standard queue is wanted")
	}
	if dig(q.Properties, "RedrivePolicy", "deadLetterTargetArn") != "GetAtt:RefreshDLQ.Arn" ||
		dig(q.Properties, "RedrivePolicy", "maxReceiveCount") != 5.0 {
		t.Errorf("RedrivePolicy %v; want RefreshDLQ after 5 receives", dig(q.Properties, "RedrivePolicy"))
	}
	// A standard queue's message keeps its first enqueue time in the dead-letter queue: a DLQ that
	// keeps messages no longer than its source loses them on arrival. Two weeks, SQS's longest.
	if r := dig(dlq.Properties, "MessageRetentionPeriod"); r != 1209600.0 || r.(float64) <= dig(q.Properties, "MessageRetentionPeriod").(float64) {
		t.Errorf("RefreshDLQ MessageRetentionPeriod %v; want 1209600 (14 days), above RefreshQueue's", r)
	}
	// Lambda refuses a mapping whose queue's visibility timeout is below the function's timeout.
	if vt, _ := dig(q.Properties, "VisibilityTimeout").(float64); vt < dig(fn.Properties, "Timeout").(float64) {
		t.Errorf("VisibilityTimeout %v below the function's Timeout %v", vt, dig(fn.Properties, "Timeout"))
	}
	if dig(fn.Properties, "Environment", "Variables", "REFRESH_QUEUE_URL") != "Ref:RefreshQueue" {
		t.Errorf("REFRESH_QUEUE_URL %v; want !Ref RefreshQueue", dig(fn.Properties, "Environment", "Variables", "REFRESH_QUEUE_URL"))
	}
	p := m.Properties
	if p["EventSourceArn"] != "GetAtt:RefreshQueue.Arn" || p["FunctionName"] != "Ref:TokensFunction" || p["BatchSize"] != 10.0 ||
		dig(p, "ScalingConfig", "MaximumConcurrency") != "Ref:RefreshWorkers" ||
		!cmp.Equal(p["FunctionResponseTypes"], []any{"ReportBatchItemFailures"}) {
		t.Errorf("RefreshQueueMapping %v", p)
	}
	for name, ev := range dig(fn.Properties, "Events").(map[string]any) {
		if dig(ev, "Type") == "SQS" {
			t.Errorf("TokensFunction event %s: Events: SQS grants a managed policy on every queue", name)
		}
	}
	var sqsActions []string
	for _, pol := range fn.Properties["Policies"].([]any) {
		stmts, _ := dig(pol, "Statement").([]any)
		for _, s := range stmts {
			for _, a := range list(dig(s, "Action")) {
				if strings.HasPrefix(a, "sqs:") {
					sqsActions = append(sqsActions, a)
					if r := list(dig(s, "Resource")); !cmp.Equal(r, []string{"GetAtt:RefreshQueue.Arn"}) {
						t.Errorf("%s on %v; want the refresh queue only", a, r)
					}
				}
			}
		}
	}
	slices.Sort(sqsActions)
	want := []string{"sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage", "sqs:SendMessage"}
	if diff := cmp.Diff(want, sqsActions); diff != "" {
		t.Errorf("TokensFunction SQS actions (-want +got):\n%s", diff)
	}
	alarmed := false
	for _, a := range tpl.alarms(t) {
		if a["Namespace"] == "AWS/SQS" && cmp.Equal(dimensions(a), map[string]any{"QueueName": "GetAtt:RefreshDLQ.QueueName"}) {
			alarmed = a["MetricName"] == "ApproximateNumberOfMessagesVisible" && a["ComparisonOperator"] == "GreaterThanThreshold" &&
				a["Threshold"] == 0.0 && a["AlarmActions"] == alarmActions
		}
	}
	if !alarmed {
		t.Error("no alarm on messages visible in RefreshDLQ")
	}
}
