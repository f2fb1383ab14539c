// `warden obligations --scenario FILE [--json] [--explain] [--laws DIR]`: the notification
// duties for a scenario, decided by the pure engine against laws/ (no database needed).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { WardenError } from '../errors.ts';
import { explainObligations } from '../obligations/decide-obligations.ts';
import { DEFAULT_LAWS_DIR, loadLaws } from '../obligations/load-laws.ts';
import { type Obligation, ObligationsOutputSchema } from '../obligations/obligation-schema.ts';
import { parseScenarioText } from '../obligations/parse-scenario.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

interface Options {
  scenario: string;
  json?: boolean;
  explain?: boolean;
  laws: string;
}

function readText(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    throw new WardenError('bad_input', `cannot read: ${err instanceof Error ? err.message : String(err)}`, path);
  }
}

export function formatObligation(o: Obligation): string {
  const req = o.required === 'assess' ? 'ASSESS' : o.required ? 'REQUIRED' : 'no';
  const when = o.deadline ? `by ${o.deadline}` : o.due;
  return `${o.jurisdiction.padEnd(6)} ${req.padEnd(8)} ${o.notify.padEnd(27)} ${o.recipient} — ${when}\n` +
    `       ${o.law}: ${o.basis}. ${o.reason}\n`;
}

export function register(program: Command): void {
  program
    .command('obligations')
    .description('notification duties for a breach scenario (pure; no database needed)')
    .requiredOption('--scenario <file>', 'scenario JSON (CONTRACTS.md), or - for stdin')
    .option('--json', 'machine output on stdout')
    .option('--explain', 'print the rule path on stderr')
    .option('--laws <dir>', 'law data directory', DEFAULT_LAWS_DIR)
    .action(async (opts: Options, cmd: Command) =>
      runCommand(globalOptions(cmd), async () => {
        const scenario = parseScenarioText(opts.scenario, readText(opts.scenario));
        const laws = loadLaws(opts.laws, Object.keys(scenario.affected));
        for (const p of laws.problems) process.stderr.write(`warden: ${p.where}: ${p.message}\n`);
        if (laws.problems.length > 0) {
          process.stderr.write(`warden: ${laws.problems.length} law-data problem(s); those files were skipped\n`);
        }
        const { obligations, trace } = explainObligations(scenario, laws.files);
        if (opts.explain) for (const line of trace) process.stderr.write(`${line}\n`);
        if (opts.json) {
          const out = ObligationsOutputSchema.parse({ obligations });
          process.stdout.write(`${JSON.stringify(out)}\n`);
        } else {
          for (const o of obligations) process.stderr.write(formatObligation(o));
          process.stderr.write(`${obligations.length} obligations (law data ${laws.version})\n`);
        }
        return 0;
      }),
    );
}
