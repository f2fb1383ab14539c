// Turns the rows of a customer-supplied CAIQ v4 or SIG spreadsheet into Warden's questionnaire
// model (and the vendor's answers when the sheet is filled in). Finds the header row by its
// column names; bad rows are reported `ROW: reason` and skipped. Pure: rows in, model out.
import type { InputProblem } from '../errors.ts';
import type { Answers, Questionnaire } from './questionnaire-model.ts';

const ID_COL = /^(question\s*id|ques(tion)?\s*(num(ber)?|no\.?|#)|ref(erence)?|id)$/i;
const TEXT_COL = /^(question|question\s*text|question\s*\/\s*request|consensus assessment question)$/i;
const CONTROL_COL = /(ccm\s*control\s*id|control\s*id|control\s*ref|control\s*reference)/i;
const ANSWER_COL = /(caiq answer|^answer$|^response$|csp.*answer)/i;
const NOTE_COL = /(implementation description|additional information|comments?)/i;

export interface CaiqImport {
  questionnaire: Questionnaire;
  answers: Answers;
  problems: InputProblem[];
  rows: number;
}

function findHeader(rows: string[][]): { index: number; cols: Record<'id' | 'text' | 'control' | 'answer' | 'note', number> } | null {
  for (let i = 0; i < Math.min(rows.length, 40); i++) {
    const cells = (rows[i] ?? []).map((c) => c.trim());
    const pick = (re: RegExp) => cells.findIndex((c) => re.test(c));
    const id = pick(ID_COL);
    const text = pick(TEXT_COL);
    if (id >= 0 && text >= 0) return { index: i, cols: { id, text, control: pick(CONTROL_COL), answer: pick(ANSWER_COL), note: pick(NOTE_COL) } };
  }
  return null;
}

function safeId(raw: string, used: Set<string>): string {
  const base = raw.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 80) || 'q';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function normaliseAnswer(v: string): 'yes' | 'no' | 'na' | null {
  const s = v.trim().toLowerCase();
  if (/^(y|yes|true)$/.test(s)) return 'yes';
  if (/^(n|no|false)$/.test(s)) return 'no';
  if (/^(na|n\/a|not applicable)$/.test(s)) return 'na';
  return null;
}

export function questionnaireFromRows(rows: string[][], meta: { id: string; name: string; source: string; file: string }): CaiqImport {
  const problems: InputProblem[] = [];
  const header = findHeader(rows);
  if (!header) {
    problems.push({ where: meta.file, message: 'no header row with a question-id column and a question column (CAIQ v4: "Question ID", "Question"; SIG: "Ques Num", "Question/Request")' });
    return { questionnaire: { id: meta.id, name: meta.name, version: '1', source: meta.source, license: 'customer-supplied; not redistributed', questions: [] }, answers: {}, problems, rows: 0 };
  }
  const used = new Set<string>();
  const questions: Questionnaire['questions'] = [];
  const answers: Answers = {};
  let count = 0;
  for (let i = header.index + 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const cell = (c: number) => (c >= 0 ? (r[c] ?? '').trim() : '');
    const rawId = cell(header.cols.id);
    const text = cell(header.cols.text);
    if (!rawId && !text) continue;
    count++;
    const where = `${meta.file}:${i + 1}`;
    if (!rawId) {
      problems.push({ where, message: 'question without an id' });
      continue;
    }
    if (!text) {
      problems.push({ where, message: `question ${rawId.slice(0, 40)} has no text` });
      continue;
    }
    const id = safeId(rawId, used);
    const control = cell(header.cols.control) || rawId.replace(/\.\d+$/, '');
    questions.push({
      id,
      text: text.slice(0, 4000),
      type: 'choice',
      options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }, { id: 'na', label: 'Not applicable' }],
      expect: { equals: ['yes', 'na'] },
      weight: 1,
      severity: 'medium',
      controls: [`${meta.source.split(' ')[0]}:${control}`],
      source: rawId,
    });
    const raw = cell(header.cols.answer);
    if (raw) {
      const a = normaliseAnswer(raw);
      if (a) answers[id] = a;
      else problems.push({ where, message: `answer '${raw.slice(0, 30)}' is not Yes, No or NA` });
    }
  }
  if (!questions.length) problems.push({ where: meta.file, message: 'no questions found under the header row' });
  return { questionnaire: { id: meta.id, name: meta.name, version: '1', source: meta.source, license: 'customer-supplied; not redistributed', questions }, answers, problems, rows: count };
}
