// `warden rules check` and the parser's errors: every malformed fixture is reported at its exact
// file:line:col; valid multi-document files pass; exit codes follow CONTRACTS.md.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkRulePaths } from '../../src/cli/rules-check.ts';
import { errorsOf, ruleYaml } from './support/harness.ts';

const DIR = 'test/sigma/fixtures';

describe('malformed rules are reported at file:line:col', () => {
  const expected = [
    `${DIR}/malformed/bad-condition.yml:10:39: bad condition: expected ")" to close an earlier "("`,
    `${DIR}/malformed/bad-regex.yml:7:5: bad regular expression /select (\\*|all/: error parsing regexp: missing closing ): \`select (\\*|all\``,
    `${DIR}/malformed/bad-timespan.yml:7:13: bad timespan "10 minutes": expected a number and a unit s, m, h or d (e.g. 90m)`,
    `${DIR}/malformed/missing-reference.yml:17:7: correlation refers to unknown rule "crm_exprot"`,
    `${DIR}/malformed/unknown-identifier.yml:8:32: condition refers to unknown search identifier "filter"`,
    `${DIR}/malformed/unknown-modifier.yml:8:11: unknown modifier "containz"`,
  ];
  it('checkRulePaths lists exactly the expected errors', async () => {
    const report = await checkRulePaths([`${DIR}/malformed`]);
    assert.deepEqual(
      report.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`),
      expected,
    );
    assert.equal(report.rules, 7);
  });
  it('the CLI prints them, then "N rules, M errors", and exits 1', () => {
    const r = spawnSync(process.execPath, ['bin/warden.js', 'rules', 'check', DIR], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 1);
    assert.deepEqual(r.stdout.trim().split('\n'), [...expected, '9 rules, 6 errors']);
  });
  it('a YAML syntax error is reported where the YAML parser stops', async () => {
    // Written at test time: a broken YAML file in the tree would break the repository's linter.
    const dir = mkdtempSync(join(tmpdir(), 'warden-sigma-'));
    const file = join(dir, 'yaml-syntax.yml');
    writeFileSync(
      file,
      'title: YAML syntax error\nlogsource:\n  product: crm\ndetection:\n  selection:\n    action: [export, view\n  condition: selection\n',
    );
    const report = await checkRulePaths([dir]);
    assert.deepEqual(
      report.errors.map((e) => `${e.line}:${e.col}: ${e.message}`),
      [
        '7:3: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    );
    assert.equal(report.rules, 1);
  });
  it('a valid multi-document file passes with exit 0', () => {
    const r = spawnSync(
      process.execPath,
      ['bin/warden.js', 'rules', 'check', `${DIR}/valid/two-documents.yaml`],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '2 rules, 0 errors\n');
  });
  it('an unreadable path exits 2 naming it', () => {
    const r = spawnSync(
      process.execPath,
      ['bin/warden.js', 'rules', 'check', `${DIR}/does-not-exist`],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 2);
    assert.match(r.stderr, /does-not-exist/);
  });
});

describe('parser checks', () => {
  const one = (detection: string) => errorsOf(ruleYaml(detection)).map((e) => e.message);
  it('re flags need re before them', () => {
    assert.deepEqual(one(`sel:\n  a|i: x\ncondition: sel`), [
      'modifier "i" is a regular-expression flag and needs "re" before it',
    ]);
  });
  it('exists takes a boolean, comparisons take numbers', () => {
    assert.deepEqual(one(`sel:\n  a|exists: yes\ncondition: sel`), [
      'modifier "exists" takes true or false',
    ]);
    assert.deepEqual(one(`sel:\n  a|gt: many\ncondition: sel`), ['modifier "gt" takes a number']);
  });
  it('neq only negates what it can: not a regex, a CIDR range, a numeric bound or a time part', () => {
    for (const [mods, other, value] of [
      ['re|neq', 're', 'x'],
      ['neq|cidr', 'cidr', '10.0.0.0/8'],
      ['gte|neq', 'gte', '5'],
      ['hour|neq', 'hour', '5'],
    ])
      assert.deepEqual(one(`sel:\n  a|${mods}: ${value}\ncondition: sel`), [
        `modifier "neq" cannot be combined with "${other}"`,
      ]);
    assert.deepEqual(one(`sel:\n  a|contains|neq: x\n  b|fieldref|neq: c\ncondition: sel`), []);
  });
  it('base64 cannot encode wildcards', () => {
    assert.deepEqual(one(`sel:\n  a|base64: 'ab*'\ncondition: sel`), [
      'modifier "base64" cannot encode a value with wildcards',
    ]);
  });
  it('a bad CIDR is reported', () => {
    assert.match(one(`sel:\n  ip|cidr: 10.0.0.0/33\ncondition: sel`)[0] ?? '', /bad CIDR/);
  });
  it('an x-of pattern matching nothing is reported', () => {
    assert.deepEqual(one(`sel:\n  a: 1\ncondition: 1 of filter*`), [
      '"of filter*" matches no search identifier',
    ]);
  });
  it('old aggregation syntax is rejected with a pointer to correlations', () => {
    assert.match(one(`sel:\n  a: 1\ncondition: sel | count() > 5`)[0] ?? '', /correlation/);
  });
  it('an unresolved expand placeholder is an error without a pipeline value', () => {
    assert.deepEqual(one(`sel:\n  a|expand: '%Servers%'\ncondition: sel`), [
      'placeholder %Servers% has no value in the pipeline',
    ]);
  });
  it('a correlation that reaches itself is reported as a cycle', () => {
    const yaml = `title: a\nid: ca\ncorrelation: {type: event_count, rules: [cb], group-by: [u], timespan: 1m, condition: {gte: 1}}\n---\ntitle: b\nid: cb\ncorrelation: {type: event_count, rules: [ca], group-by: [u], timespan: 1m, condition: {gte: 1}}\n`;
    assert.equal(errorsOf(yaml).filter((e) => /cycle/.test(e.message)).length, 2);
  });
  it('value correlations need a field; unknown types are named', () => {
    const base = `title: r\nid: r\nlogsource: {product: x}\ndetection: {s: {a: 1}, condition: s}\n---\n`;
    assert.match(
      errorsOf(
        `${base}title: c\ncorrelation: {type: value_count, rules: [r], group-by: [u], timespan: 1m, condition: {gte: 2}}\n`,
      )[0]?.message ?? '',
      /needs "field"/,
    );
    assert.match(
      errorsOf(
        `${base}title: c\ncorrelation: {type: event_sum, rules: [r], group-by: [u], timespan: 1m, condition: {gte: 2}}\n`,
      )[0]?.message ?? '',
      /unknown correlation type "event_sum"/,
    );
  });
});
