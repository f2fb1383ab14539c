// Assessments: created for a vendor from a questionnaire snapshot, answered as drafts, submitted
// once, then scored. The only module that writes `oversee_assessments`. Answers are validated
// against the snapshot: unknown questions or options are rejected with the question named.
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit-log.ts';
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { odb, type OverseeTables } from './oversee-db.ts';
import { type Answers, AnswersSchema, optionsOf, type Questionnaire, QuestionnaireSchema } from './questionnaire-model.ts';
import type { AssessmentScore } from './scoring.ts';
import { endPortalSessions } from './token-links.ts';

export type AssessmentStatus = 'sent' | 'in_progress' | 'submitted' | 'scored';

export interface Assessment {
  id: string;
  vendor_id: string;
  title: string;
  questionnaire: Questionnaire;
  status: AssessmentStatus;
  contact_email: string | null;
  due_at: string;
  answers: Answers;
  score: AssessmentScore | null;
  created_at: string;
  created_by: string;
  submitted_at: string | null;
  scored_at: string | null;
}

function toAssessment(r: OverseeTables['oversee_assessments']): Assessment {
  return {
    ...r,
    status: r.status as AssessmentStatus,
    questionnaire: QuestionnaireSchema.parse(JSON.parse(r.questionnaire)),
    answers: AnswersSchema.parse(JSON.parse(r.answers)),
    score: r.score ? (JSON.parse(r.score) as AssessmentScore) : null,
  };
}

export interface NewAssessment {
  vendor_id: string;
  questionnaire: Questionnaire;
  due_at: string;
  contact_email?: string;
  title?: string;
  created_at?: string;
}

export async function createAssessment(store: Store, input: NewAssessment, actor: string): Promise<Assessment> {
  if (Number.isNaN(Date.parse(input.due_at))) throw new WardenError('bad_input', 'due must be an ISO date', 'due_at');
  const vendor = await store.db.selectFrom('vendors').select('id').where('id', '=', input.vendor_id).executeTakeFirst();
  if (!vendor) throw new WardenError('not_found', `no vendor '${input.vendor_id}'`, 'vendor');
  const created = input.created_at ?? new Date().toISOString();
  const row = {
    id: `as-${randomUUID().slice(0, 8)}`,
    vendor_id: input.vendor_id,
    title: input.title ?? `${input.questionnaire.name} (${created.slice(0, 10)})`,
    questionnaire: JSON.stringify(input.questionnaire),
    status: 'sent',
    contact_email: input.contact_email ?? null,
    due_at: new Date(input.due_at).toISOString(),
    answers: '{}',
    score: null,
    created_at: created,
    created_by: actor,
    submitted_at: null,
    scored_at: null,
  };
  await odb(store).insertInto('oversee_assessments').values(row).execute();
  await appendAudit(store, { actor, action: 'oversee.assessment.create', target: row.id, details: { vendor: input.vendor_id, questionnaire: input.questionnaire.id } });
  return toAssessment(row);
}

export async function getAssessment(store: Store, id: string): Promise<Assessment> {
  const r = await odb(store).selectFrom('oversee_assessments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new WardenError('not_found', `no assessment '${id}'`, 'assessment');
  return toAssessment(r);
}

export async function listAssessments(store: Store, filter: { vendor_id?: string } = {}): Promise<Assessment[]> {
  let q = odb(store).selectFrom('oversee_assessments').selectAll();
  if (filter.vendor_id) q = q.where('vendor_id', '=', filter.vendor_id);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(toAssessment);
}

/** Keeps only answers to known questions with known options; the first bad one is an error. */
export function validateAnswers(questionnaire: Questionnaire, answers: Answers): Answers {
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) throw new WardenError('bad_input', 'no such question', `answers.${id}`);
    if (q.type === 'file') continue;
    const values = Array.isArray(value) ? value : [value];
    if (q.type !== 'multi_choice' && Array.isArray(value)) throw new WardenError('bad_input', 'expects one answer', `answers.${id}`);
    const opts = optionsOf(q).map((o) => o.id);
    if (opts.length) {
      const bad = values.find((v) => v !== '' && !opts.includes(v));
      if (bad !== undefined) throw new WardenError('bad_input', `unknown option '${bad.slice(0, 40)}'`, `answers.${id}`);
    }
    if (q.type === 'date' && values[0] && Number.isNaN(Date.parse(values[0]))) throw new WardenError('bad_input', 'not a date (YYYY-MM-DD)', `answers.${id}`);
    out[id] = q.type === 'multi_choice' ? values.filter((v) => v !== '') : (values[0] ?? '');
  }
  return out;
}

/** Merges a draft into the stored answers; refused once submitted. */
export async function saveAnswers(store: Store, id: string, answers: Answers): Promise<Assessment> {
  const a = await getAssessment(store, id);
  if (a.status === 'submitted' || a.status === 'scored') throw new WardenError('conflict', 'the assessment was already submitted', 'assessment');
  const merged = { ...a.answers, ...validateAnswers(a.questionnaire, answers) };
  await odb(store).updateTable('oversee_assessments').set({ answers: JSON.stringify(merged), status: 'in_progress' }).where('id', '=', id).execute();
  return { ...a, answers: merged, status: 'in_progress' };
}

export async function submitAssessment(store: Store, id: string, actor: string, now = new Date()): Promise<Assessment> {
  const a = await getAssessment(store, id);
  if (a.status === 'submitted' || a.status === 'scored') throw new WardenError('conflict', 'the assessment was already submitted', 'assessment');
  const at = now.toISOString();
  await odb(store).updateTable('oversee_assessments').set({ status: 'submitted', submitted_at: at }).where('id', '=', id).execute();
  // Once submitted, every link and portal session for it stops working.
  await endPortalSessions(store, id, now);
  await appendAudit(store, { actor, action: 'oversee.assessment.submit', target: id, details: { vendor: a.vendor_id } });
  return { ...a, status: 'submitted', submitted_at: at };
}

export async function recordScore(store: Store, id: string, score: AssessmentScore, now = new Date()): Promise<void> {
  await odb(store)
    .updateTable('oversee_assessments')
    .set({ score: JSON.stringify(score), status: 'scored', scored_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}
