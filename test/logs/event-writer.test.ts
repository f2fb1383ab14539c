// The ingest writer thread: batches written in order on their own connection, duplicates
// counted, quarantine rows stored with the events, and a failing write reported as an error
// (not a hang or a crash) with the writer still closing cleanly.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { AccessEvent } from '../../src/logs/access-event.ts';
import { upsertAlerts } from '../../src/detect/alert-store.ts';
import type { AlertState } from '../../src/detect/alert-merge.ts';
import { openEventWriter } from '../../src/logs/event-writer.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';

async function count(store: Store, table: 'events' | 'quarantine'): Promise<number> {
  const r = await store.db
    .selectFrom(table)
    .select((b) => b.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function ev(i: number): AccessEvent {
  return {
    id: `w${i}`,
    time: new Date(Date.UTC(2026, 10, 2, 0, 0, i)).toISOString(),
    source: 'dealer-crm',
    actor: { user: 'u@x.example', type: 'vendor_staff', session: 's1' },
    src_ip: '198.51.100.7',
    action: 'export',
    object: 'customer',
    record_ids: [`C${i}`],
    fields: ['name'],
    outcome: 'success',
    raw: {},
  } as AccessEvent;
}

test('a SQLite file store writes batches on the writer thread, in order, idempotently', async () => {
  const store = await openStore(
    `sqlite:${join(mkdtempSync(join(tmpdir(), 'warden-writer-')), 'w.db')}`,
  );
  const writer = openEventWriter(store);
  const first = writer.write(
    [ev(1), ev(2)],
    [{ source: 'dealer-crm', file: 'f.jsonl', line: 3, reason: 'not JSON', raw: '{' }],
  );
  const second = writer.write([ev(2), ev(3)], []);
  assert.deepEqual(await first, { stored: 2, quarantined: 1 });
  assert.deepEqual(await second, { stored: 1, quarantined: 0 });
  await writer.close();
  assert.equal(await count(store, 'events'), 3);
  assert.equal(await count(store, 'quarantine'), 1);
  await store.close();
});

test('a batch that fails on the thread rejects with the reason, rolls back whole, and the writer goes on', async () => {
  const store = await openStore(
    `sqlite:${join(mkdtempSync(join(tmpdir(), 'warden-writer-')), 'w.db')}`,
  );
  const writer = openEventWriter(store);
  const broken = { ...ev(2), action: undefined } as unknown as AccessEvent; // violates NOT NULL
  await assert.rejects(writer.write([ev(1), broken], []), /writing events: .*action/);
  assert.equal(await count(store, 'events'), 0); // ev(1) was not half-stored
  assert.deepEqual(await writer.write([ev(3)], []), { stored: 1, quarantined: 0 });
  await writer.close();
  assert.equal(await count(store, 'events'), 1);
  await store.close();
});

test('a writer thread that cannot start fails every write with a clear error instead of hanging', async () => {
  const store = await openStore(
    `sqlite:${join(mkdtempSync(join(tmpdir(), 'warden-writer-')), 'w.db')}`,
  );
  await sql`drop table quarantine`.execute(store.db);
  const writer = openEventWriter(store);
  await assert.rejects(
    writer.write([ev(1)], []),
    /event writer thread (failed|exited).*quarantine/,
  );
  await assert.rejects(writer.write([ev(2)], []), /event writer thread/);
  await writer.close();
  await store.close();
});

function candidate(i: number): AlertState {
  const at = Date.UTC(2026, 10, 2, 0, i);
  return {
    id: `a${i}`,
    rule: 'r1',
    title: 'Bulk export',
    level: 'high',
    correlation: null,
    group: { user: `u${i}` },
    groupKey: JSON.stringify({ user: `u${i}` }),
    first: new Date(at).toISOString(),
    last: new Date(at).toISOString(),
    firstMs: at,
    lastMs: at,
    count: 1,
    evidence: [`w${i}`],
  };
}

// The regression this guards: the alert upsert (read, then write, on the main connection) ran
// while the writer thread committed batches, and the read lock's upgrade failed at once with
// "database is locked" instead of waiting: the demo failed in half its runs on a busy machine.
test('transactions on the main connection wait for the writer thread instead of failing as locked', async () => {
  const store = await openStore(
    `sqlite:${join(mkdtempSync(join(tmpdir(), 'warden-writer-')), 'w.db')}`,
  );
  const writer = openEventWriter(store);
  let created = 0;
  try {
    const batches: Promise<unknown>[] = [];
    for (let b = 0; b < 30; b++)
      batches.push(writer.write(Array.from({ length: 2000 }, (_, i) => ev(b * 2000 + i)), []));
    for (const b of batches) b.catch(() => undefined); // awaited below
    for (let i = 0; i < 30; i++) {
      const burst = Array.from({ length: 100 }, (_, k) => candidate(i * 100 + k));
      created += (await upsertAlerts(store, burst)).created;
      // A transaction that reads, lingers while the thread commits, then writes: the shape that
      // failed at once under a deferred begin (its read snapshot went stale).
      await store.db.transaction().execute(async (trx) => {
        await trx.selectFrom('alerts').select('id').limit(1).execute();
        await new Promise((r) => setTimeout(r, 15));
        await trx.updateTable('alerts').set({ level: 'high' }).where('id', '=', 'a0').execute();
      });
    }
    await Promise.all(batches);
  } finally {
    await writer.close(); // a failure above must not leave the thread keeping the test alive
  }
  assert.equal(created, 3_000);
  assert.equal(await count(store, 'events'), 60_000);
  await store.close();
});
