// `warden assessments import-caiq`: a customer-supplied CAIQ v4 / SIG spreadsheet becomes a
// stored questionnaire (never shipped in questionnaires/); when the sheet carries a vendor's
// answers and a vendor is named, it also becomes that vendor's submitted, scored assessment.
import { basename } from 'node:path';
import { WardenError, type InputProblem } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { createAssessment, saveAnswers, submitAssessment } from './assessment-store.ts';
import { type CaiqImport, questionnaireFromRows } from './caiq-rows.ts';
import { saveQuestionnaire } from './library.ts';
import { QuestionnaireSchema } from './questionnaire-model.ts';
import { scoreAndRecord } from './score-assessment.ts';
import { readSheets } from './spreadsheet-reader.ts';

export interface ImportResult {
  questionnaire: string;
  questions: number;
  answers: number;
  problems: InputProblem[];
  assessment: { id: string; score: number; findings_created: number } | null;
}

export async function importCaiq(store: Store, file: string, opts: { id?: string; name?: string; kind?: 'CAIQ' | 'SIG'; vendor?: string }, actor: string): Promise<ImportResult> {
  const name = basename(file);
  const id = opts.id ?? `import-${name.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`.slice(0, 80);
  const kind = opts.kind ?? (/sig/i.test(name) ? 'SIG' : 'CAIQ');
  let best: CaiqImport | undefined;
  for (const rows of await readSheets(file)) {
    const r = questionnaireFromRows(rows, { id, name: opts.name ?? `${kind} import: ${name}`, source: `${kind} (customer-supplied ${name})`, file: name });
    if (!best || r.questionnaire.questions.length > best.questionnaire.questions.length) best = r;
  }
  if (!best?.questionnaire.questions.length) {
    const why = best?.problems[0];
    throw new WardenError('bad_input', why?.message ?? 'no worksheet with questions', why?.where ?? file);
  }
  const questionnaire = QuestionnaireSchema.parse(best.questionnaire);
  await saveQuestionnaire(store, questionnaire, 'import');
  let assessment: ImportResult['assessment'] = null;
  if (opts.vendor && Object.keys(best.answers).length) {
    const a = await createAssessment(store, { vendor_id: opts.vendor, questionnaire, due_at: new Date().toISOString(), title: `${kind} answers imported from ${name}` }, actor);
    await saveAnswers(store, a.id, best.answers);
    await submitAssessment(store, a.id, actor);
    const s = await scoreAndRecord(store, a.id, actor);
    assessment = { id: a.id, score: s.score.score, findings_created: s.findings_created };
  }
  return { questionnaire: id, questions: questionnaire.questions.length, answers: Object.keys(best.answers).length, problems: best.problems, assessment };
}
