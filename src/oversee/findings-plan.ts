// Which findings a scored assessment raises: one per failed, partly met or unanswered weighted
// question, with a due date by severity and the vendor contact as default owner. Pure.
import type { AssessmentScore } from './scoring.ts';
import type { Questionnaire, Severity } from './questionnaire-model.ts';

export const FINDING_STATUSES = ['open', 'in_progress', 'closed', 'risk_accepted'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const DUE_DAYS: Record<Severity, number> = { critical: 30, high: 60, medium: 90, low: 180 };

export interface FindingDraft {
  question_id: string;
  title: string;
  severity: Severity;
  controls: string[];
  owner: string;
  due_at: string;
  detail: string;
}

export function planFindings(questionnaire: Pick<Questionnaire, 'questions'>, score: AssessmentScore, owner: string, now: Date): FindingDraft[] {
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  return score.items
    .filter((i) => i.weight > 0 && (i.status === 'fail' || i.status === 'partial' || i.status === 'unanswered'))
    .map((i) => {
      const q = byId.get(i.id);
      const title = i.status === 'unanswered' ? `No answer: ${i.text}` : (q?.finding ?? `Control gap: ${i.text}`);
      return {
        question_id: i.id,
        title: title.slice(0, 300),
        severity: i.severity,
        controls: i.controls,
        owner,
        due_at: new Date(now.getTime() + DUE_DAYS[i.severity] * 86_400_000).toISOString(),
        detail: `${i.status}: ${i.reason}`,
      };
    });
}
