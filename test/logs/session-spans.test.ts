// Session lookups go through recorded (session, account) spans to the account index instead of a
// session index. They must find exactly what filtering every event would: sessions shared by two
// accounts, sessions without an account (NULL or ''), events out of time order, spans that grow
// across batches, windows that cut a span; events stored before the spans existed are found
// after the migration summarises them; and SQLite answers from an index, not a scan.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { AccessEvent } from '../../src/logs/access-event.ts';
import {
  type EventSelector,
  findEventsByIndicators,
  indicatorQueries,
  insertEvents,
  toEventRow,
  toEventValues,
} from '../../src/logs/event-store.ts';
import { NO_ACCOUNT, sessionSpans, spanRanges } from '../../src/logs/session-spans.ts';
import * as m009 from '../../src/store/migrations/009-session-spans.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';

const T0 = Date.UTC(2026, 10, 2, 0, 0, 0);
const ACCOUNTS = ['a@vendor.example', 'b@vendor.example', undefined, ''];

/** Deterministic, scrambled in time: event i is at minute (i * 37) % 500. */
function ev(i: number): AccessEvent {
  return {
    id: `s${i}`,
    time: new Date(T0 + ((i * 37) % 500) * 60_000).toISOString(),
    source: 'dealer-crm',
    actor: {
      user: ACCOUNTS[i % 4],
      type: 'vendor_staff',
      session: i % 7 === 0 ? undefined : `S${i % 5}`,
    },
    src_ip: '198.51.100.7',
    action: 'search',
    fields: ['name'],
    outcome: 'success',
    raw: {},
  } as AccessEvent;
}
const EVENTS = Array.from({ length: 400 }, (_, i) => ev(i));

/** The reference: every event filtered one by one. */
function expected(sel: EventSelector): string[] {
  return EVENTS.filter((e) => {
    const ms = Date.parse(e.time);
    return (
      e.actor.session !== undefined &&
      (sel.sessions ?? []).includes(e.actor.session) &&
      ms >= (sel.fromMs ?? Number.NEGATIVE_INFINITY) &&
      ms <= (sel.toMs ?? Number.POSITIVE_INFINITY)
    );
  })
    .map((e) => e.id)
    .sort();
}

const SELECTIONS: EventSelector[] = [
  { sessions: ['S1'] },
  { sessions: ['S2', 'S3'] },
  { sessions: ['S4'], fromMs: T0 + 100 * 60_000, toMs: T0 + 250 * 60_000 },
  { sessions: ['S0', 'S1', 'S2', 'S3', 'S4'], fromMs: T0 + 499 * 60_000 },
  { sessions: ['S1'], toMs: T0 - 1 },
  { sessions: ['nope'] },
];

describe('session spans (pure)', () => {
  test('one span per (session, account), first and last time, sorted; no account is NO_ACCOUNT', () => {
    const rows = [ev(1), ev(6), ev(41), ev(3), ev(2)].map(toEventValues);
    const spans = sessionSpans(rows);
    const keys = spans.map((s) => `${s.session}|${s.actor}`);
    assert.deepEqual(keys, [...keys].sort());
    const s1a = spans.find((s) => s.session === 'S1' && s.actor === 'b@vendor.example');
    // ev(1) and ev(41) share session S1 and account b (ev(41) earlier); their times bound the span.
    const t1 = Date.parse(ev(1).time);
    const t41 = Date.parse(ev(41).time);
    assert.deepEqual(s1a && [s1a.firstMs, s1a.lastMs], [Math.min(t1, t41), Math.max(t1, t41)]);
    assert.ok(spans.some((s) => s.session === 'S3' && s.actor === NO_ACCOUNT)); // ev(3): ''
    assert.ok(spans.some((s) => s.session === 'S2' && s.actor === NO_ACCOUNT)); // ev(2): none
    assert.equal(spans.length, 4);
  });

  test('ranges are clipped to the window and empty ones dropped', () => {
    const spans = [
      { span_session: 'S', span_actor: 'a', first_ms: 10, last_ms: 20 },
      { span_session: 'S', span_actor: 'b', first_ms: '30', last_ms: '40' }, // PostgreSQL bigint
    ];
    assert.deepEqual(spanRanges(spans, 15, 35), [
      { actor: 'a', fromMs: 15, toMs: 20 },
      { actor: 'b', fromMs: 30, toMs: 35 },
    ]);
    assert.deepEqual(spanRanges(spans, 21, 29), []);
    assert.deepEqual(spanRanges(spans), [
      { actor: 'a', fromMs: 10, toMs: 20 },
      { actor: 'b', fromMs: 30, toMs: 40 },
    ]);
  });
});

for (const dialect of await activeDialects()) {
  describe(`${dialect}: session lookups through spans`, () => {
    const opened: TestStore[] = [];
    after(async () => {
      for (const t of opened) await t.drop();
    });

    test('find exactly the events filtering them one by one would, across batches', async () => {
      const t = await freshStore(dialect);
      opened.push(t);
      for (let i = 0; i < EVENTS.length; i += 37)
        await insertEvents(t.store, EVENTS.slice(i, i + 37));
      await insertEvents(t.store, EVENTS.slice(0, 50)); // a re-ingest changes nothing
      for (const sel of SELECTIONS) {
        const got = (await findEventsByIndicators(t.store, sel)).map((e) => e.id).sort();
        assert.deepEqual(got, expected(sel), JSON.stringify(sel));
      }
      assert.ok(expected(SELECTIONS[0] as EventSelector).length > 40);
    });

    test('events stored before spans existed are found once the migration summarises them', async () => {
      const t = await freshStore(dialect);
      opened.push(t);
      await t.store.db.insertInto('events').values(EVENTS.map(toEventRow)).execute();
      assert.deepEqual(await findEventsByIndicators(t.store, { sessions: ['S1'] }), []);
      await m009.up(t.store.db);
      for (const sel of SELECTIONS) {
        const got = (await findEventsByIndicators(t.store, sel)).map((e) => e.id).sort();
        assert.deepEqual(got, expected(sel), JSON.stringify(sel));
      }
    });

    if (dialect === 'sqlite')
      test('SQLite answers a session lookup from the account index, never scanning events', async () => {
        const t = await freshStore(dialect);
        opened.push(t);
        await insertEvents(t.store, EVENTS);
        const [q] = await indicatorQueries(t.store, { sessions: ['S1', 'S2'], fromMs: T0 });
        assert.ok(q);
        const compiled = q.select('id').compile();
        const rows = t.store.sqlite
          ?.prepare(`explain query plan ${compiled.sql}`)
          .all(...(compiled.parameters as unknown[])) as Array<{ detail: string }>;
        const details = rows.map((r) => r.detail).join('\n');
        assert.match(details, /SEARCH events USING INDEX events_actor_time/, details);
        assert.doesNotMatch(details, /\bSCAN\b/, details);
      });
  });
}
