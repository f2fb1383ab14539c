// Loads Sigma rule packs from files and folders (recursive, .yml/.yaml, multi-document) and an
// optional processing pipeline, and compiles them once into a rule set. Parsing and compiling
// are the pure sigma core's; this module only finds and reads the files.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WardenError } from '../errors.ts';
import {
  type CompiledRuleSet,
  compileRuleSet,
  type Pipeline,
  parsePipeline,
  parseRuleDocuments,
  type RuleError,
  type SigmaCorrelation,
  type SigmaRule,
} from '../sigma/index.ts';

/** The built-in CRM exfiltration pack shipped with Warden. */
export const BUILTIN_PACK_DIR = fileURLToPath(new URL('../../rules/crm/', import.meta.url));

export interface LoadedRules {
  ruleSet: CompiledRuleSet;
  errors: RuleError[];
  rules: number;
  correlations: number;
  files: number;
}

export async function listRuleFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    const st = await stat(path).catch(() => undefined);
    if (!st) {
      if (explicit) throw new WardenError('bad_input', 'no such rule file or folder', path);
      return;
    }
    if (st.isDirectory()) {
      const names = (await readdir(path)).sort();
      for (const name of names) if (!name.startsWith('.')) await visit(join(path, name), false);
    } else if (explicit || /\.ya?ml$/i.test(path)) {
      out.push(path);
    }
  };
  for (const p of paths) await visit(p, true);
  return out;
}

export async function loadPipeline(file: string): Promise<Pipeline> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new WardenError('bad_input', 'cannot read pipeline file', file);
  });
  const { pipeline, errors } = parsePipeline(text, file);
  const first = errors[0];
  if (first || !pipeline) {
    throw new WardenError('bad_input', first?.message ?? 'not a pipeline', first ? `${first.file}:${first.line}:${first.col}` : file);
  }
  return pipeline;
}

export async function loadRules(
  paths: string[],
  options: { pipeline?: Pipeline | undefined; timeField?: string | undefined } = {},
): Promise<LoadedRules> {
  const files = await listRuleFiles(paths);
  const rules: SigmaRule[] = [];
  const correlations: SigmaCorrelation[] = [];
  const errors: RuleError[] = [];
  for (const file of files) {
    const parsed = parseRuleDocuments(await readFile(file, 'utf8'), file);
    rules.push(...parsed.rules);
    correlations.push(...parsed.correlations);
    errors.push(...parsed.errors);
  }
  const compileOptions: { pipeline?: Pipeline; timeField?: string } = {};
  if (options.pipeline) compileOptions.pipeline = options.pipeline;
  if (options.timeField) compileOptions.timeField = options.timeField;
  const compiled = compileRuleSet({ rules, correlations }, compileOptions);
  errors.push(...compiled.errors);
  return { ruleSet: compiled.ruleSet, errors, rules: rules.length, correlations: correlations.length, files: files.length };
}
