// Conformance: the seven correlation types of Sigma v2.1 (event_count, value_count, temporal,
// temporal_ordered, value_sum, value_avg, value_percentile) with group-by, timespan, condition
// ranges, field, generate, aliases and correlations of correlations; sliding windows, one
// detection per episode, tolerated disorder and bounded state.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, type Detection } from '../../src/sigma/index.ts';
import { compileYaml, runAll, type TimedEvent } from './support/harness.ts';

const BASE = `title: failed login
id: failed-login
name: failed_login
logsource: {product: crm}
detection:
  sel: {action: login_failed}
  condition: sel
---
title: login
id: login-ok
name: login_ok
logsource: {product: crm}
detection:
  sel: {action: login}
  condition: sel
---
title: export
id: export
name: export
logsource: {product: crm}
detection:
  sel: {action: export}
  condition: sel
`;

function correlation(body: string, extra = ''): string {
  const indented = body
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  return `${BASE}---\ntitle: correlation under test\nid: corr\nlevel: high\n${extra}correlation:\n${indented}\n`;
}

let line = 0;
function at(seconds: number, event: Record<string, unknown>): TimedEvent {
  return {
    event,
    meta: { line: ++line, timeMs: Date.UTC(2026, 10, 2) + seconds * 1000, id: `e${line}` },
  };
}
const corr = (ds: Detection[]) => ds.filter((d) => d.kind === 'correlation');
const single = (ds: Detection[]) => ds.filter((d) => d.kind === 'rule');

describe('event_count', () => {
  const yaml = correlation(
    `type: event_count\nrules: [failed_login]\ngroup-by: [actor.user]\ntimespan: 1m\ncondition: {gte: 3}`,
  );
  it('fires once per group when the count reaches the bound within the timespan', () => {
    const ds = runAll(yaml, [
      at(0, { action: 'login_failed', actor: { user: 'bob' } }),
      at(10, { action: 'login_failed', actor: { user: 'alice' } }),
      at(20, { action: 'login_failed', actor: { user: 'bob' } }),
      at(30, { action: 'login_failed', actor: { user: 'bob' } }),
      at(40, { action: 'login_failed', actor: { user: 'bob' } }),
    ]);
    const hits = corr(ds);
    assert.equal(hits.length, 1, 'the 4th event continues the episode: no second detection');
    const h = hits[0];
    assert.ok(h && h.kind === 'correlation');
    assert.deepEqual(h.group, { 'actor.user': 'bob' });
    assert.equal(h.count, 3);
    assert.equal(h.correlation, 'event_count');
    assert.equal(h.rule, 'corr');
    assert.equal(h.first, '2026-11-02T00:00:00.000Z');
    assert.equal(h.last, '2026-11-02T00:00:30.000Z');
    assert.equal(h.lines.length, 3);
    assert.equal(h.eventIds.length, 3);
  });
  it('near miss: the same events spread wider than the timespan do not fire', () => {
    const ds = runAll(
      yaml,
      [0, 40, 80, 120].map((s) => at(s, { action: 'login_failed', actor: { user: 'bob' } })),
    );
    assert.equal(corr(ds).length, 0);
  });
  it('windows slide: three events within 30 s across a minute boundary fire', () => {
    const ds = runAll(
      yaml,
      [50, 70, 80].map((s) => at(s, { action: 'login_failed', actor: { user: 'bob' } })),
    );
    assert.equal(corr(ds).length, 1);
  });
  it('a new episode after the condition stopped holding fires again', () => {
    const ds = runAll(
      yaml,
      [0, 1, 2, 600, 601, 602].map((s) =>
        at(s, { action: 'login_failed', actor: { user: 'bob' } }),
      ),
    );
    assert.equal(corr(ds).length, 2);
  });
  it('referenced rules do not emit their own detections by default (generate: false)', () => {
    const ds = runAll(yaml, [
      at(0, { action: 'login_failed', actor: { user: 'bob' } }),
      at(1, { action: 'export', actor: { user: 'bob' } }),
    ]);
    assert.deepEqual(
      single(ds).map((d) => d.rule),
      ['export'],
    );
  });
  it('generate: true keeps the referenced rules emitting', () => {
    const ds = runAll(
      correlation(
        `type: event_count\nrules: [failed_login]\ngroup-by: [actor.user]\ntimespan: 1m\ncondition: {gte: 3}`,
        'generate: true\n',
      ),
      [at(0, { action: 'login_failed', actor: { user: 'bob' } })],
    );
    assert.deepEqual(
      single(ds).map((d) => d.rule),
      ['failed-login'],
    );
  });
  it('a rule with generate: false reports nothing on its own; single detections carry line and id', () => {
    const quiet = BASE.replace(
      'title: export\nid: export',
      'title: export\nid: export\ngenerate: false',
    );
    const ds = runAll(quiet, [at(0, { action: 'export' }), at(1, { action: 'login' })]);
    assert.deepEqual(
      ds.map((d) => d.kind === 'rule' && [d.rule, d.level, d.line > 0, d.eventId?.startsWith('e')]),
      [['login-ok', 'medium', true, true]],
    );
  });
  it('tolerates modest disorder: late events inside the window still count', () => {
    const ds = runAll(
      yaml,
      [30, 10, 20].map((s) => at(s, { action: 'login_failed', actor: { user: 'bob' } })),
      { maxDisorderMs: 60_000 },
    );
    assert.equal(corr(ds).length, 1);
  });
  it('events without the group-by field are not correlated', () => {
    const ds = runAll(
      yaml,
      [0, 1, 2].map((s) => at(s, { action: 'login_failed' })),
    );
    assert.equal(corr(ds).length, 0);
  });
});

describe('condition ranges (judged once a window is complete)', () => {
  const range = correlation(
    `type: event_count\nrules: [export]\ngroup-by: [actor.user]\ntimespan: 1m\ncondition: {gt: 1, lte: 3}`,
  );
  it('fires for a count inside the range', () => {
    const ds = runAll(
      range,
      [0, 10].map((s) => at(s, { action: 'export', actor: { user: 'bob' } })),
    );
    const hits = corr(ds);
    assert.equal(hits.length, 1);
    assert.equal(hits[0]?.kind === 'correlation' && hits[0].count, 2);
  });
  it('near miss: above the upper bound does not fire', () => {
    const ds = runAll(
      range,
      [0, 5, 10, 15, 20].map((s) => at(s, { action: 'export', actor: { user: 'bob' } })),
    );
    assert.equal(corr(ds).length, 0);
  });
  it('eq and neq', () => {
    const eq = correlation(
      `type: event_count\nrules: [export]\ngroup-by: [actor.user]\ntimespan: 1m\ncondition: {eq: 2}`,
    );
    assert.equal(
      corr(
        runAll(
          eq,
          [0, 1].map((s) => at(s, { action: 'export', actor: { user: 'b' } })),
        ),
      ).length,
      1,
    );
    assert.equal(
      corr(
        runAll(
          eq,
          [0, 1, 2].map((s) => at(s, { action: 'export', actor: { user: 'b' } })),
        ),
      ).length,
      0,
    );
    const neq = correlation(
      `type: event_count\nrules: [export]\ngroup-by: [actor.user]\ntimespan: 1m\ncondition: {neq: 1}`,
    );
    assert.equal(corr(runAll(neq, [at(0, { action: 'export', actor: { user: 'b' } })])).length, 0);
  });
  it('windows are judged as the stream moves past them, not only at the end', () => {
    const engine = createEngine(compileYaml(range), { maxDisorderMs: 0 });
    const t0 = Date.UTC(2026, 10, 2);
    engine.push({ action: 'export', actor: { user: 'bob' } }, { line: 1, timeMs: t0 });
    engine.push({ action: 'export', actor: { user: 'bob' } }, { line: 2, timeMs: t0 + 5000 });
    const later = engine.push(
      { action: 'login', actor: { user: 'x' } },
      { line: 3, timeMs: t0 + 120_000 },
    );
    assert.equal(later.filter((d) => d.kind === 'correlation').length, 1);
  });
});

describe('value_count', () => {
  const yaml = correlation(
    `type: value_count\nrules: [export]\ngroup-by: [actor.user]\ntimespan: 10m\ncondition: {field: object, gte: 3}`,
  );
  it('counts distinct values of the field', () => {
    const ds = runAll(
      yaml,
      ['A', 'B', 'A', 'C'].map((o, i) =>
        at(i, { action: 'export', object: o, actor: { user: 'bob' } }),
      ),
    );
    assert.equal(corr(ds).length, 1);
  });
  it('near miss: repeated values do not add up', () => {
    const ds = runAll(
      yaml,
      ['A', 'B', 'A', 'B'].map((o, i) =>
        at(i, { action: 'export', object: o, actor: { user: 'bob' } }),
      ),
    );
    assert.equal(corr(ds).length, 0);
  });
});

describe('value_count over a list-valued field', () => {
  const yaml = correlation(
    `type: value_count\nrules: [export]\ngroup-by: [actor.user]\ntimespan: 10m\ncondition: {field: record_ids, gte: 5}`,
  );
  it('counts the distinct elements across the lists, not the distinct lists', () => {
    const ds = runAll(yaml, [
      at(0, { action: 'export', record_ids: ['C1', 'C2', 'C3'], actor: { user: 'bob' } }),
      at(1, { action: 'export', record_ids: ['C3', 'C4', 'C5'], actor: { user: 'bob' } }),
    ]);
    assert.equal(corr(ds).length, 1);
  });
  it('near miss: two different lists over four ids stay under five', () => {
    const ds = runAll(yaml, [
      at(0, { action: 'export', record_ids: ['C1', 'C2', 'C3'], actor: { user: 'bob' } }),
      at(1, { action: 'export', record_ids: ['C2', 'C3', 'C4'], actor: { user: 'bob' } }),
      at(2, { action: 'export', record_ids: ['C1', 'C4'], actor: { user: 'bob' } }),
    ]);
    assert.equal(corr(ds).length, 0);
  });
  it('an element leaving the window is forgotten only when no other entry still holds it', () => {
    const ds = runAll(yaml, [
      at(0, { action: 'export', record_ids: ['C1', 'C2'], actor: { user: 'bob' } }),
      at(300, { action: 'export', record_ids: ['C1', 'C3'], actor: { user: 'bob' } }),
      // t=0 has left the 10m window: C1 is still held by t=300, C2 is gone -> C1 C3 C4 C5 = 4
      at(700, { action: 'export', record_ids: ['C4', 'C5'], actor: { user: 'bob' } }),
    ]);
    assert.equal(corr(ds).length, 0);
  });
});

describe('temporal and temporal_ordered', () => {
  const temporal = correlation(
    `type: temporal\nrules: [failed_login, export]\ngroup-by: [actor.user]\ntimespan: 5m`,
  );
  const ordered = correlation(
    `type: temporal_ordered\nrules: [failed_login, login_ok]\ngroup-by: [actor.user]\ntimespan: 5m`,
  );
  it('temporal: all rules within the timespan, any order', () => {
    const ds = runAll(temporal, [
      at(0, { action: 'export', actor: { user: 'bob' } }),
      at(60, { action: 'login_failed', actor: { user: 'bob' } }),
    ]);
    assert.equal(corr(ds).length, 1);
  });
  it('temporal near misses: different groups, or too far apart', () => {
    assert.equal(
      corr(
        runAll(temporal, [
          at(0, { action: 'export', actor: { user: 'bob' } }),
          at(60, { action: 'login_failed', actor: { user: 'eve' } }),
        ]),
      ).length,
      0,
    );
    assert.equal(
      corr(
        runAll(temporal, [
          at(0, { action: 'export', actor: { user: 'bob' } }),
          at(600, { action: 'login_failed', actor: { user: 'bob' } }),
        ]),
      ).length,
      0,
    );
  });
  it('temporal_ordered: fires when the rules occur in the listed order', () => {
    const ds = runAll(ordered, [
      at(0, { action: 'login_failed', actor: { user: 'bob' } }),
      at(30, { action: 'login', actor: { user: 'bob' } }),
    ]);
    assert.equal(corr(ds).length, 1);
  });
  it('temporal_ordered near miss: the reverse order does not fire', () => {
    const ds = runAll(ordered, [
      at(0, { action: 'login', actor: { user: 'bob' } }),
      at(30, { action: 'login_failed', actor: { user: 'bob' } }),
    ]);
    assert.equal(corr(ds).length, 0);
  });
  it('aliases map one group-by name onto different fields per rule', () => {
    const yaml = correlation(
      `type: temporal\nrules: [failed_login, export]\ngroup-by: [ip]\ntimespan: 5m\naliases:\n  ip:\n    failed_login: src_ip\n    export: raw.client`,
    );
    const hit = runAll(yaml, [
      at(0, { action: 'login_failed', src_ip: '198.51.100.23' }),
      at(5, { action: 'export', raw: { client: '198.51.100.23' } }),
    ]);
    assert.equal(corr(hit).length, 1);
    assert.deepEqual((corr(hit)[0] as { group: unknown }).group, { ip: '198.51.100.23' });
    const miss = runAll(yaml, [
      at(0, { action: 'login_failed', src_ip: '198.51.100.23' }),
      at(5, { action: 'export', raw: { client: '203.0.113.9' } }),
    ]);
    assert.equal(corr(miss).length, 0);
  });
});

describe('value_sum, value_avg, value_percentile', () => {
  const exportOf = (s: number, n: number) =>
    at(s, { action: 'export', result_count: n, actor: { user: 'bob' } });
  it('value_sum adds the field over the window', () => {
    const yaml = correlation(
      `type: value_sum\nrules: [export]\ngroup-by: [actor.user]\ntimespan: 1h\ncondition: {field: result_count, gte: 1000}`,
    );
    assert.equal(corr(runAll(yaml, [exportOf(0, 400), exportOf(60, 700)])).length, 1);
    assert.equal(corr(runAll(yaml, [exportOf(0, 400), exportOf(60, 500)])).length, 0);
  });
  it('value_avg averages the field over the window', () => {
    const yaml = correlation(
      `type: value_avg\nrules: [export]\ngroup-by: [actor.user]\ntimespan: 1h\ncondition: {field: result_count, gt: 100}`,
    );
    assert.equal(corr(runAll(yaml, [exportOf(0, 50), exportOf(60, 200)])).length, 1);
    assert.equal(corr(runAll(yaml, [exportOf(0, 50), exportOf(60, 100)])).length, 0);
  });
  it('value_percentile compares the chosen percentile (default: the median)', () => {
    const median = correlation(
      `type: value_percentile\nrules: [export]\ngroup-by: [actor.user]\ntimespan: 1h\ncondition: {field: result_count, gte: 100}`,
    );
    assert.equal(
      corr(runAll(median, [exportOf(0, 10), exportOf(1, 200), exportOf(2, 300)])).length,
      1,
    );
    assert.equal(
      corr(runAll(median, [exportOf(0, 10), exportOf(1, 20), exportOf(2, 300)])).length,
      0,
    );
    const p90 = correlation(
      `type: value_percentile\nrules: [export]\ngroup-by: [actor.user]\ntimespan: 1h\ncondition: {field: result_count, percentile: 90, gte: 250}`,
    );
    assert.equal(corr(runAll(p90, [exportOf(0, 10), exportOf(1, 20), exportOf(2, 300)])).length, 1);
  });
});

describe('correlations of correlations', () => {
  it('an outer correlation counts the inner one’s detections; the inner stays silent', () => {
    const yaml = `${correlation(`type: event_count\nrules: [failed_login]\ngroup-by: [actor.user]\ntimespan: 1m\ncondition: {gte: 2}`)}---
title: repeated bursts
id: outer
correlation:
  type: event_count
  rules: [corr]
  group-by: [actor.user]
  timespan: 1h
  condition: {gte: 2}
`;
    const events = [0, 1, 300, 301].map((s) =>
      at(s, { action: 'login_failed', actor: { user: 'bob' } }),
    );
    const ds = corr(runAll(yaml, events));
    assert.deepEqual(
      ds.map((d) => d.rule),
      ['outer'],
    );
    assert.equal(
      ds[0]?.kind === 'correlation' && ds[0].lines.length,
      4,
      'evidence lines of both bursts',
    );
  });
});

describe('bounded state', () => {
  it('an endless stream of distinct groups keeps state bounded by the timespan', () => {
    const yaml = correlation(
      `type: event_count\nrules: [export]\ngroup-by: [actor.user]\ntimespan: 1m\ncondition: {gte: 1000}`,
    );
    const engine = createEngine(compileYaml(yaml), { maxDisorderMs: 1000 });
    const t0 = Date.UTC(2026, 10, 2);
    let maxGroups = 0;
    for (let i = 0; i < 100_000; i++) {
      engine.push(
        { action: 'export', actor: { user: `u${i}` } },
        { line: i + 1, timeMs: t0 + i * 100 },
      );
      if (i % 1000 === 0) maxGroups = Math.max(maxGroups, engine.stats().correlationGroups);
    }
    // 1 event / 100 ms: a 60 s window plus 1 s of disorder holds about 610 groups at most.
    assert.ok(maxGroups <= 700, `groups ${maxGroups}`);
    assert.ok(engine.stats().correlationEntries <= 700);
  });
});
