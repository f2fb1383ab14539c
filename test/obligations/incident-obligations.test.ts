// Incident integration on every real database: the scenario comes from the incident's scope
// and facts, each decision lands in the history with the law-data version, changing a fact
// re-decides, and the deadline board lists open obligations soonest first.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { listOpenDeadlines } from '../../src/obligations/deadline-board.ts';
import { decideForIncident, latestObligations, markObligationMet } from '../../src/obligations/incident-obligations.ts';
import { obligationKey } from '../../src/obligations/obligation-schema.ts';
import type { Store } from '../../src/store/open-store.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';
import { laws } from './decide-support.ts';

const opened: TestStore[] = [];
after(async () => {
  for (const t of opened) await t.drop();
});

async function insertIncident(store: Store, id: string, facts: object, byJurisdiction: Record<string, number>, status = 'open') {
  await store.db
    .insertInto('incidents')
    .values({
      id,
      title: `breach ${id}`,
      aware_at: '2026-11-20T09:00:00+09:00',
      vendor_id: null,
      status,
      facts: JSON.stringify(facts),
      indicators: '{}',
      scope: JSON.stringify({
        affected: { confirmed: 17000, inferred: 4000, total: 21000 },
        fields: ['email', 'name', 'phone', 'postal_address', 'vehicle_purchase', 'not_a_category'],
        by_jurisdiction: byJurisdiction,
      }),
      created_at: '2026-11-20T00:00:00Z',
    })
    .execute();
}

for (const dialect of await activeDialects()) {
  test(`${dialect}: the dealer-CRM incident decides Japan's duties and records them with the law version`, async () => {
    const t = await freshStore(dialect);
    opened.push(t);
    await insertIncident(t.store, 'inc-1', { sector: 'auto_dealer' }, { JP: 21000, 'US-CA': 120 });
    const d = await decideForIncident(t.store, 'inc-1', 'analyst@example', laws());
    assert.equal(d.law_version, laws().version);
    assert.equal(d.scenario.role, 'controller');
    assert.equal(d.scenario.cause, 'unauthorized_access');
    assert.deepEqual(d.scenario.data, ['email', 'name', 'phone', 'postal_address', 'vehicle_purchase']);
    assert.ok(d.notes.some((n) => n.includes('not_a_category')));
    const final = d.obligations.find((o) => o.jurisdiction === 'JP' && o.deadline);
    assert.equal(final?.deadline, '2027-01-19T09:00:00+09:00');
    const rows = await t.store.db.selectFrom('decisions').selectAll().where('incident_id', '=', 'inc-1').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.kind, 'obligations');
    assert.equal(rows[0]?.actor, 'analyst@example');
    assert.equal(JSON.parse(rows[0]?.payload ?? '{}').law_version, laws().version);
  });

  test(`${dialect}: changing a fact and deciding again keeps both decisions; the latest wins`, async () => {
    const t = await freshStore(dialect);
    opened.push(t);
    await insertIncident(t.store, 'inc-2', { cause: 'misdelivery' }, { JP: 50 });
    const first = await decideForIncident(t.store, 'inc-2', 'a', laws());
    assert.ok(first.obligations.every((o) => o.required === false));
    await t.store.db
      .updateTable('incidents')
      .set({ facts: JSON.stringify({ cause: 'unauthorized_access' }) })
      .where('id', '=', 'inc-2')
      .execute();
    await decideForIncident(t.store, 'inc-2', 'a', laws());
    const latest = await latestObligations(t.store, 'inc-2');
    assert.ok(latest?.obligations.some((o) => o.required === true));
    const n = await t.store.db.selectFrom('decisions').select('id').where('kind', '=', 'obligations').execute();
    assert.equal(n.length, 2);
  });

  test(`${dialect}: an incident without scope, or unknown, is a clear error`, async () => {
    const t = await freshStore(dialect);
    opened.push(t);
    await t.store.db
      .insertInto('incidents')
      .values({ id: 'inc-3', title: 't', aware_at: '2026-11-20T09:00:00Z', vendor_id: null, status: 'open', facts: '{}', indicators: '{}', scope: null, created_at: 'x' })
      .execute();
    await assert.rejects(decideForIncident(t.store, 'inc-3', 'a', laws()), /no scope yet/);
    await assert.rejects(decideForIncident(t.store, 'nope', 'a', laws()), /no incident 'nope'/);
  });

  test(`${dialect}: an aware_at without offset is read as UTC and the decision says so`, async () => {
    const t = await freshStore(dialect);
    opened.push(t);
    await insertIncident(t.store, 'inc-4', {}, { DE: 2 });
    await t.store.db.updateTable('incidents').set({ aware_at: '2026-11-20T09:00:00' }).where('id', '=', 'inc-4').execute();
    const d = await decideForIncident(t.store, 'inc-4', 'a', laws());
    assert.equal(d.scenario.aware_at, '2026-11-20T09:00:00Z');
    assert.ok(d.notes.includes('aware_at had no UTC offset: read as UTC'));
    assert.ok(d.obligations.some((o) => o.deadline === '2026-11-23T09:00:00Z'));
  });

  test(`${dialect}: the deadline board lists open obligations soonest first, flags overdue, drops met ones`, async () => {
    const t = await freshStore(dialect);
    opened.push(t);
    await insertIncident(t.store, 'inc-a', {}, { JP: 21000, DE: 3 });
    await insertIncident(t.store, 'inc-b', {}, { KR: 10 });
    await insertIncident(t.store, 'inc-c', {}, { KR: 10 }, 'closed');
    for (const id of ['inc-a', 'inc-b', 'inc-c']) await decideForIncident(t.store, id, 'a', laws());
    const now = new Date('2026-11-23T12:00:00+09:00'); // 3 hours past the 72-hour limits (DE, KR)
    const board = await listOpenDeadlines(t.store, now);
    assert.ok(board.every((r) => r.incident !== 'inc-c'), 'closed incidents are off the board');
    assert.ok(board.every((r) => r.required !== false));
    const timed = board.filter((r) => r.time_left_ms !== null);
    for (let i = 1; i < timed.length; i += 1) assert.ok((timed[i - 1]?.time_left_ms ?? 0) <= (timed[i]?.time_left_ms ?? 0));
    assert.equal(board.findIndex((r) => r.time_left_ms === null) > timed.length - 1, true);
    const de = board.find((r) => r.jurisdiction === 'DE' && r.notify === 'regulator');
    assert.ok(de);
    assert.equal(de.overdue, true);
    assert.equal(de.time_left, 'overdue by 3h 0m');
    const jpFinal = board.find((r) => r.jurisdiction === 'JP' && r.deadline);
    assert.equal(jpFinal?.overdue, false);
    await markObligationMet(t.store, 'inc-a', obligationKey(de), 'a');
    const after = await listOpenDeadlines(t.store, now);
    assert.equal(after.some((r) => r.jurisdiction === 'DE' && r.notify === 'regulator'), false);
    assert.equal(after.length, board.length - 1);
  });
}
