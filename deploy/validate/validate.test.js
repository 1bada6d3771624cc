'use strict';
// Tests of validate.js: run with `node --test` (make validate-template).
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { validate, format } = require('./validate');

const template = fs.readFileSync(path.join(__dirname, '..', '..', 'template.yaml'), 'utf8');

// findingsOf validates template.yaml with from replaced by to (which must occur once).
function findingsOf(from, to) {
  assert.strictEqual(template.split(from).length, 2, `template.yaml has not exactly one ${JSON.stringify(from)}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'template-test-'));
  const file = path.join(dir, 'template.yaml');
  fs.writeFileSync(file, template.replace(from, to));
  try {
    return validate(file).findings.map(format);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('template.yaml has no finding and no stale suppression', () => {
  const file = path.join(__dirname, '..', '..', 'template.yaml');
  const { findings, unused } = validate(file);
  assert.deepStrictEqual(findings.map(format), []);
  assert.deepStrictEqual(unused.map((s) => s.reason), []);
});

// Each case breaks one property; the validator must name it.
const cases = [
  ['a misspelt CloudFormation resource property', '      BillingMode: PAY_PER_REQUEST', '      BilingMode: PAY_PER_REQUEST',
    /^unknown-property Table BilingMode: /],
  ['a misspelt nested CloudFormation property', '        PointInTimeRecoveryEnabled: true', '        PointInTimeRecoveryEnable: true',
    /^unknown-property Table PointInTimeRecoverySpecification\.PointInTimeRecoveryEnable: /],
  ['a misspelt SAM function property', '      Description: Creates, lists', '      Descripton: Creates, lists',
    /^unknown-property ConsentsFunction Descripton: /],
  ['a misspelt key of a function\'s LoggingConfig', '        LogGroup: !Ref TokensLogGroup', '        LogGrup: !Ref TokensLogGroup',
    /^unknown-property TokensFunction LoggingConfig: /],
  ['a misspelt ScheduleV2 event property', '            ScheduleExpression: rate(5 minutes)', '            ScheduleExpresion: rate(5 minutes)',
    /^unknown-property TokensFunction Events\.Refresh\.Properties\.ScheduleExpresion: /],
  ['a misspelt property in Globals', '    Tracing: Active', '    Tracng: Active',
    /^unknown-property Globals\.Function Tracng: /],
  ['a misspelt key of Globals LoggingConfig', '      SystemLogLevel: WARN', '      SystemLogLevl: WARN',
    /^unknown-property Globals\.Function LoggingConfig: /],
  ['a property value of the wrong type', 'TokensScheduleDLQ:\n    Type: AWS::SQS::Queue\n    Properties:\n      MessageRetentionPeriod: 1209600',
    'TokensScheduleDLQ:\n    Type: AWS::SQS::Queue\n    Properties:\n      MessageRetentionPeriod: [1209600]',
    /TokensScheduleDLQ/],
];
for (const [name, from, to, want] of cases) {
  test(`${name} is a finding`, () => {
    const got = findingsOf(from, to);
    assert.ok(got.some((f) => want.test(f)), `no finding matching ${want} in:\n${got.join('\n')}`);
  });
}

// A suppression holds only for its exact case: the alarm topic outside !If is a finding.
test('a false positive outside its exact case is a finding', () => {
  const got = findingsOf('      AlarmActions: !If [HasAlarmTopic, [!Ref AlarmTopicArn], !Ref AWS::NoValue]\n\nOutputs:',
    '      AlarmActions: [!Ref AlarmTopicArn]\n\nOutputs:');
  assert.ok(got.some((f) => /^rule TokensFunctionErrorsAlarm Properties\.AlarmActions\.0: W1030: /.test(f)),
    `no W1030 finding on TokensFunctionErrorsAlarm in:\n${got.join('\n')}`);
});

// A suppression that matches nothing is reported, so that the list cannot outlive its cases.
test('a suppression that matches nothing is reported', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'template-test-'));
  const file = path.join(dir, 'template.yaml');
  const from = '      EventInvokeConfig:\n        MaximumRetryAttempts: 0\n        DestinationConfig:\n          OnFailure:\n' +
    '            Type: SQS\n            Destination: !GetAtt TokensScheduleDLQ.Arn\n';
  assert.strictEqual(template.split(from).length, 2);
  fs.writeFileSync(file, template.replace(from, ''));
  try {
    const { unused } = validate(file);
    assert.deepStrictEqual(unused.map((s) => s.path.source), ['^eventInvokeConfig\\.destinationConfig\\.onSuccess$']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
