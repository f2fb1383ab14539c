// The streaming pipeline of `warden detect`: line numbers, malformed lines counted and named,
// format sniffing, and SigmaHQ's Windows rules running unchanged on evtx_dump-shaped JSON.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { detectStream } from '../../src/detect/detect-stream.ts';
import { detectionRecord } from '../../src/detect/detection-output.ts';
import { loadPipeline, loadRules } from '../../src/detect/rule-pack.ts';
import type { Detection } from '../../src/sigma/index.ts';
import { at, builtinPack, ev, VENDOR } from './crm-events.ts';

async function* once(lines: string[]): AsyncGenerator<string[]> {
  yield lines;
}

async function run(lines: string[], format = 'auto', ruleSet?: Awaited<ReturnType<typeof loadRules>>['ruleSet']) {
  const detections: Detection[] = [];
  const malformed: Array<[number, string]> = [];
  const stats = await detectStream(once(lines), {
    ruleSet: ruleSet ?? (await builtinPack()).ruleSet,
    format,
    source: 'test',
    onDetection: (d) => detections.push(d),
    onMalformed: (line, reason) => malformed.push([line, reason]),
  });
  return { stats, detections, malformed };
}

describe('detectStream', () => {
  test('detections carry the 1-based input line; malformed lines are named and counted, the rest goes on', async () => {
    const lines = [
      JSON.stringify(ev({ user: VENDOR, time: at(0, '10:00') })),
      '{not json',
      '',
      JSON.stringify(ev({ user: VENDOR, time: at(0, '02:00') })),
      JSON.stringify({ ...ev({}), action: 'teleport' }),
    ];
    const { stats, detections, malformed } = await run(lines, 'jsonl');
    assert.equal(stats.events, 2);
    assert.equal(stats.malformed, 2);
    assert.deepEqual(malformed.map(([l]) => l), [2, 5]);
    assert.match(malformed[1]?.[1] ?? '', /action/);
    const afterHours = detections.filter((d) => d.title === 'Vendor staff active outside business hours');
    assert.deepEqual(afterHours.map((d) => (d.kind === 'rule' ? d.line : 0)), [4]);
    assert.deepEqual(Object.keys(detectionRecord(afterHours[0] as Detection)), ['rule', 'title', 'level', 'line']);
  });

  test('over many batches and runs of lines, detections and malformed lines come in line order', async () => {
    // 250 lines in batches of 7 (runs of parsed lines cross batch ends): every 9th malformed,
    // every 10th an after-hours vendor event that detects on its own line
    const lines = Array.from({ length: 250 }, (_, i) =>
      i % 9 === 4
        ? '{broken'
        : JSON.stringify(ev({ user: VENDOR, time: at(0, i % 10 === 0 ? '02:00' : '10:00', i) })),
    );
    const order: string[] = [];
    const stats = await detectStream(
      (async function* () {
        for (let i = 0; i < lines.length; i += 7) yield lines.slice(i, i + 7);
      })(),
      {
        ruleSet: (await builtinPack()).ruleSet,
        format: 'jsonl',
        source: 'test',
        onDetection: (d) => {
          if (d.kind === 'rule' && d.title === 'Vendor staff active outside business hours') order.push(`d${d.line}`);
        },
        onMalformed: (line) => order.push(`m${line}`),
      },
    );
    const want: string[] = [];
    for (let i = 0; i < 250; i++) {
      if (i % 9 === 4) want.push(`m${i + 1}`);
      else if (i % 10 === 0) want.push(`d${i + 1}`);
    }
    assert.deepEqual(order, want);
    assert.equal(stats.lines, 250);
    assert.equal(stats.malformed, want.filter((w) => w.startsWith('m')).length);
  });

  test('--format auto sniffs JSONL from the first lines', async () => {
    const { stats } = await run([JSON.stringify(ev({}))]);
    assert.equal(stats.format, 'jsonl');
  });

  test('a correlation detection prints group, first, last, count and lines (CONTRACTS.md)', async () => {
    const fails = [0, 1, 2].map((i) => ev({ user: VENDOR, action: 'login_failed', outcome: 'failure', time: at(0, '01:50', i * 20) }));
    const lines = [...fails, ev({ user: VENDOR, action: 'login', time: at(0, '01:52') })].map((e) => JSON.stringify(e));
    const { detections } = await run(lines, 'jsonl');
    const d = detections.find((x) => x.title === 'Successful login after repeated failures');
    assert.ok(d && d.kind === 'correlation');
    const rec = detectionRecord(d);
    assert.deepEqual(Object.keys(rec), ['rule', 'title', 'level', 'correlation', 'group', 'first', 'last', 'count', 'lines']);
    assert.deepEqual(rec.group, { 'actor.user': VENDOR });
    assert.equal(rec.correlation, 'temporal_ordered');
    assert.deepEqual(rec.lines, [1, 2, 3, 4]);
  });

  test("a SigmaHQ Windows rule fires unchanged on its own regression event in evtx_dump's JSON shape", async () => {
    const base = new URL('../../../shared/data/sigma/', import.meta.url);
    const rule = new URL('rules-threat-hunting/windows/image_load/image_load_win_werfaultsecure_dbgcore_dbghelp_load.yml', base);
    const event = new URL(
      'regression_data/rules-threat-hunting/windows/image_load/image_load_win_werfaultsecure_dbgcore_dbghelp_load/8a2f4b1c-3d5e-4f7a-9b2c-1e4f6d8a9c2b.json',
      base,
    );
    const { ruleSet, errors } = await loadRules([rule.pathname]);
    assert.deepEqual(errors, []);
    const line = JSON.stringify(JSON.parse(readFileSync(event, 'utf8')));
    const { stats, detections } = await run([line], 'auto', ruleSet);
    assert.equal(stats.format, 'evtx-json');
    assert.deepEqual(detections.map((d) => d.title), ['WerFaultSecure Loading DbgCore or DbgHelp - EDR-Freeze']);
  });

  test('--pipeline maps a rule\'s own field names onto the normalized event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-pipeline-'));
    try {
      writeFileSync(join(dir, 'p.yml'), 'name: crm\ntransformations:\n  - id: names\n    type: field_name_mapping\n    mapping:\n      UserName: actor.user\n');
      writeFileSync(join(dir, 'r.yml'), `title: Named account\nlogsource: {product: warden, service: access}\ndetection:\n  sel:\n    UserName: '${VENDOR}'\n  condition: sel\nlevel: low\n`);
      const pipeline = await loadPipeline(join(dir, 'p.yml'));
      const mapped = await loadRules([join(dir, 'r.yml')], { pipeline });
      const plain = await loadRules([join(dir, 'r.yml')]);
      const line = JSON.stringify(ev({ user: VENDOR }));
      assert.equal((await run([line], 'jsonl', mapped.ruleSet)).detections.length, 1);
      assert.equal((await run([line], 'jsonl', plain.ruleSet)).detections.length, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
