// The questionnaire library: the shipped files under questionnaires/ (YAML, validated) plus
// questionnaires imported or edited into the store. A bad library file is reported by name and
// skipped; the rest load.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WardenError, type InputProblem } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { odb } from './oversee-db.ts';
import { type Questionnaire, QuestionnaireSchema } from './questionnaire-model.ts';

export const LIBRARY_DIR = fileURLToPath(new URL('../../questionnaires/', import.meta.url));

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out;
}

export function loadLibrary(dir = LIBRARY_DIR): { questionnaires: Questionnaire[]; problems: InputProblem[] } {
  const questionnaires: Questionnaire[] = [];
  const problems: InputProblem[] = [];
  for (const file of yamlFiles(dir)) {
    try {
      const parsed = QuestionnaireSchema.safeParse(parse(readFileSync(file, 'utf8')));
      if (parsed.success) questionnaires.push(parsed.data);
      else for (const i of parsed.error.issues) problems.push({ where: `${file}: ${i.path.join('.')}`, message: i.message });
    } catch (err) {
      problems.push({ where: file, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { questionnaires, problems };
}

export async function saveQuestionnaire(store: Store, q: Questionnaire, origin: 'import' | 'edited'): Promise<void> {
  const row = { id: q.id, name: q.name, origin, body: JSON.stringify(q), created_at: new Date().toISOString() };
  await odb(store).insertInto('oversee_questionnaires').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
}

/** Stored questionnaires override shipped ones of the same id (an analyst's edit wins). */
export async function listQuestionnaires(store: Store): Promise<Array<Questionnaire & { origin: string }>> {
  const stored = await odb(store).selectFrom('oversee_questionnaires').selectAll().orderBy('id').execute();
  const byId = new Map<string, Questionnaire & { origin: string }>();
  for (const q of loadLibrary().questionnaires) byId.set(q.id, { ...q, origin: 'library' });
  for (const r of stored) {
    const parsed = QuestionnaireSchema.safeParse(JSON.parse(r.body));
    if (parsed.success) byId.set(r.id, { ...parsed.data, origin: r.origin });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export async function getQuestionnaire(store: Store, id: string): Promise<Questionnaire> {
  const q = (await listQuestionnaires(store)).find((x) => x.id === id);
  if (!q) throw new WardenError('not_found', `no questionnaire '${id}'`, 'questionnaire');
  const { origin: _origin, ...rest } = q;
  return rest;
}

/** Several questionnaires as one: question ids are prefixed by their questionnaire's id. */
export function combineQuestionnaires(id: string, name: string, parts: Questionnaire[]): Questionnaire {
  if (parts.length === 1 && parts[0]) return parts[0];
  return {
    id,
    name,
    version: '1',
    source: parts.map((p) => p.source).join('; '),
    license: [...new Set(parts.map((p) => p.license))].join('; '),
    questions: parts.flatMap((p) =>
      p.questions.map((q) => ({
        ...q,
        id: `${p.id}.${q.id}`,
        ...(q.show_if ? { show_if: { ...q.show_if, question: `${p.id}.${q.show_if.question}` } } : {}),
      })),
    ),
  };
}
