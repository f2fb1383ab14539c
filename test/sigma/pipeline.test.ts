// Processing pipelines: field_name_mapping (one or several target fields), add_condition tied to
// a logsource (how a logsource maps onto events), value and wildcard placeholders, rule
// conditions, and errors with positions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compileRuleSet,
  createEngine,
  parsePipeline,
  parseRuleDocuments,
} from '../../src/sigma/index.ts';
import { pipelineOf } from './support/harness.ts';

const RULE = `title: bulk export
id: bulk
logsource: {product: crm, category: data_access}
detection:
  sel:
    User|startswith: support-
    RecordCount|gte: 1000
  condition: sel
`;

const PIPELINE = `name: crm
vars:
  Servers: [srv-*, db-01]
transformations:
  - id: crm-fields
    type: field_name_mapping
    mapping:
      User: actor.user
      RecordCount: [result_count, raw.rows]
    rule_conditions:
      - type: logsource
        product: crm
  - id: crm-logsource
    type: add_condition
    conditions:
      source: dealer-crm
    rule_conditions:
      - type: logsource
        category: data_access
  - type: value_placeholders
`;

function run(rule: string, pipelineYaml: string, events: Record<string, unknown>[]): boolean[] {
  const parsed = parseRuleDocuments(rule, 'rule.yml');
  assert.deepEqual(parsed.errors, []);
  const { ruleSet, errors } = compileRuleSet(parsed, { pipeline: pipelineOf(pipelineYaml) });
  assert.deepEqual(errors, []);
  const engine = createEngine(ruleSet);
  return events.map((e, i) => engine.push(e, { line: i + 1, timeMs: i }).length > 0);
}

describe('pipelines', () => {
  it('maps Sigma field names onto the normalized access event, and ANDs the logsource condition', () => {
    const r = run(RULE, PIPELINE, [
      { source: 'dealer-crm', actor: { user: 'support-07@crm' }, result_count: 5000 },
      { source: 'dealer-crm', actor: { user: 'support-07@crm' }, raw: { rows: '2000' } },
      { source: 'other-app', actor: { user: 'support-07@crm' }, result_count: 5000 },
      { source: 'dealer-crm', actor: { user: 'sales-01@crm' }, result_count: 5000 },
      { source: 'dealer-crm', User: 'support-07', RecordCount: 5000 },
    ]);
    assert.deepEqual(r, [true, true, false, false, false]);
  });
  it('transformations whose rule conditions do not match leave the rule alone', () => {
    const other = RULE.replace('product: crm', 'product: erp');
    const r = run(other, PIPELINE, [
      { User: 'support-1', RecordCount: 5000, source: 'dealer-crm' },
      { actor: { user: 'support-1' }, result_count: 5000, source: 'dealer-crm' },
    ]);
    assert.deepEqual(r, [true, false]);
  });
  it('value_placeholders expand %name% from vars, wildcards included', () => {
    const rule = `title: p\nid: p\nlogsource: {product: x}\ndetection:\n  sel:\n    host|expand: '%Servers%'\n  condition: sel\n`;
    assert.deepEqual(
      run(rule, PIPELINE, [{ host: 'SRV-web' }, { host: 'db-01' }, { host: 'laptop' }]),
      [true, true, false],
    );
  });
  it('wildcard_placeholders turn unknown placeholders into *', () => {
    const rule = `title: p\nid: p\nlogsource: {product: x}\ndetection:\n  sel:\n    host|expand: 'x-%Unknown%'\n  condition: sel\n`;
    const p = `name: w\ntransformations:\n  - type: wildcard_placeholders\n`;
    assert.deepEqual(run(rule, p, [{ host: 'x-anything' }, { host: 'y-anything' }]), [true, false]);
  });
  it('reports unknown transformation types and bad mappings at their place', () => {
    const { errors } = parsePipeline(
      `name: bad\ntransformations:\n  - type: drop_everything\n  - type: field_name_mapping\n    mapping:\n      User: {nested: 1}\n`,
      'p.yml',
    );
    assert.deepEqual(
      errors.map((e) => `${e.line}:${e.col}: ${e.message}`),
      [
        '3:11: unknown transformation type "drop_everything" (supported: field_name_mapping, add_condition, value_placeholders, wildcard_placeholders)',
        '6:13: mapping for "User" must be a field name or a list of names',
      ],
    );
  });
  it('correlation group-by fields go through the field mapping of the referenced rule', () => {
    const yaml = `${RULE}---\ntitle: c\nid: c\ncorrelation:\n  type: event_count\n  rules: [bulk]\n  group-by: [User]\n  timespan: 1h\n  condition: {gte: 2}\n`;
    const parsed = parseRuleDocuments(yaml, 'r.yml');
    const { ruleSet } = compileRuleSet(parsed, { pipeline: pipelineOf(PIPELINE) });
    const engine = createEngine(ruleSet);
    const ev = { source: 'dealer-crm', actor: { user: 'support-07' }, result_count: 5000 };
    engine.push(ev, { line: 1, timeMs: 0 });
    const out = engine.push(ev, { line: 2, timeMs: 1000 });
    assert.deepEqual(
      out.map((d) => d.kind === 'correlation' && d.group),
      [{ User: 'support-07' }],
    );
  });
});
