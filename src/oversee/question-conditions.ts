// Conditional display: which questions a respondent sees given the answers so far. A question
// whose condition depends on a hidden question is hidden too (chains collapse). Pure.
import type { Answers, Question, QuestionCondition } from './questionnaire-model.ts';

function isAnswered(v: Answers[string] | undefined): boolean {
  if (v === undefined) return false;
  return Array.isArray(v) ? v.length > 0 : v.trim() !== '';
}

export function conditionHolds(cond: QuestionCondition, answers: Answers): boolean {
  const v = answers[cond.question];
  if (cond.answered !== undefined) return isAnswered(v) === cond.answered;
  if (!isAnswered(v) || v === undefined) return false;
  const values = Array.isArray(v) ? v : [v];
  if (cond.includes !== undefined) return values.includes(cond.includes);
  if (cond.equals !== undefined) {
    const wanted = Array.isArray(cond.equals) ? cond.equals : [cond.equals];
    return values.some((x) => wanted.includes(x));
  }
  return true;
}

/** The ids of the questions shown, in questionnaire order. */
export function visibleQuestions(questions: readonly Question[], answers: Answers): Question[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const memo = new Map<string, boolean>();
  const visible = (q: Question, depth: number): boolean => {
    const known = memo.get(q.id);
    if (known !== undefined) return known;
    let shown = true;
    if (q.show_if) {
      const parent = byId.get(q.show_if.question);
      // A cycle or a missing parent hides the question rather than looping or crashing.
      shown = !!parent && depth < 50 && parent.id !== q.id && visible(parent, depth + 1) && conditionHolds(q.show_if, answers);
    }
    memo.set(q.id, shown);
    return shown;
  };
  return questions.filter((q) => visible(q, 0));
}

export { isAnswered };
