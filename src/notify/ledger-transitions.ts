// State changes on the delivery ledger: claim a window of rows (queued or left `sending` by a
// killed run) as `sending`, then record each outcome. A claim is one transaction, so after a
// crash at most one window of rows is in doubt: that bounds the duplicates a rerun can send.
import type { Store } from '../store/open-store.ts';
import { ledgerDb, type NoticeChannel, type NoticeTable } from './ledger-store.ts';

/** Claims up to `limit` rows after `afterCustomer` that still need sending, in customer order. */
export async function claimWindow(store: Store, incidentId: string, channel: NoticeChannel, limit: number, afterCustomer: string): Promise<NoticeTable[]> {
  const db = ledgerDb(store);
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('notices')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('channel', '=', channel)
      .where('state', 'in', ['queued', 'sending'])
      .where('customer_id', '>', afterCustomer)
      .orderBy('customer_id')
      .limit(limit)
      .execute();
    if (rows.length === 0) return rows;
    const now = new Date().toISOString();
    await tx
      .updateTable('notices')
      .set({ state: 'sending', updated_at: now })
      .where('id', 'in', rows.map((r) => r.id))
      .execute();
    return rows.map((r) => ({ ...r, state: 'sending' }));
  });
}

export interface Outcome {
  id: string;
  state: 'sent' | 'failed' | 'queued';
  attempts: number;
  lastError: string | null;
  smtpResponse: string | null;
  messageId: string | null;
}

/** Records a batch of outcomes in one transaction. */
export async function recordOutcomes(store: Store, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const now = new Date().toISOString();
  await ledgerDb(store)
    .transaction()
    .execute(async (tx) => {
      for (const o of outcomes) {
        await tx
          .updateTable('notices')
          .set({ state: o.state, attempts: o.attempts, last_error: o.lastError, smtp_response: o.smtpResponse, message_id: o.messageId, updated_at: now })
          .where('id', '=', o.id)
          .execute();
      }
    });
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
