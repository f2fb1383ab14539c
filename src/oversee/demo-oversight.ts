// The demo's oversight story: the dealer-CRM vendor's baseline assessment, answered at least 30
// days before its first incident began, already showed shared support accounts, no MFA for vendor
// staff and no export limits; its findings are still open (now overdue) and the incident's SLA
// breach raises its risk further.
import { listIncidents } from '../incidents/incident-store.ts';
import type { Store } from '../store/open-store.ts';
import { listAssessments, saveAnswers, submitAssessment } from './assessment-store.ts';
import { addEvidence } from './evidence-store.ts';
import type { Answers, Question } from './questionnaire-model.ts';
import { odb } from './oversee-db.ts';
import { scoreAndRecord } from './score-assessment.ts';
import { startAssessment } from './start-assessment.ts';

export const DEMO_VENDOR = 'crm-vendor';
const DAY = 86_400_000;
const ACTOR = 'demo';

/** The answers that revealed the weaknesses the attack used (question ids without prefix). */
export const DEMO_WEAK_ANSWERS: Record<string, Answers[string]> = {
  'ac-2-named-accounts': 'no',
  'ac-2-shared-detail': 'The support desk shares eight support-NN logins across shifts.',
  'ia-2-mfa': 'no',
  'sc-7-export-limits': 'no',
  'ac-2-review': 'yearly',
  'au-11-retention': '90d-1y',
  'sr-8-notice': 'within-72h',
};

function passingAnswer(q: Question, now: Date): Answers[string] | undefined {
  const eq = q.expect?.equals;
  const first = Array.isArray(eq) ? eq[0] : eq;
  switch (q.type) {
    case 'yes_no':
      return first ?? 'yes';
    case 'choice':
      return first ?? q.options?.[0]?.id;
    case 'multi_choice':
      return q.expect?.includes_all ?? q.options?.map((o) => o.id);
    case 'date':
      return new Date(now.getTime() - 120 * DAY).toISOString().slice(0, 10);
    case 'text':
      return 'Described in the attached documentation; available on request.';
    default:
      return undefined;
  }
}

export async function seedDemoOversight(store: Store, now: Date = new Date()): Promise<{ assessment_id: string; score: number; findings: number } | null> {
  const vendor = await store.db.selectFrom('vendors').select('id').where('id', '=', DEMO_VENDOR).executeTakeFirst();
  if (!vendor) return null;
  const existing = (await listAssessments(store, { vendor_id: DEMO_VENDOR })).find((a) => a.title.startsWith('Baseline'));
  if (existing) return { assessment_id: existing.id, score: existing.score?.score ?? 0, findings: 0 };
  // The baseline predates the vendor's earliest incident, so it is what oversight knew beforehand.
  const firstIncident = (await listIncidents(store))
    .filter((i) => i.vendor_id === DEMO_VENDOR)
    .map((i) => Date.parse(i.facts.began_at ?? i.aware_at))
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => a - b)[0];
  const submittedMs = Math.min(now.getTime() - 75 * DAY, (firstIncident ?? Number.POSITIVE_INFINITY) - 30 * DAY);
  const submitted = new Date(submittedMs);
  const created = new Date(submittedMs - 15 * DAY);
  const { assessment } = await startAssessment(store, DEMO_VENDOR, { now: created, due_at: new Date(created.getTime() + 21 * DAY).toISOString() }, ACTOR);
  await odb(store).updateTable('oversee_assessments').set({ title: `Baseline assessment ${created.toISOString().slice(0, 10)}` }).where('id', '=', assessment.id).execute();
  const answers: Answers = {};
  for (const q of assessment.questionnaire.questions) {
    const bare = q.id.slice(q.id.indexOf('.') + 1);
    const v = DEMO_WEAK_ANSWERS[bare] ?? passingAnswer(q, created);
    if (v !== undefined) answers[q.id] = v;
  }
  await saveAnswers(store, assessment.id, answers);
  const policyQ = assessment.questionnaire.questions.find((q) => q.id.endsWith('scrm-program-doc'));
  if (policyQ) await addEvidence(store, assessment.id, policyQ.id, 'scrm-policy-summary.txt', Buffer.from('Supplier risk policy summary (demo).\n'));
  await submitAssessment(store, assessment.id, 'vendor:security@crm-vendor.example', submitted);
  const { score, findings_created } = await scoreAndRecord(store, assessment.id, ACTOR, submitted);
  const lastReview = new Date(submittedMs - 125 * DAY).toISOString();
  await odb(store)
    .insertInto('oversee_reviews')
    .values({ id: 'rv-demo-prev', vendor_id: DEMO_VENDOR, at: lastReview, tier: 'critical', decision: 'continue', approver: 'head of procurement', notes: 'annual renewal', risk: JSON.stringify({ residual: null, lines: [] }) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return { assessment_id: assessment.id, score: score.score, findings: findings_created };
}
