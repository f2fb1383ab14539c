// The deadline board (`warden deadlines`): every open obligation across open incidents, from
// each incident's latest obligations decision, soonest first, with time left and overdue
// flagged. An obligation is open while required (true or "assess") and not marked met.
import { z } from 'zod';
import type { Store } from '../store/open-store.ts';
import { obligationKey, ObligationSchema } from './obligation-schema.ts';
import { decisionsOf, listIncidentHeads, MET_KIND, OBLIGATIONS_KIND } from './obligations-store.ts';

export const DeadlineRowSchema = ObligationSchema.extend({
  incident: z.string(),
  title: z.string(),
  time_left_ms: z.number().nullable(),
  time_left: z.string(),
  overdue: z.boolean(),
});
export type DeadlineRow = z.infer<typeof DeadlineRowSchema>;

const CLOSED = new Set(['closed', 'resolved']);

export function formatTimeLeft(ms: number | null): string {
  if (ms === null) return 'no fixed deadline';
  const mins = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(mins / 1440);
  const h = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  const text = d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m`;
  return ms < 0 ? `overdue by ${text}` : text;
}

/** Soonest first; rows without a fixed deadline last (by incident, then jurisdiction). */
function compareRows(a: DeadlineRow, b: DeadlineRow): number {
  if (a.time_left_ms !== null && b.time_left_ms !== null) return a.time_left_ms - b.time_left_ms;
  if (a.time_left_ms !== null) return -1;
  if (b.time_left_ms !== null) return 1;
  return a.incident.localeCompare(b.incident) || a.jurisdiction.localeCompare(b.jurisdiction);
}

export async function listOpenDeadlines(store: Store, now: Date = new Date()): Promise<DeadlineRow[]> {
  const out: DeadlineRow[] = [];
  for (const inc of await listIncidentHeads(store)) {
    if (CLOSED.has(inc.status)) continue;
    const rows = await decisionsOf(store, inc.id, [OBLIGATIONS_KIND, MET_KIND]);
    const latest = rows.filter((r) => r.kind === OBLIGATIONS_KIND).at(-1);
    const parsed = z.object({ obligations: z.array(ObligationSchema) }).safeParse(latest?.payload);
    if (!parsed.success) continue;
    const met = new Set(
      rows.filter((r) => r.kind === MET_KIND).map((r) => String((r.payload as { key?: unknown }).key)),
    );
    for (const o of parsed.data.obligations) {
      if (o.required === false || met.has(obligationKey(o))) continue;
      const left = o.deadline ? Date.parse(o.deadline) - now.getTime() : null;
      out.push({
        ...o,
        incident: inc.id,
        title: inc.title,
        time_left_ms: left,
        time_left: formatTimeLeft(left),
        overdue: left !== null && left < 0,
      });
    }
  }
  return out.sort(compareRows);
}
