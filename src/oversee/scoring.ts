// Scores an assessment: each visible question earns its weight when its answer passes, part of it
// for a partly met multi-choice, nothing when failed or unanswered (unanswered counts against).
// Also the per-control gaps. Pure: answers, evidence counts and `now` come in, numbers go out.
import { isAnswered, visibleQuestions } from './question-conditions.ts';
import type { Answers, Question, Questionnaire, Severity } from './questionnaire-model.ts';

export type ItemStatus = 'pass' | 'partial' | 'fail' | 'unanswered' | 'info';

export interface ScoredItem {
  id: string;
  text: string;
  status: ItemStatus;
  weight: number;
  earned: number;
  severity: Severity;
  controls: string[];
  reason: string;
}

export interface ControlGap {
  control: string;
  possible: number;
  earned: number;
  gap: number;
  failing: string[];
}

export interface AssessmentScore {
  score: number; // 0-100, share of the possible weight earned
  earned: number;
  possible: number;
  answered: number;
  unanswered: number;
  visible: number;
  items: ScoredItem[];
  controls: ControlGap[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function judge(q: Question, value: Answers[string] | undefined, evidence: number, now: Date): { status: ItemStatus; share: number; reason: string } {
  if (q.type === 'file') {
    return evidence > 0 ? { status: 'pass', share: 1, reason: `${evidence} evidence file(s)` } : { status: 'unanswered', share: 0, reason: 'no evidence uploaded' };
  }
  if (!isAnswered(value) || value === undefined) return { status: 'unanswered', share: 0, reason: 'not answered' };
  const values = Array.isArray(value) ? value : [value];
  const ex = q.expect ?? {};
  if (q.type === 'multi_choice' && ex.includes_all) {
    const met = ex.includes_all.filter((x) => values.includes(x)).length;
    const share = met / ex.includes_all.length;
    const status = share === 1 ? 'pass' : share === 0 ? 'fail' : 'partial';
    return { status, share, reason: `${met} of ${ex.includes_all.length} expected practices` };
  }
  if (q.type === 'date') {
    const t = Date.parse(values[0] ?? '');
    if (Number.isNaN(t)) return { status: 'fail', share: 0, reason: 'not a date' };
    if (ex.max_age_days !== undefined && now.getTime() - t > ex.max_age_days * 86_400_000) {
      return { status: 'fail', share: 0, reason: `older than ${ex.max_age_days} days` };
    }
    return { status: 'pass', share: 1, reason: 'dated within limits' };
  }
  if (q.type === 'text') {
    const len = (values[0] ?? '').trim().length;
    const min = ex.min_length ?? 1;
    return len >= min ? { status: 'pass', share: 1, reason: 'answered' } : { status: 'fail', share: 0, reason: `shorter than ${min} characters` };
  }
  const wanted = ex.equals === undefined ? (q.type === 'yes_no' ? ['yes'] : null) : Array.isArray(ex.equals) ? ex.equals : [ex.equals];
  if (wanted === null) return { status: 'pass', share: 1, reason: 'answered' };
  const ok = values.some((v) => wanted.includes(v));
  return ok ? { status: 'pass', share: 1, reason: `answered ${values.join(', ')}` } : { status: 'fail', share: 0, reason: `answered ${values.join(', ')}; expected ${wanted.join(' or ')}` };
}

export function scoreAssessment(
  questionnaire: Pick<Questionnaire, 'questions'>,
  answers: Answers,
  evidenceCounts: Record<string, number>,
  now: Date,
): AssessmentScore {
  const shown = visibleQuestions(questionnaire.questions, answers);
  const items: ScoredItem[] = shown.map((q) => {
    const j = judge(q, answers[q.id], evidenceCounts[q.id] ?? 0, now);
    const status: ItemStatus = q.weight === 0 && j.status !== 'unanswered' ? 'info' : j.status;
    return { id: q.id, text: q.text, status, weight: q.weight, earned: round1(q.weight * j.share), severity: q.severity, controls: q.controls, reason: j.reason };
  });
  const possible = items.reduce((s, i) => s + i.weight, 0);
  const earned = items.reduce((s, i) => s + i.earned, 0);
  const byControl = new Map<string, ControlGap>();
  for (const item of items) {
    for (const c of item.controls) {
      const g = byControl.get(c) ?? { control: c, possible: 0, earned: 0, gap: 0, failing: [] };
      g.possible += item.weight;
      g.earned += item.earned;
      if (item.earned < item.weight) g.failing.push(item.id);
      byControl.set(c, g);
    }
  }
  const controls = [...byControl.values()]
    .map((g) => ({ ...g, possible: round1(g.possible), earned: round1(g.earned), gap: round1(g.possible - g.earned) }))
    .sort((a, b) => b.gap - a.gap || a.control.localeCompare(b.control));
  const unanswered = items.filter((i) => i.status === 'unanswered').length;
  return {
    score: possible === 0 ? 100 : round1((100 * earned) / possible),
    earned: round1(earned),
    possible: round1(possible),
    answered: items.length - unanswered,
    unanswered,
    visible: items.length,
    items,
    controls,
  };
}
