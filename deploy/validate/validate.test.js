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
  ['a property value of the wrong type', '      MessageRetentionPeriod: 1209600', '      MessageRetentionPeriod: [1209600]',
    /TokensScheduleDLQ/],
];
for (const [name, from, to, want] of cases) {
  test(`${name} is a finding`, () => {
    const got = findingsOf(from, to);
    assert.ok(got.some((f) => want.test(f)), `no finding matching ${want} in:\n${got.join('\n')}`);
  });
}
