// The timeline's counts come from the database (per 10-minute bucket and actor) and must equal
// counting the matching events one by one: an event matched by both its account and its IP
// counted once, listed record ids counted before a reported result count, the time window
// applied, and no indicator at all giving nothing.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { AccessEvent } from '../../src/logs/access-event.ts';
import { bucketEventsByIndicators } from '../../src/logs/event-buckets.ts';
import {
  type EventSelector,
  findEventsByIndicators,
  insertEvents,
} from '../../src/logs/event-store.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';

const BUCKET = 600_000;
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

function ev(i: number): AccessEvent {
  const user = i % 5 === 0 ? undefined : `u${i % 3}@vendor.example`;
  return {
    id: `b${i}`,
    time: new Date(T0 + i * 97_000).toISOString(),
    source: 'dealer-crm',
    actor: { user, type: 'vendor_staff', session: `s${i % 4}` },
    src_ip: `198.51.100.${i % 2}`,
    action: 'bulk_read',
    object: 'customer',
    ...(i % 3 === 0 ? { record_ids: Array.from({ length: i % 7 }, (_, k) => `C${i}-${k}`) } : {}),
    ...(i % 3 === 1 ? { result_count: i } : {}),
    fields: ['name'],
    outcome: 'success',
    raw: {},
  } as AccessEvent;
}

/** The reference: every matching event loaded and counted in JS. */
async function countedOneByOne(t: TestStore, sel: EventSelector) {
  const by = new Map<string, { startMs: number; actor: string; events: number; records: number }>();
  for (const e of await findEventsByIndicators(t.store, sel)) {
    const startMs = Math.floor(e.time_ms / BUCKET) * BUCKET;
    const actor = e.actor_user ?? e.src_ip ?? 'unknown';
    const b = by.get(`${startMs}|${actor}`) ?? { startMs, actor, events: 0, records: 0 };
    b.events++;
    b.records += e.record_ids?.length ?? e.result_count ?? 0;
    by.set(`${startMs}|${actor}`, b);
  }
  return sorted([...by.values()]);
}

const sorted = <T extends { startMs: number; actor: string }>(xs: T[]) =>
  xs.sort((a, b) => a.startMs - b.startMs || a.actor.localeCompare(b.actor));

for (const dialect of await activeDialects()) {
  describe(`${dialect}: timeline counts in the database`, () => {
    const opened: TestStore[] = [];
    after(async () => {
      for (const t of opened) await t.drop();
    });

    test('equal counting the matching events one by one, overlaps counted once', async () => {
      const t = await freshStore(dialect);
      opened.push(t);
      await insertEvents(
        t.store,
        Array.from({ length: 300 }, (_, i) => ev(i)),
      );
      const selections: EventSelector[] = [
        { actors: ['u1@vendor.example'] },
        { actors: ['u1@vendor.example'], ips: ['198.51.100.1'] }, // overlapping kinds
        {
          ips: ['198.51.100.0'],
          sessions: ['s1', 's2'],
          fromMs: T0 + 3_600_000,
          toMs: T0 + 5 * 3_600_000,
        },
        { actors: ['u0@vendor.example', 'u2@vendor.example'], sessions: ['s3'] },
      ];
      for (const sel of selections) {
        const got = sorted(await bucketEventsByIndicators(t.store, sel, BUCKET));
        assert.ok(got.length > 1, `buckets for ${JSON.stringify(sel)}`);
        assert.deepEqual(got, await countedOneByOne(t, sel), JSON.stringify(sel));
      }
      assert.deepEqual(await bucketEventsByIndicators(t.store, {}, BUCKET), []);
    });
  });
}
