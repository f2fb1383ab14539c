// The thin I/O adapter of the obligations capability: reads laws/*.yaml, validates each file
// against LawFileSchema and reports problems as `file:line:col: path: message`; the good
// files go on. Also fingerprints the law data (the version an incident decision records).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { InputProblem } from '../errors.ts';
import { type LawFile, LawFileSchema } from './law-schema.ts';

export interface LoadedLaws {
  files: LawFile[];
  problems: InputProblem[];
  /** sha256 over every file's name and bytes: the law-data version */
  version: string;
}

/** laws/ at the project root, wherever the command runs from. */
export const DEFAULT_LAWS_DIR = fileURLToPath(new URL('../../laws', import.meta.url));

function place(file: string, lc: LineCounter, offset: number | undefined): string {
  if (offset === undefined) return file;
  const { line, col } = lc.linePos(offset);
  return `${file}:${line}:${col}`;
}

/** Parses and validates one law file's text; never throws. */
export function parseLawFile(file: string, text: string): { law?: LawFile; problems: InputProblem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((e) => ({ where: place(file, lc, e.pos[0]), message: e.message })) };
  }
  const parsed = LawFileSchema.safeParse(doc.toJS());
  if (parsed.success) return { law: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String);
    let node: unknown = doc.getIn(path, true);
    for (let i = path.length - 1; !isNode(node) && i > 0; i -= 1) node = doc.getIn(path.slice(0, i), true);
    const offset = isNode(node) ? node.range?.[0] : undefined;
    return { where: place(file, lc, offset), message: `${path.join('.') || '(file)'}: ${issue.message}` };
  });
  return { problems };
}

const FEDERAL = /^covers:/m;

/**
 * Reads every *.yaml under `dir` (sorted), validating each; the good ones are returned. With
 * `only`, parses just those jurisdictions' files and the federal ones (`covers:`), which is all
 * a single scenario needs; the version still fingerprints every file.
 */
export function loadLaws(dir: string = DEFAULT_LAWS_DIR, only?: Iterable<string>): LoadedLaws {
  const wanted = only ? new Set(only) : null;
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  const hash = createHash('sha256');
  const files: LawFile[] = [];
  const problems: InputProblem[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const text = readFileSync(path, 'utf8');
    hash.update(name).update('\0').update(text).update('\0');
    if (wanted && !wanted.has(name.slice(0, -'.yaml'.length)) && !FEDERAL.test(text)) continue;
    const r = parseLawFile(path, text);
    problems.push(...r.problems);
    if (r.law) {
      const expected = `${r.law.jurisdiction}.yaml`;
      if (name !== expected) problems.push({ where: path, message: `file name should be ${expected}` });
      else files.push(r.law);
    }
  }
  return { files, problems, version: `sha256:${hash.digest('hex').slice(0, 16)}` };
}
