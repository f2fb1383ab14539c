// The runner and Warden's per-account history: event time reading, raw lifting for Windows
// events, and the warden.* fields with their memory bounds.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ActorContext, networkOf } from '../../src/detect/actor-context.ts';
import { DetectionRunner, timeValueMs } from '../../src/detect/detection-runner.ts';
import { loadRules } from '../../src/detect/rule-pack.ts';
import { at, ev, ids, VENDOR } from './crm-events.ts';

describe('DetectionRunner', () => {
  test('reads ISO strings and epoch seconds or milliseconds as event time', () => {
    assert.equal(timeValueMs('2026-11-02T02:00:00+09:00'), Date.parse('2026-11-01T17:00:00Z'));
    assert.equal(timeValueMs(1_793_551_980), 1_793_551_980_000);
    assert.equal(timeValueMs(1_793_551_980_000), 1_793_551_980_000);
    assert.ok(Number.isNaN(timeValueMs(undefined)));
  });

  test("an event without a readable time is refused with the field's name", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-runner-'));
    try {
      writeFileSync(
        join(dir, 'r.yml'),
        'title: any\nlogsource: {product: warden}\ndetection:\n  sel:\n    EventID: 4625\n  condition: sel\nlevel: low\n',
      );
      const { ruleSet } = await loadRules([join(dir, 'r.yml')]);
      const r = new DetectionRunner(ruleSet, { timeField: 'when' }).push({ time: 'x' }, 1);
      assert.deepEqual(r, { ok: false, reason: 'when: missing or not a time' });
      // 'windows' lifts raw fields of flattened Windows events only, so SigmaHQ rules see EventID.
      const win = { ...ev({}), raw: { EventID: 4625, Channel: 'Security' } } as unknown as Record<
        string,
        unknown
      >;
      const hits = (hoist: boolean | 'windows') => {
        const p = new DetectionRunner(ruleSet, { hoistRaw: hoist }).push({ ...win }, 1);
        return p.ok ? p.detections.length : -1;
      };
      assert.equal(hits('windows'), 1);
      assert.equal(hits(false), 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ActorContext (warden.* fields)', () => {
  const ms = (iso: string) => Date.parse(iso);

  test('networks: IPv4 /24, IPv6 /48', () => {
    assert.equal(networkOf('198.51.100.23'), '198.51.100.0/24');
    assert.equal(networkOf('2001:DB8:1:2::5'), '2001:db8:1::/48');
    assert.equal(networkOf('not-an-ip'), 'not-an-ip');
  });

  test('idle_days counts from the previous activity, or from a seeded last use', () => {
    const c = new ActorContext();
    c.seedLastSeen(VENDOR, ms('2026-10-01T00:00:00Z'));
    const e = ev({ user: VENDOR, time: at(1, '02:00') });
    assert.equal(c.observe(e, ms(e.time)).idle_days, 31);
    const next = ev({ user: VENDOR, time: at(1, '03:00') });
    assert.equal(c.observe(next, ms(next.time)).idle_days, 0);
  });

  test('new_records counts only first-time ids of reads of 10 or more records', () => {
    const c = new ActorContext();
    const read = (from: number, n: number) => {
      const e = ev({ action: 'export', record_ids: ids('C', n, from), time: at(0, '10:00') });
      return c.observe(e, ms(e.time)).new_records;
    };
    assert.equal(read(0, 20), 20);
    assert.equal(read(10, 20), 10);
    assert.equal(read(100, 5), undefined);
  });

  test('new_src_ip after warm-up: once per never-seen network, however many addresses (its memo of networks is refilled)', () => {
    const c = new ActorContext({ warmupMs: 0 });
    // 6,144 addresses in 24 networks (more than the memo holds), twice over: only the first
    // address of each network is new, in both passes and for every actor.
    const seen: string[] = [];
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < 24 * 256; i++) {
        const e = ev({
          user: `u${i % 7}`,
          src_ip: `10.${i % 24}.0.${Math.floor(i / 24)}`,
          time: at(0, '10:00', i),
        });
        if (c.observe(e, ms(e.time)).new_src_ip) seen.push(e.src_ip as string);
      }
    assert.deepEqual(
      seen,
      Array.from({ length: 24 }, (_, i) => `10.${i}.0.0`),
    );
  });

  test('a network an actor keeps using stays remembered; a forgotten one is new again for others', () => {
    // 2 networks kept: when the 13th is added, all but the 2 last used are forgotten
    const c = new ActorContext({ warmupMs: 0, maxIps: 2 });
    let t = 0;
    const observe = (user: string, src_ip: string) => {
      const e = ev({ user, src_ip, time: at(0, '10:00', t++) });
      return c.observe(e, ms(e.time)).new_src_ip === true;
    };
    assert.equal(observe('A', '10.0.0.1'), true);
    // A works from its address between 11 one-off networks: 12 networks known
    for (let i = 1; i <= 11; i++) {
      assert.equal(observe(`X${i}`, `10.1.${i}.1`), true);
      assert.equal(observe('A', '10.0.0.1'), false);
    }
    // the 13th: all but A's (used just before) and X12's are forgotten
    assert.equal(observe('X12', '10.1.12.1'), true);
    assert.equal(observe('B', '10.0.0.9'), false, "A's network, used on every A event, is kept");
    assert.equal(
      observe('C', '10.1.1.7'),
      true,
      'a forgotten network is new again for someone else',
    );
    assert.equal(
      observe('X1', '10.1.1.1'),
      false,
      '...but not for the actor who used that address',
    );
  });

  test('memory stays bounded: accounts, networks and remembered ids are capped however long the stream', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 600 }), (n) => {
        const c = new ActorContext({ maxActors: 50, maxIps: 50, maxRecordIds: 500 });
        for (let i = 0; i < n; i++) {
          const e = ev({
            user: `u${i}`,
            src_ip: `10.${i % 250}.${(i >> 8) % 250}.1`,
            action: 'export',
            record_ids: ids(`R${i}-`, 20),
            time: at(0, '10:00', i),
          });
          c.observe(e, ms(e.time));
        }
        return c.trackedActors <= 50 * 1.1 + 10 && c.rememberedRecordIds <= 500;
      }),
      { numRuns: 10 },
    );
  });
});
