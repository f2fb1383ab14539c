// Scores a submitted assessment against its questionnaire snapshot and evidence, records the
// score and raises findings from failed answers. The CLI, the API and the demo all call this.
import { appendAudit } from '../audit/audit-log.ts';
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { getAssessment, recordScore } from './assessment-store.ts';
import { evidenceCounts, listEvidence } from './evidence-store.ts';
import { planFindings } from './findings-plan.ts';
import { createFindings } from './findings-store.ts';
import { type AssessmentScore, scoreAssessment } from './scoring.ts';

export async function scoreAndRecord(store: Store, assessmentId: string, actor: string, now = new Date()): Promise<{ score: AssessmentScore; findings_created: number }> {
  const a = await getAssessment(store, assessmentId);
  if (a.status !== 'submitted' && a.status !== 'scored') throw new WardenError('conflict', `assessment is ${a.status}: it can be scored once submitted`, 'assessment');
  const score = scoreAssessment(a.questionnaire, a.answers, evidenceCounts(await listEvidence(store, a.id)), now);
  await recordScore(store, a.id, score, now);
  const owner = a.contact_email ?? `${a.vendor_id} (vendor)`;
  const findings_created = await createFindings(store, a.vendor_id, a.id, planFindings(a.questionnaire, score, owner, now), now);
  await appendAudit(store, { actor, action: 'oversee.assessment.score', target: a.id, details: { score: score.score, findings_created } });
  return { score, findings_created };
}

/** Score per scored assessment, oldest first, with the change from the one before. */
export function trendOf(assessments: Array<{ id: string; submitted_at: string | null; created_at: string; score: AssessmentScore | null }>): Array<{ id: string; at: string; score: number; change: number | null }> {
  const scored = assessments.filter((a) => a.score !== null);
  return scored.map((a, i) => {
    const prev = i > 0 ? scored[i - 1]?.score?.score : undefined;
    const score = a.score?.score ?? 0;
    return { id: a.id, at: a.submitted_at ?? a.created_at, score, change: prev === undefined ? null : Math.round((score - prev) * 10) / 10 };
  });
}
