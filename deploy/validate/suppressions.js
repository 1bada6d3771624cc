'use strict';
// Known false positives of validate.js. Each one matches a finding's kind, resource, property
// path and message (regular expressions anchored at both ends), and its `when`, if any, checks
// the template itself (`written`: long-form intrinsics, as cloudformation-include parsed it) so
// that the case is exactly the one explained. Everything else is a finding and fails the
// build; a suppression that matches nothing fails it too (validate.js), so this list cannot rot.

// resources returns the template's resources (logical id → definition).
const resources = (written) => written.Resources || {};

// eventType is the Type of function resource's event name, or undefined.
function eventType(written, resource, name) {
  const ev = (properties(written, resource).Events || {})[name];
  return ev && ev.Type;
}

// properties returns a resource's Properties; for Globals.<Section>, that Globals section.
function properties(written, resource) {
  if (resource.startsWith('Globals.')) return (written.Globals || {})[resource.slice('Globals.'.length)] || {};
  return (resources(written)[resource] || {}).Properties || {};
}

// keysWithin: the resource's property prop is an object whose keys are all in allowed.
function keysWithin(written, resource, prop, allowed) {
  const v = properties(written, resource)[prop];
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).every((k) => allowed.includes(k));
}

// isServerlessFunction: an AWS::Serverless::Function, or the Globals section of every one.
const isServerlessFunction = (written, resource) => resource === 'Globals.Function' ||
  (resources(written)[resource] || {}).Type === 'AWS::Serverless::Function';

const suppressions = [
  {
    kind: 'unknown-property',
    resource: /^[A-Za-z0-9]+$/,
    path: /^Events\.[A-Za-z0-9]+\.Properties\.ApiId$/,
    message: /^AWS::Serverless::Function has no property .*$/,
    // Only on an HttpApi event.
    when: (f, written) => eventType(written, f.resource, f.path.split('.')[1]) === 'HttpApi',
    reason: 'the SAM specification types an event\'s Properties as a union that cloudformation-include ' +
      'resolves by the first member that fits, not by the event\'s Type: an HttpApi event (Method, Path) ' +
      'is read as an Api event, which has RestApiId where HttpApi has ApiId (SAM documents ApiId for HttpApi)',
  },
  {
    kind: 'unknown-property',
    resource: /^[A-Za-z0-9]+$/,
    path: /^Events\.[A-Za-z0-9]+\.Properties\.[A-Za-z]+$/,
    message: /^AWS::Serverless::Function has no property .*$/,
    // Only on a ScheduleV2 event, and only the properties SAM documents for it: a misspelt one
    // is still a finding.
    when: (f, written) => eventType(written, f.resource, f.path.split('.')[1]) === 'ScheduleV2' &&
      ['DeadLetterConfig', 'Description', 'EndDate', 'FlexibleTimeWindow', 'GroupName', 'Input', 'KmsKeyArn',
        'Name', 'OmitName', 'PermissionsBoundary', 'RetryPolicy', 'RoleArn', 'ScheduleExpression',
        'ScheduleExpressionTimezone', 'StartDate', 'State'].includes(f.path.split('.')[3]),
    reason: 'the SAM specification predates the ScheduleV2 (EventBridge Scheduler) event type; the property ' +
      'is one SAM documents for it',
  },
  {
    kind: 'unknown-property',
    resource: /^(Globals\.Function|[A-Za-z0-9]+)$/,
    path: /^LoggingConfig$/,
    message: /^AWS::Serverless::Function has no property LoggingConfig$/,
    // Only with the keys of AWS::Lambda::Function's LoggingConfig, to which SAM passes it.
    when: (f, written) => isServerlessFunction(written, f.resource) &&
      keysWithin(written, f.resource, 'LoggingConfig', ['ApplicationLogLevel', 'LogFormat', 'LogGroup', 'SystemLogLevel']),
    reason: 'the SAM specification predates AWS::Serverless::Function LoggingConfig, which SAM passes to ' +
      'AWS::Lambda::Function LoggingConfig; its keys are that property\'s',
  },
  {
    kind: 'unknown-property',
    resource: /^Api$/,
    path: /^AccessLogSettings$/,
    message: /^AWS::Serverless::HttpApi has no property AccessLogSettings$/,
    // Only with the keys of AWS::ApiGatewayV2::Stage's AccessLogSettings, to which SAM passes it.
    when: (f, written) => keysWithin(written, f.resource, 'AccessLogSettings', ['DestinationArn', 'Format']),
    reason: 'the SAM specification predates AWS::Serverless::HttpApi AccessLogSettings, which SAM passes to ' +
      'the stage\'s AccessLogSettings (DestinationArn, Format)',
  },
  {
    kind: 'property',
    resource: /^TokensFunction$/,
    path: /^eventInvokeConfig\.destinationConfig\.onSuccess$/,
    message: /^required but missing$/,
    reason: 'the SAM specification marks EventInvokeConfig.DestinationConfig.OnSuccess required; SAM\'s ' +
      'documentation says it is not (TokensFunction sends only failures to its queue)',
  },
  {
    kind: 'rule',
    resource: /^[A-Za-z0-9]+Alarm$/,
    path: /^Properties\.AlarmActions\.0$/,
    message: /^W1030: AlarmActions\.0: \{'Ref': 'AlarmTopicArn'\} default '' has length 0, below minimum 1 for property 'AlarmActions\.0'$/,
    // Only where the topic sits behind !If HasAlarmTopic, and HasAlarmTopic is "AlarmTopicArn is not empty".
    when: (f, written) => {
      const actions = ((resources(written)[f.resource] || {}).Properties || {}).AlarmActions;
      const cond = (written.Conditions || {}).HasAlarmTopic;
      return JSON.stringify(actions) === JSON.stringify({ 'Fn::If': ['HasAlarmTopic', [{ Ref: 'AlarmTopicArn' }], { Ref: 'AWS::NoValue' }] }) &&
        JSON.stringify(cond) === JSON.stringify({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AlarmTopicArn' }, ''] }] });
    },
    reason: 'the rules do not evaluate !If: the topic is used only when HasAlarmTopic (AlarmTopicArn not ' +
      'empty) holds, and AWS::NoValue drops AlarmActions otherwise',
  },
  {
    kind: 'rule',
    resource: /^Parameters\/(CredentialsSecretArn|SecretCacheTtl)$/,
    path: /^$/,
    message: /^W2509: Parameters\/(CredentialsSecretArn|SecretCacheTtl): Parameter '(CredentialsSecretArn|SecretCacheTtl)' appears to be a password but does not have NoEcho set to true$/,
    reason: 'the rule guesses from the word "Secret" in the name: CredentialsSecretArn is the secret\'s ARN and ' +
      'SecretCacheTtl a duration, neither a secret value (the secret itself stays in Secrets Manager)',
  },
  {
    kind: 'rule',
    resource: /^(WebhookDestination|WebhookConnection|Parameters\/WebhookUrl|Parameters\/WebhookApiKey)$/,
    path: /^(|Properties\.InvocationEndpoint|Properties\.AuthParameters\.ApiKeyAuthParameters\.ApiKeyValue)$/,
    message: /^W1030: .*\{'Ref': '(WebhookUrl|WebhookApiKey)'\} default '' (has length 0, below minimum 1|does not match pattern .*) for property '(InvocationEndpoint|AuthParameters\.ApiKeyAuthParameters\.ApiKeyValue)'.*$/,
    // Only while both resources exist only under HasWebhook (WebhookUrl not empty), and the
    // template's rule refuses a WebhookUrl without a WebhookApiKey.
    when: (f, written) => {
      const res = resources(written);
      const cond = (written.Conditions || {}).HasWebhook;
      const rule = ((written.Rules || {}).WebhookNeedsApiKey || {});
      return ['WebhookDestination', 'WebhookConnection'].every((r) => (res[r] || {}).Condition === 'HasWebhook') &&
        JSON.stringify(cond) === JSON.stringify({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'WebhookUrl' }, ''] }] }) &&
        JSON.stringify(rule.RuleCondition) === JSON.stringify(cond) &&
        JSON.stringify(rule.Assertions) === JSON.stringify([{ Assert: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'WebhookApiKey' }, ''] }] },
          AssertDescription: 'WebhookUrl needs WebhookApiKey (the secret the app checks on each webhook).' }]);
    },
    reason: 'the rules do not evaluate Conditions: the webhook\'s connection and destination exist only when ' +
      'HasWebhook (WebhookUrl not empty) holds, and the template\'s WebhookNeedsApiKey rule refuses a ' +
      'WebhookUrl without a WebhookApiKey, so neither is ever given the empty defaults',
  },
];

module.exports = { suppressions };
