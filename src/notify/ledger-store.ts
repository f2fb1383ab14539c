// The delivery ledger's repository: the only module that touches the `notices` table.
// Rows are keyed by an idempotency key derived from (incident, customer, channel), so drafting
// twice creates nothing new and a resumed send picks up exactly what is not yet sent.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Store } from '../store/open-store.ts';
import type { Database } from '../store/schema.ts';

export type NoticeChannel = 'email' | 'letter' | 'sms';
export type NoticeState = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced';

export interface NoticeTable {
  id: string;
  incident_id: string;
  customer_id: string;
  channel: string;
  locale: string;
  state: string;
  attempts: number;
  last_error: string | null;
  smtp_response: string | null;
  message_id: string | null;
  created_at: string;
  updated_at: string;
}

type LedgerDb = Kysely<Database & { notices: NoticeTable }>;

export function ledgerDb(store: Store): LedgerDb {
  return store.db.withTables<{ notices: NoticeTable }>();
}

export function idempotencyKey(incidentId: string, customerId: string, channel: NoticeChannel): string {
  return createHash('sha256').update(`${incidentId}\u0000${customerId}\u0000${channel}`).digest('hex').slice(0, 32);
}

export interface DraftRow {
  incidentId: string;
  customerId: string;
  channel: NoticeChannel;
  locale: string;
}

/** Inserts queued rows; rows that already exist (same key) are left as they are. Returns how many were new. */
export async function insertDrafts(store: Store, rows: DraftRow[]): Promise<number> {
  const db = ledgerDb(store);
  const now = new Date().toISOString();
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => ({
      id: idempotencyKey(r.incidentId, r.customerId, r.channel),
      incident_id: r.incidentId,
      customer_id: r.customerId,
      channel: r.channel,
      locale: r.locale,
      state: 'queued',
      attempts: 0,
      last_error: null,
      smtp_response: null,
      message_id: null,
      created_at: now,
      updated_at: now,
    }));
    const res = await db.insertInto('notices').values(values).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

export type NoticeCounts = { queued: number; sent: number; failed: number; bounced: number };

/** Counts by state; rows caught `sending` (a run in progress or killed) count as queued. */
export async function countNotices(store: Store, incidentId: string, channel?: NoticeChannel): Promise<NoticeCounts & { by_channel: Record<string, NoticeCounts> }> {
  let q = ledgerDb(store)
    .selectFrom('notices')
    .select((eb) => ['channel', 'state', eb.fn.countAll<number>().as('n')])
    .where('incident_id', '=', incidentId)
    .groupBy(['channel', 'state']);
  if (channel) q = q.where('channel', '=', channel);
  const total: NoticeCounts = { queued: 0, sent: 0, failed: 0, bounced: 0 };
  const byChannel: Record<string, NoticeCounts> = {};
  for (const r of await q.execute()) {
    const key = (r.state === 'sending' ? 'queued' : r.state) as keyof NoticeCounts;
    if (!(key in total)) continue;
    const c = byChannel[r.channel] ?? { queued: 0, sent: 0, failed: 0, bounced: 0 };
    byChannel[r.channel] = c;
    c[key] += Number(r.n);
    total[key] += Number(r.n);
  }
  return { ...total, by_channel: byChannel };
}

export async function getNotice(store: Store, id: string): Promise<NoticeTable | undefined> {
  return ledgerDb(store).selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findNoticeByMessageId(store: Store, messageId: string): Promise<NoticeTable | undefined> {
  return ledgerDb(store).selectFrom('notices').selectAll().where('message_id', '=', messageId).executeTakeFirst();
}

export async function listNotices(store: Store, incidentId: string, filter: { channel?: NoticeChannel; states?: NoticeState[]; customerId?: string } = {}): Promise<NoticeTable[]> {
  let q = ledgerDb(store).selectFrom('notices').selectAll().where('incident_id', '=', incidentId).orderBy('customer_id');
  if (filter.channel) q = q.where('channel', '=', filter.channel);
  if (filter.states) q = q.where('state', 'in', filter.states);
  if (filter.customerId) q = q.where('customer_id', '=', filter.customerId);
  return q.execute();
}
