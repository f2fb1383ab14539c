// Findings: created from a scored assessment's failed answers (one per question, idempotent),
// then worked by analysts: owner, due date and status change, each change audited.
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit-log.ts';
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { FINDING_STATUSES, type FindingDraft, type FindingStatus } from './findings-plan.ts';
import { odb, type OverseeTables } from './oversee-db.ts';

export interface Finding extends Omit<OverseeTables['oversee_findings'], 'controls' | 'status'> {
  controls: string[];
  status: FindingStatus;
}

const toFinding = (r: OverseeTables['oversee_findings']): Finding => ({ ...r, controls: JSON.parse(r.controls) as string[], status: r.status as FindingStatus });

export async function createFindings(store: Store, vendorId: string, assessmentId: string, drafts: FindingDraft[], now = new Date()): Promise<number> {
  let created = 0;
  const at = now.toISOString();
  for (const d of drafts) {
    const res = await odb(store)
      .insertInto('oversee_findings')
      .values({ id: `fi-${randomUUID().slice(0, 8)}`, vendor_id: vendorId, assessment_id: assessmentId, question_id: d.question_id, title: d.title, severity: d.severity, controls: JSON.stringify(d.controls), owner: d.owner, due_at: d.due_at, status: 'open', detail: d.detail, created_at: at, updated_at: at })
      .onConflict((oc) => oc.columns(['assessment_id', 'question_id']).doNothing())
      .executeTakeFirst();
    created += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return created;
}

export async function listFindings(store: Store, filter: { vendor_id?: string; status?: string; assessment_id?: string } = {}): Promise<Finding[]> {
  let q = odb(store).selectFrom('oversee_findings').selectAll();
  if (filter.vendor_id) q = q.where('vendor_id', '=', filter.vendor_id);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.assessment_id) q = q.where('assessment_id', '=', filter.assessment_id);
  return (await q.orderBy('due_at').orderBy('id').execute()).map(toFinding);
}

export async function updateFinding(store: Store, id: string, changes: { status?: string; owner?: string; due_at?: string }, actor: string): Promise<Finding> {
  const db = odb(store);
  const r = await db.selectFrom('oversee_findings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new WardenError('not_found', `no finding '${id}'`, 'finding');
  if (changes.status !== undefined && !(FINDING_STATUSES as readonly string[]).includes(changes.status)) {
    throw new WardenError('bad_input', `status must be one of ${FINDING_STATUSES.join(', ')}`, 'status');
  }
  if (changes.due_at !== undefined && Number.isNaN(Date.parse(changes.due_at))) throw new WardenError('bad_input', 'must be an ISO date', 'due');
  if (changes.owner !== undefined && !changes.owner.trim()) throw new WardenError('bad_input', 'owner must not be empty', 'owner');
  const set = {
    ...(changes.status !== undefined ? { status: changes.status } : {}),
    ...(changes.owner !== undefined ? { owner: changes.owner.trim() } : {}),
    ...(changes.due_at !== undefined ? { due_at: new Date(changes.due_at).toISOString() } : {}),
    updated_at: new Date().toISOString(),
  };
  await db.updateTable('oversee_findings').set(set).where('id', '=', id).execute();
  await appendAudit(store, { actor, action: 'oversee.finding.update', target: id, details: { fields: Object.keys(set).filter((k) => k !== 'updated_at'), status: changes.status ?? null } });
  return toFinding({ ...r, ...set });
}
