// `warden rules check PATH…`: validates Sigma rules and correlation rules in files or folders
// (recursive, *.yml/*.yaml, multi-document). Prints `file:line:col: message` per error and a last
// line `N rules, M errors` on stdout; exit 1 when M > 0, 2 when a path cannot be read.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { listRuleFiles } from '../detect/rule-pack.ts';
import { WardenError } from '../errors.ts';
import {
  compileRuleSet,
  parseRuleDocuments,
  type RuleError,
  type SigmaCorrelation,
  type SigmaRule,
} from '../sigma/index.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

export interface RulesCheckReport {
  files: number;
  rules: number;
  correlations: number;
  skipped: number;
  errors: RuleError[];
}

/** Reads and checks every rule file under `paths` (the whole set, so references resolve). */
export async function checkRulePaths(paths: string[]): Promise<RulesCheckReport> {
  const files = await listRuleFiles(paths);
  const rules: SigmaRule[] = [];
  const correlations: SigmaCorrelation[] = [];
  const errors: RuleError[] = [];
  let documents = 0;
  let skipped = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch((e: unknown) => {
      throw new WardenError(
        'bad_input',
        `cannot read: ${e instanceof Error ? e.message : e}`,
        file,
      );
    });
    const parsed = parseRuleDocuments(text, file);
    rules.push(...parsed.rules);
    correlations.push(...parsed.correlations);
    errors.push(...parsed.errors);
    documents += parsed.documents;
    skipped += parsed.skipped;
  }
  // Placeholders get their values from a pipeline at detection time; checking needs none.
  errors.push(
    ...compileRuleSet({ rules, correlations }, { allowUnresolvedPlaceholders: true }).errors,
  );
  errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  return {
    files: files.length,
    rules: documents,
    correlations: correlations.length,
    skipped,
    errors,
  };
}

export function register(program: Command): void {
  const rules =
    program.commands.find((c) => c.name() === 'rules') ??
    program.command('rules').description('Sigma rules');
  rules
    .command('check')
    .description('validate Sigma rules and correlation rules (files or folders, recursive)')
    .argument('<paths...>', 'rule files or folders')
    .action(async (paths: string[], _opts: unknown, cmd: Command) =>
      runCommand(globalOptions(cmd), async () => {
        const report = await checkRulePaths(paths);
        const lines = report.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`);
        lines.push(`${report.rules} rules, ${report.errors.length} errors`);
        process.stdout.write(`${lines.join('\n')}\n`);
        const notes = [`${report.files} files`, `${report.correlations} correlation rules`];
        if (report.skipped) notes.push(`${report.skipped} YAML documents skipped: not Sigma rules`);
        process.stderr.write(`${notes.join(', ')}\n`);
        return report.errors.length > 0 ? 1 : 0;
      }),
    );
}
