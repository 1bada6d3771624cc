// Package stack runs the whole connector on one machine without AWS (docs/architecture.md §Testing):
// kumo for DynamoDB and Secrets Manager (table and secret created from template.yaml and the
// sandbox bank), the sandbox bank, every function's bootstrap under its own Lambda Runtime
// Interface Emulator, an HTTP gateway built from template.yaml's HttpApi routes with a JWT
// check like API Gateway's JWT authorizer, and the tokens function's schedule.
//
// Nothing in the functions knows it is local: they get the same environment variables as in
// AWS, and the SDK finds kumo through AWS_ENDPOINT_URL_DYNAMODB,
// AWS_ENDPOINT_URL_SECRETS_MANAGER (and those of SQS, DynamoDB Streams and EventBridge). Those point at an IAM front (iam.go) that enforces each
// function's template Policies, so a missing permission fails locally as it would in AWS
// (AccessDeniedException); Stack.AWSCalls and Stack.AccessDenied report what it saw. The
// same front injects AWS faults for tests (Stack.InjectAWSFault: throttling, 5xx, timeouts,
// lost answers for one function and operation, partly failed PutEvents; dev/awsfault), and
// Stack.InjectInvokeFault kills a function mid-invocation. The template's event source
// mappings are polled as Lambda polls them: the refresh queue's (queue.go) and those from the
// table's DynamoDB stream (stream.go: filter, batches, partial batch responses, bisecting,
// retries, record age, on-failure pointers); the template's EventBridge buses are created in
// kumo, and every event a function publishes is kept (Stack.Events) and printed
// (Options.Events; bus.go). Beside the template's routes the gateway serves local pages: the
// app's stand-in result page (/result), the OpenAPI document (/openapi.yaml, docs/openapi.yaml)
// and its reference page (/docs, apidocs.go). The command is in dev/stack/cmd/stack; dev/e2e
// drives a Stack through Start.
package stack
