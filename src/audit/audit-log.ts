// Appends to and verifies the hash-chained audit trail in the store. Every login, change and
// view or export of personal data goes through `appendAudit`. Details never hold PII values,
// only ids and counts. A head record (last seq and hash, written in the same transaction)
// lets verification notice that the newest entries were deleted, which no chain link shows.
import { type Kysely, sql } from 'kysely';
import type { Store } from '../store/open-store.ts';
import { type AuditEntry, type ChainBreak, GENESIS_HASH, hashAuditEntry, verifyChain } from './audit-chain.ts';

interface HeadDb {
  audit_head: { id: string; seq: number; hash: string };
}
const headDb = (db: unknown) => db as Kysely<HeadDb>;

export interface AuditInput {
  actor: string;
  action: string;
  target: string;
  details?: Record<string, unknown>;
}

export async function appendAudit(store: Store, input: AuditInput): Promise<AuditEntry> {
  return store.db.transaction().execute(async (tx) => {
    if (store.dialect === 'postgres') {
      // Serialise writers so the chain has no forks.
      await sql`select pg_advisory_xact_lock(7212027)`.execute(tx);
    }
    const last = await tx.selectFrom('audit').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const base = {
      seq: (last ? Number(last.seq) : 0) + 1,
      at: new Date().toISOString(),
      actor: input.actor,
      action: input.action,
      target: input.target,
      details: JSON.stringify(input.details ?? {}),
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const entry: AuditEntry = { ...base, hash: hashAuditEntry(base) };
    await tx.insertInto('audit').values(entry).execute();
    const head = { id: 'head', seq: entry.seq, hash: entry.hash };
    await headDb(tx)
      .insertInto('audit_head')
      .values(head)
      .onConflict((oc) => oc.column('id').doUpdateSet({ seq: entry.seq, hash: entry.hash }))
      .execute();
    return entry;
  });
}

export async function verifyAuditTrail(store: Store): Promise<{ entries: number; break?: ChainBreak }> {
  let prev = GENESIS_HASH;
  let expected = 1;
  let count = 0;
  let last: AuditEntry | undefined;
  const page = 5000;
  for (;;) {
    const rows = await store.db
      .selectFrom('audit')
      .selectAll()
      .where('seq', '>=', expected)
      .orderBy('seq')
      .limit(page)
      .execute();
    const entries = rows.map((r) => ({ ...r, seq: Number(r.seq) }));
    const broken = verifyChain(entries, prev, expected);
    if (broken) return { entries: count, break: broken };
    count += entries.length;
    last = entries.at(-1) ?? last;
    if (entries.length < page) break;
    const lastEntry = entries[entries.length - 1]!;
    prev = lastEntry.hash;
    expected = lastEntry.seq + 1;
  }
  const head = await headDb(store.db).selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 'head').executeTakeFirst();
  const headProblem = checkHead(last, head ? { seq: Number(head.seq), hash: head.hash } : undefined);
  return headProblem ? { entries: count, break: headProblem } : { entries: count };
}

/** The chain's last entry must be the one the head record names. */
function checkHead(last: AuditEntry | undefined, head: { seq: number; hash: string } | undefined): ChainBreak | undefined {
  if (!head) return last ? { seq: last.seq, problem: 'the head record is missing' } : undefined;
  if (!last || last.seq < head.seq) return { seq: head.seq, problem: `entries up to ${head.seq} are missing: the newest entries were deleted` };
  if (last.seq !== head.seq || last.hash !== head.hash) return { seq: last.seq, problem: 'the newest entry does not match the head record' };
  return undefined;
}

export async function listAudit(store: Store, limit = 200, beforeSeq?: number): Promise<AuditEntry[]> {
  let q = store.db.selectFrom('audit').selectAll().orderBy('seq', 'desc').limit(limit);
  if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
  return (await q.execute()).map((r) => ({ ...r, seq: Number(r.seq) }));
}
