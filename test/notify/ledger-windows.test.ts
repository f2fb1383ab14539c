// The ledger's send path on every database: a claim takes the next rows still to send in
// customer order and marks them `sending`; a window's outcomes (more than one statement's worth
// on PostgreSQL) land as given, and sent or failed rows are never claimed again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertDrafts, listNotices } from '../../src/notify/ledger-store.ts';
import { type Outcome, recordOutcomes } from '../../src/notify/ledger-outcomes.ts';
import { claimWindow } from '../../src/notify/ledger-transitions.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';

const ids = Array.from({ length: 1200 }, (_, i) => `K${String(i).padStart(5, '0')}`);

for (const dialect of await activeDialects()) {
  describe(`ledger windows on ${dialect}`, () => {
    let t: TestStore;
    before(async () => {
      t = await freshStore(dialect);
      // Inserted out of order: the claim must order by customer, not by insertion.
      await insertDrafts(
        t.store,
        [...ids]
          .reverse()
          .map((customerId) => ({
            incidentId: 'inc-w',
            customerId,
            channel: 'sms' as const,
            locale: 'ja',
          })),
      );
    });
    after(async () => t.drop());

    test('a claim takes the next rows in customer order and marks them sending', async () => {
      const rows = await claimWindow(t.store, 'inc-w', 'sms', 700, '');
      assert.deepEqual(
        rows.map((r) => r.customer_id),
        ids.slice(0, 700),
      );
      assert.ok(rows.every((r) => r.state === 'sending'));
      const next = await claimWindow(t.store, 'inc-w', 'sms', 700, rows.at(-1)?.customer_id ?? '');
      assert.deepEqual(
        next.map((r) => r.customer_id),
        ids.slice(700),
      );
      assert.deepEqual(
        await claimWindow(t.store, 'inc-w', 'email', 10, ''),
        [],
        'other channels are not claimed',
      );
    });

    test('a window of 1,200 outcomes is recorded as given; only the requeued rows are claimable again', async () => {
      const rows = await listNotices(t.store, 'inc-w', { channel: 'sms' });
      const outcomes: Outcome[] = rows.map((r, i) => ({
        id: r.id,
        state: i % 3 === 0 ? 'sent' : i % 3 === 1 ? 'failed' : 'queued',
        attempts: i % 5,
        lastError: i % 3 === 0 ? null : `error ${i}`,
        smtpResponse: i % 3 === 0 ? `202 {"id":"${i}"}` : null,
        messageId: null,
      }));
      await recordOutcomes(t.store, outcomes);
      const after = new Map(
        (await listNotices(t.store, 'inc-w', { channel: 'sms' })).map((r) => [r.id, r]),
      );
      for (const o of outcomes) {
        const r = after.get(o.id);
        assert.deepEqual(
          [r?.state, r?.attempts, r?.last_error, r?.smtp_response],
          [o.state, o.attempts, o.lastError, o.smtpResponse],
        );
      }
      const again = await claimWindow(t.store, 'inc-w', 'sms', 2000, '');
      assert.equal(again.length, outcomes.filter((o) => o.state === 'queued').length);
    });
  });
}
