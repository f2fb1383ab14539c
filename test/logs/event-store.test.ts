// Event rows written by the batch insert come back exactly as given, on both dialects: awkward
// text (quotes, backslashes, braces, commas, the word NULL, non-Latin script, newlines) and
// nulls survive PostgreSQL's array parameters (one per column), duplicates inside one batch and
// across batches are stored once, and the count returned is the new rows only.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { AccessEvent } from '../../src/logs/access-event.ts';
import { insertEvents, toEventRow } from '../../src/logs/event-store.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';

const AWKWARD = [
  'a "quoted" value',
  'back\\slash \\" mix',
  '{braces},commas',
  'NULL',
  '顧客 一覧',
  'two\nlines',
  '',
];

function ev(i: number, text: string): AccessEvent {
  return {
    id: `e${i}`,
    time: new Date(Date.UTC(2026, 10, 2, 0, 0, i)).toISOString(),
    source: 'dealer-crm',
    actor: {
      user: i % 2 ? `u${i}@x.example` : undefined,
      type: 'vendor_staff',
      session: i % 3 ? undefined : 's1',
    },
    src_ip: i % 2 ? '2001:db8::7' : undefined,
    action: 'search',
    object: 'customer',
    query: text,
    result_count: i % 2 ? i * 10 : undefined,
    record_ids: i % 2 ? [`C${i}`, `C"${i}`] : undefined,
    fields: ['name', text],
    outcome: 'success',
    user_agent: i % 2 ? text : undefined,
    raw: i % 2 ? { note: text } : {},
  } as AccessEvent;
}

test('each column holds its own field of the event (the positional row is in column order)', () => {
  const e = ev(3, 'q');
  assert.deepEqual(toEventRow(e), {
    id: 'e3',
    source: 'dealer-crm',
    time: e.time,
    time_ms: Date.parse(e.time),
    actor_user: 'u3@x.example',
    actor_type: 'vendor_staff',
    session: 's1',
    src_ip: '2001:db8::7',
    action: 'search',
    object: 'customer',
    query: 'q',
    result_count: 30,
    record_ids: '["C3","C\\"3"]',
    record_count: 2,
    fields: '["name","q"]',
    outcome: 'success',
    extra: '{"user_agent":"q","raw":{"note":"q"}}',
  });
  const bare = toEventRow(ev(4, 'r'));
  assert.deepEqual(
    [bare.actor_user, bare.src_ip, bare.record_ids, bare.record_count, bare.extra],
    [null, null, null, 0, null],
  );
});

for (const dialect of await activeDialects()) {
  describe(`${dialect}: batch insert of events`, () => {
    const opened: TestStore[] = [];
    after(async () => {
      for (const t of opened) await t.drop();
    });

    test('rows come back exactly as given, duplicates are stored once and only new rows counted', async () => {
      const t = await freshStore(dialect);
      opened.push(t);
      const events = AWKWARD.map((text, i) => ev(i, text));
      assert.equal(
        await insertEvents(t.store, [...events, events[0] as AccessEvent]),
        events.length,
      );
      assert.equal(await insertEvents(t.store, [events[1] as AccessEvent, ev(99, 'new')]), 1);
      const rows = await t.store.db
        .selectFrom('events')
        .selectAll()
        .where('id', '!=', 'e99')
        .orderBy('time_ms')
        .execute();
      assert.deepEqual(
        rows.map((r) => ({
          ...r,
          time_ms: Number(r.time_ms),
          result_count: r.result_count === null ? null : Number(r.result_count),
          record_count: Number(r.record_count),
        })),
        events.map(toEventRow),
      );
    });
  });
}
