'use strict';
// Validates a SAM template (template.yaml) with aws-cdk-lib, pinned in package.json:
//
//  1. cloudformation-include reads the template and maps every resource, SAM's included, to the
//     L1 class generated from the CloudFormation and SAM specifications aws-cdk-lib carries. A
//     property the specification does not know (a misspelt one, at any depth) becomes a property
//     override; each such override is a finding. SAM's Globals, which it passes through unread,
//     are read the same way, each section as a resource of its type (globalsFindings).
//  2. Synthesis renders each resource through its L1 class, whose generated validators check
//     required properties and value types; each failing leaf is a finding.
//  3. Synthesis runs aws-cdk-lib's CloudFormation validation rules (@aws/cloudformation-validate)
//     over the synthesized template; each violation is a finding.
//
// Known false positives are listed in suppressions.js, each matching one resource, one
// property path and one message, with its reason. Anything else fails the build, and so does a
// suppression that no longer matches anything (remove it).
//
// Usage: node validate.js path/to/template.yaml

const fs = require('fs');
const os = require('os');
const path = require('path');

const cdk = require('aws-cdk-lib');
const include = require('aws-cdk-lib/cloudformation-include');

const { suppressions } = require('./suppressions');

// validate returns every finding on the template at file, each {resource, path, message, kind},
// split into those a suppression explains (suppressed) and the rest (findings); unused lists the
// suppressions that matched nothing.
function validate(file) {
  const findings = [];
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'template-validate-'));
  try {
    const app = new cdk.App({
      outdir,
      context: {
        // Report the rules' violations with their own severity (errors stay errors) and let
        // synthesis finish, so that every finding is reported at once.
        '@aws-cdk/core:validateAgainstDefaultRules': true,
        '@aws-cdk/core:failSynthOnValidationErrors': false,
      },
    });
    const stack = new cdk.Stack(app, 'Template');

    // 1. Unknown properties: cloudformation-include keeps them as property overrides.
    let tpl;
    try {
      tpl = includeRecording(findings, (id) => id, () => new include.CfnInclude(stack, 'Template', { templateFile: file }));
    } catch (e) {
      findings.push({ kind: 'include', resource: '', path: '', message: String(e.message || e) });
      return classify(findings, {});
    }
    findings.push(...globalsFindings(tpl.template, outdir));

    // 2. Property validators: each resource renders on its own, so that one resource's finding
    // names it and does not hide another's; a resource that fails renders its properties as
    // written (what cloudformation-include would emit) so that synthesis goes on to the rules.
    const written = tpl.template.Resources || {};
    for (const res of tpl.node.findAll()) {
      if (!(res instanceof cdk.CfnResource) || !(res.node.id in written)) continue;
      const render = res.renderProperties.bind(res);
      res.renderProperties = (props) => {
        try {
          return render(props);
        } catch (e) {
          for (const leaf of leaves(String(e.message || e))) {
            findings.push({ kind: 'property', resource: res.node.id, path: leaf.path, message: leaf.message });
          }
          return written[res.node.id].Properties || {};
        }
      };
    }

    // 3. The CloudFormation validation rules, run by synthesis; they write a report.
    try {
      app.synth();
    } catch (e) {
      findings.push({ kind: 'synth', resource: '', path: '', message: String(e.message || e) });
      return classify(findings, tpl.template);
    }
    const report = path.join(outdir, 'validation-report.json');
    if (!fs.existsSync(report)) {
      findings.push({ kind: 'synth', resource: '', path: '', message: 'synthesis wrote no validation report: were the rules run?' });
      return classify(findings, tpl.template);
    }
    findings.push(...ruleFindings(JSON.parse(fs.readFileSync(report, 'utf8'))));
    return classify(findings, tpl.template);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

// includeRecording runs include (a CfnInclude) and records each property override it makes, the
// properties the specification does not know, as a finding on resource name(logical id).
function includeRecording(findings, name, include) {
  const proto = cdk.CfnResource.prototype;
  const addPropertyOverride = proto.addPropertyOverride;
  proto.addPropertyOverride = function (propertyPath, value) {
    findings.push({ kind: 'unknown-property', resource: name(this.node.id), path: propertyPath,
      message: `${this.cfnResourceType} has no property ${propertyPath}` });
    return addPropertyOverride.call(this, propertyPath, value);
  };
  try {
    return include();
  } finally {
    proto.addPropertyOverride = addPropertyOverride;
  }
}

// globalsTypes are SAM's Globals sections and the resource type whose properties each holds.
const globalsTypes = {
  Function: 'AWS::Serverless::Function', Api: 'AWS::Serverless::Api', HttpApi: 'AWS::Serverless::HttpApi',
  SimpleTable: 'AWS::Serverless::SimpleTable', StateMachine: 'AWS::Serverless::StateMachine',
  LayerVersion: 'AWS::Serverless::LayerVersion',
};

// globalsFindings checks SAM's Globals, which cloudformation-include passes through unread: each
// section is read as a resource of its type (named Globals.<Section>), its intrinsics replaced by
// a token (they refer to the template's parameters and resources, absent here). A section holds
// only some properties, so a required one missing is no finding.
function globalsFindings(written, dir) {
  const findings = [];
  const resources = {};
  for (const [section, props] of Object.entries(written.Globals || {})) {
    if (!globalsTypes[section]) {
      findings.push({ kind: 'unknown-property', resource: 'Globals', path: section, message: `SAM has no Globals section ${section}` });
      continue;
    }
    resources[`Globals${section}`] = { Type: globalsTypes[section], Properties: tokens(props) };
  }
  if (Object.keys(resources).length === 0) return findings;
  const file = path.join(dir, 'globals.template.json');
  fs.writeFileSync(file, JSON.stringify({ Resources: resources }));
  const stack = new cdk.Stack(new cdk.App({ outdir: path.join(dir, 'globals') }), 'Globals');
  const name = (id) => id.replace(/^Globals/, 'Globals.');
  const inc = includeRecording(findings, name, () => new include.CfnInclude(stack, 'Globals', { templateFile: file }));
  for (const res of inc.node.findAll()) {
    if (!(res instanceof cdk.CfnResource)) continue;
    try {
      stack.resolve(res._toCloudFormation());
    } catch (e) {
      for (const leaf of leaves(String(e.message || e))) {
        if (leaf.message !== 'required but missing') {
          findings.push({ kind: 'property', resource: name(res.node.id), path: leaf.path, message: leaf.message });
        }
      }
    }
  }
  return findings;
}

// tokens returns v with every intrinsic function replaced by a token (a Ref to a pseudo
// parameter), which the validators accept wherever a value may be an intrinsic.
function tokens(v) {
  if (Array.isArray(v)) return v.map(tokens);
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return { Ref: 'AWS::Region' };
  return Object.fromEntries(keys.map((k) => [k, tokens(v[k])]));
}

// leaves flattens an L1 validator's nested message
//   Supplied properties not correct for "CfnFunctionProps"
//     eventInvokeConfig: supplied properties not correct for "EventInvokeConfigProperty"
//       destinationConfig: supplied properties not correct for "..."
//         onSuccess: required but missing.
// into one {path: "eventInvokeConfig.destinationConfig.onSuccess", message: "required but missing"}
// per leaf.
function leaves(text) {
  const out = [];
  const stack = [];
  for (const line of text.split('\n')) {
    const m = /^(\s*)([A-Za-z0-9_]+): (.*)$/.exec(line);
    if (!m) continue;
    const depth = m[1].length;
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    stack.push({ depth, name: m[2] });
    if (!/^supplied properties not correct/.test(m[3])) {
      out.push({ path: stack.map((s) => s.name).join('.'), message: m[3].replace(/\.$/, '') });
    }
  }
  if (out.length === 0) out.push({ path: '', message: text.trim() });
  return out;
}

// ruleFindings reads the violations of synthesis's validation report. A violation on a resource
// names its logical id and property paths; one on a parameter or output names it in the
// description ("Parameters/Name: ...").
function ruleFindings(report) {
  const out = [];
  for (const plugin of report.pluginReports || []) {
    for (const v of plugin.violations || []) {
      const message = `${v.ruleName}: ${v.description || ''}`.trim();
      const where = [];
      for (const c of v.violatingConstructs || []) {
        const r = c.cloudFormationResource;
        if (r && r.logicalId) {
          for (const p of r.propertyPaths && r.propertyPaths.length ? r.propertyPaths : ['']) where.push([r.logicalId, p]);
        }
      }
      if (where.length === 0) {
        const m = /^((?:Parameters|Outputs|Conditions|Rules)\/[A-Za-z0-9]+)\b/.exec(v.description || '');
        where.push([m ? m[1] : '', '']);
      }
      for (const [resource, p] of where) {
        out.push({ kind: 'rule', resource, path: p, message, severity: v.severity });
      }
    }
  }
  return out;
}

// classify splits findings by the suppressions; written is the template as parsed (long-form
// intrinsics), which a suppression may look at to confirm its case.
function classify(all, written) {
  const used = new Set();
  const findings = [];
  const suppressed = [];
  const seen = new Set();
  for (const f of all) {
    const key = [f.kind, f.resource, f.path, f.message].join('\u0000');
    if (seen.has(key)) continue; // synthesis renders a resource more than once
    seen.add(key);
    const s = suppressions.find((s) => s.kind === f.kind && s.resource.test(f.resource) && s.path.test(f.path) &&
      s.message.test(f.message) && (!s.when || s.when(f, written || {})));
    if (s) {
      used.add(s);
      suppressed.push({ ...f, reason: s.reason });
    } else {
      findings.push(f);
    }
  }
  return { findings, suppressed, unused: suppressions.filter((s) => !used.has(s)) };
}

function format(f) {
  return `${f.kind} ${f.resource || '(template)'}${f.path ? ' ' + f.path : ''}: ${f.message}`;
}

module.exports = { validate, leaves, format };

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node validate.js template.yaml');
    process.exit(2);
  }
  const started = Date.now();
  const { findings, suppressed, unused } = validate(file);
  const counts = new Map();
  for (const f of suppressed) counts.set(f.reason, (counts.get(f.reason) || 0) + 1);
  for (const [reason, n] of counts) console.log(`known false positive (${n}x): ${reason}`);
  for (const f of findings) console.error(`FINDING ${format(f)}`);
  for (const s of unused) {
    console.error(`STALE SUPPRESSION ${s.kind} ${s.resource} ${s.path}: matched nothing; remove it from suppressions.js`);
  }
  if (findings.length || unused.length) {
    console.error(`${file}: ${findings.length} finding(s), ${unused.length} stale suppression(s)`);
    process.exit(1);
  }
  console.log(`${file}: valid (${suppressed.length} known false positive(s), ${Date.now() - started} ms)`);
}
