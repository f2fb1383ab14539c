// The demo scenario end to end through `warden detect`'s pipeline: the vendor-account attack
// alerts within minutes (event time) of its first export, and the nightly sync never alerts.
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { detectStream } from '../../src/detect/detect-stream.ts';
import { readLineBatches } from '../../src/detect/line-reader.ts';
import { ACCOUNTS } from '../../src/scenario/scenario-world.ts';
import { writeScenario } from '../../src/scenario/write-scenario.ts';
import type { Detection } from '../../src/sigma/index.ts';
import { builtinPack } from './crm-events.ts';

describe('demo scenario through the built-in pack', () => {
  let dir: string;
  let lines: Array<{ time: string; actor: { user?: string }; action: string }>;
  const detections: Detection[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-demo-detect-'));
    const files = await writeScenario({ out: dir, customers: 12_000, affected: 2500, events: 30_000, seed: 7 });
    lines = readFileSync(files.accessJsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    await detectStream(readLineBatches(createReadStream(files.accessJsonl)), {
      ruleSet: (await builtinPack()).ruleSet,
      source: 'dealer-crm',
      onDetection: (d) => detections.push(d),
      onMalformed: (line, reason) => assert.fail(`line ${line}: ${reason}`),
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const actorOf = (d: Detection) => (d.kind === 'rule' ? lines[d.line - 1]?.actor.user : (d.group['actor.user'] as string | undefined));
  /** When the detection could first be raised: its event, or the event that completed the correlation. */
  const raisedAt = (d: Detection) => Date.parse(d.kind === 'rule' ? (lines[d.line - 1]?.time ?? '') : d.last);

  test('the nightly sync account raises nothing', () => {
    assert.ok(lines.some((e) => e.actor.user === ACCOUNTS.sync && e.action === 'bulk_read'));
    assert.deepEqual(detections.filter((d) => actorOf(d) === ACCOUNTS.sync).map((d) => d.title), []);
  });

  test('the attacker raises a high alert within 5 minutes of the first export', () => {
    const firstExport = lines.find((e) => e.actor.user === ACCOUNTS.attacker && e.action === 'export');
    assert.ok(firstExport);
    const exportMs = Date.parse(firstExport.time);
    const high = detections.filter((d) => actorOf(d) === ACCOUNTS.attacker && (d.level === 'high' || d.level === 'critical'));
    assert.ok(high.length > 0);
    const earliest = Math.min(...high.map(raisedAt));
    assert.ok(earliest <= exportMs + 5 * 60_000, `first high alert ${new Date(earliest).toISOString()} vs export ${firstExport.time}`);
  });

  test('the attack trips the pack from several sides (login, token, paging, volume, night)', () => {
    const titles = new Set(detections.filter((d) => actorOf(d) === ACCOUNTS.attacker).map((d) => d.title));
    for (const t of [
      'Successful login after repeated failures',
      'API token created then used for bulk reads',
      'Customer record enumeration by paging',
      'Bulk read of customer records by a human account',
      'Vendor staff active outside business hours',
      'Account used from a never-seen source IP',
    ]) {
      assert.ok(titles.has(t), `missing: ${t}`);
    }
  });
});
