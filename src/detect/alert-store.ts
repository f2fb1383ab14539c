// The alerts repository: upserts alert candidates (merging into the alert of the same rule and
// group whose window they touch, else inserting under a stable id), lists and reads alerts, and
// links an alert to an incident. The only module that touches the `alerts` table.
import { z } from 'zod';
import type { Store } from '../store/open-store.ts';
import type { AlertTable } from '../store/schema.ts';
import { type AlertState, DEFAULT_MERGE_GAP_MS, mergeInto, touches } from './alert-merge.ts';

export const ALERT_STATUSES = ['new', 'acknowledged', 'incident', 'false_positive'] as const;

/** An alert as `warden alerts --json` and `GET /api/alerts` show it. */
export const AlertViewSchema = z.object({
  id: z.string(),
  rule: z.string(),
  title: z.string(),
  level: z.string(),
  correlation: z.string().nullable(),
  group: z.record(z.string(), z.unknown()),
  first: z.string(),
  last: z.string(),
  count: z.number().int(),
  evidence: z.array(z.string()),
  status: z.enum(ALERT_STATUSES),
  incident_id: z.string().nullable(),
  created_at: z.string(),
});
export type AlertView = z.infer<typeof AlertViewSchema>;

function toState(row: AlertTable): AlertState {
  return {
    id: row.id,
    rule: row.rule,
    title: row.title,
    level: row.level,
    correlation: row.correlation,
    group: JSON.parse(row.group_key) as Record<string, unknown>,
    groupKey: row.group_key,
    first: row.first,
    last: row.last,
    firstMs: Number(row.first_ms), // pg returns bigint as a string
    lastMs: Date.parse(row.last),
    count: Number(row.count),
    evidence: JSON.parse(row.evidence) as string[],
  };
}

export function toView(row: AlertTable): AlertView {
  const { groupKey: _key, firstMs: _first, lastMs: _last, ...shared } = toState(row);
  return { ...shared, status: row.status as AlertView['status'], incident_id: row.incident_id, created_at: row.created_at };
}

export interface UpsertResult {
  created: number;
  updated: number;
}

/** Upserts candidates (from coalesceHits) in one transaction. */
export async function upsertAlerts(
  store: Store,
  candidates: AlertState[],
  options: { gapMs?: number; now?: () => string } = {},
): Promise<UpsertResult> {
  const gapMs = options.gapMs ?? DEFAULT_MERGE_GAP_MS;
  const now = options.now ?? (() => new Date().toISOString());
  const result: UpsertResult = { created: 0, updated: 0 };
  if (candidates.length === 0) return result;
  await store.db.transaction().execute(async (trx) => {
    for (const c of candidates) {
      const rows = await trx
        .selectFrom('alerts')
        .selectAll()
        .where('rule', '=', c.rule)
        .where('group_key', '=', c.groupKey)
        .where('first_ms', '<=', c.lastMs + gapMs)
        .orderBy('first_ms', 'desc')
        .limit(8)
        .execute();
      const existing = rows.map(toState).find((a) => touches(a, c, gapMs));
      if (existing) {
        if (!mergeInto(existing, c)) continue;
        await trx
          .updateTable('alerts')
          .set({
            first: existing.first,
            last: existing.last,
            first_ms: existing.firstMs,
            count: existing.count,
            evidence: JSON.stringify(existing.evidence),
          })
          .where('id', '=', existing.id)
          .execute();
        result.updated++;
      } else {
        const inserted = await trx
          .insertInto('alerts')
          .values({
            id: c.id,
            rule: c.rule,
            title: c.title,
            level: c.level,
            correlation: c.correlation,
            group_key: c.groupKey,
            first: c.first,
            last: c.last,
            first_ms: c.firstMs,
            count: c.count,
            evidence: JSON.stringify(c.evidence),
            status: 'new',
            incident_id: null,
            created_at: now(),
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) result.created++;
      }
    }
  });
  return result;
}

export async function listAlerts(store: Store, filter: { status?: string } = {}): Promise<AlertView[]> {
  let q = store.db.selectFrom('alerts').selectAll();
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('first_ms', 'asc').orderBy('id', 'asc').execute();
  return rows.map(toView);
}

export async function getAlert(store: Store, id: string): Promise<AlertView | undefined> {
  const row = await store.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toView(row) : undefined;
}

export async function linkAlertToIncident(store: Store, id: string, incidentId: string): Promise<void> {
  await store.db.updateTable('alerts').set({ status: 'incident', incident_id: incidentId }).where('id', '=', id).execute();
}
