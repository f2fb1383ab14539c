// Vendor reviews: a record per review with decision (continue / remediate / exit), approver and
// the risk picture at that moment; the next review falls one tier cadence later. Also
// `upcomingReviews`, the rows the deadline board shows.
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit-log.ts';
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { odb } from './oversee-db.ts';
import { nextReviewDue, REVIEW_DECISIONS } from './review-cadence.ts';
import { listVendorTiers, vendorTier } from './tier-store.ts';
import { vendorRisk } from './vendor-risk.ts';

export interface ReviewRecord {
  id: string;
  vendor_id: string;
  at: string;
  tier: string;
  decision: string;
  approver: string;
  notes: string;
  residual: number | null;
}

export async function recordReview(store: Store, input: { vendor_id: string; decision: string; approver: string; notes?: string; at?: string }, actor: string): Promise<ReviewRecord> {
  if (!(REVIEW_DECISIONS as readonly string[]).includes(input.decision)) throw new WardenError('bad_input', `decision must be one of ${REVIEW_DECISIONS.join(', ')}`, 'decision');
  if (!input.approver.trim()) throw new WardenError('bad_input', 'a review needs an approver', 'approver');
  const at = input.at ?? new Date().toISOString();
  const risk = await vendorRisk(store, input.vendor_id, new Date(at));
  const rec: ReviewRecord = { id: `rv-${randomUUID().slice(0, 8)}`, vendor_id: input.vendor_id, at, tier: risk.tier.tier, decision: input.decision, approver: input.approver.trim(), notes: input.notes ?? '', residual: risk.residual.residual };
  const { residual, ...row } = rec;
  await odb(store).insertInto('oversee_reviews').values({ ...row, risk: JSON.stringify({ residual, lines: risk.residual.lines }) }).execute();
  await appendAudit(store, { actor, action: 'oversee.review.record', target: input.vendor_id, details: { decision: input.decision, review: rec.id } });
  return rec;
}

export async function listReviews(store: Store, vendorId?: string): Promise<ReviewRecord[]> {
  let q = odb(store).selectFrom('oversee_reviews').selectAll();
  if (vendorId) q = q.where('vendor_id', '=', vendorId);
  const rows = await q.orderBy('at').execute();
  return rows.map(({ risk, ...r }) => ({ ...r, residual: (JSON.parse(risk) as { residual?: number }).residual ?? null }));
}

export interface UpcomingReview {
  kind: 'vendor_review';
  vendor_id: string;
  vendor_name: string;
  tier: string;
  due_at: string;
  time_left_ms: number;
  overdue: boolean;
  last_review: { at: string; decision: string; approver: string } | null;
  reason: string;
}

/** Every vendor's next review, soonest first — the deadline board's vendor-review rows. */
export async function upcomingReviews(store: Store, now: Date = new Date()): Promise<UpcomingReview[]> {
  const reviews = await listReviews(store);
  const out: UpcomingReview[] = [];
  for (const t of await listVendorTiers(store)) {
    const last = reviews.filter((r) => r.vendor_id === t.vendor_id).at(-1) ?? null;
    const next = nextReviewDue(t.tier, last?.at ?? null, now);
    const left = Date.parse(next.due_at) - now.getTime();
    out.push({
      kind: 'vendor_review', vendor_id: t.vendor_id, vendor_name: t.vendor_name, tier: t.tier, due_at: next.due_at, time_left_ms: left, overdue: left < 0,
      last_review: last ? { at: last.at, decision: last.decision, approver: last.approver } : null, reason: next.reason,
    });
  }
  return out.sort((a, b) => a.time_left_ms - b.time_left_ms || a.vendor_id.localeCompare(b.vendor_id));
}

export { vendorTier };
