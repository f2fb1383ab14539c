// State changes on the delivery ledger: claim a window of rows (queued or left `sending` by a
// killed run) as `sending`; outcomes are recorded by ledger-outcomes.ts. A claim is one
// statement, so after a crash at most the claimed windows are in doubt: that bounds the
// duplicates a rerun can send.
import type { Store } from '../store/open-store.ts';
import { ledgerDb, type NoticeChannel, type NoticeTable } from './ledger-store.ts';
import { executeCached } from './prepared-query.ts';

/** What a sender needs of a claimed row. */
export type ClaimedNotice = Pick<NoticeTable, 'id' | 'customer_id' | 'attempts' | 'state'>;

/** Claims up to `limit` rows after `afterCustomer` that still need sending, in customer order. */
export async function claimWindow(store: Store, incidentId: string, channel: NoticeChannel, limit: number, afterCustomer: string): Promise<ClaimedNotice[]> {
  const query = ledgerDb(store)
    .updateTable('notices')
    .set({ state: 'sending', updated_at: new Date().toISOString() })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notices')
        .select('id')
        .where('incident_id', '=', incidentId)
        .where('channel', '=', channel)
        .where('state', 'in', ['queued', 'sending'])
        .where('customer_id', '>', afterCustomer)
        .orderBy('customer_id')
        .limit(limit),
    )
    .returning(['id', 'customer_id', 'attempts', 'state']);
  const rows = await executeCached(store, query);
  // RETURNING promises no order.
  return rows.sort((a, b) => (a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0));
}

/** Marks one notice bounced (only a sent or sending email can bounce). Returns whether it changed. */
export async function markBounced(store: Store, id: string, reason: string): Promise<boolean> {
  const res = await ledgerDb(store)
    .updateTable('notices')
    .set({ state: 'bounced', last_error: reason, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('state', 'in', ['sent', 'sending'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Sets rows to one state (letters rendered, for instance). */
export async function setState(store: Store, ids: string[], state: 'sent' | 'queued', note: string | null): Promise<void> {
  const db = ledgerDb(store);
  const now = new Date().toISOString();
  for (let i = 0; i < ids.length; i += 500) {
    await db.updateTable('notices').set({ state, smtp_response: note, updated_at: now }).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}
