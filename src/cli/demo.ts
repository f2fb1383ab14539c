// `warden demo`: the dealer-CRM breach end to end on the configured store, then the dashboard.
import type { Command } from 'commander';
import { WardenError } from '../errors.ts';
import { runDemo } from '../scenario/run-demo.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';
import { progressBar, type Progress } from './progress-bar.ts';

interface DemoFlags {
  customers: string;
  affected: string;
  events: string;
  seed: string;
  out: string;
  formats: string;
  serve: boolean;
  json?: boolean;
  port: string;
  smtp?: string;
  from?: string;
}

function int(v: string, flag: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new WardenError('bad_usage', `must be a whole number >= ${min}`, flag);
  return n;
}

const LOG_FORMATS = ['jsonl', 'vendor-csv'];

/** `--formats jsonl,vendor-csv`: access.jsonl is always written (the contract); the rest optional. */
function vendorCsvWanted(v: string): boolean {
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = list.find((f) => !LOG_FORMATS.includes(f));
  if (unknown) throw new WardenError('bad_usage', `unknown log format '${unknown}' (one of: ${LOG_FORMATS.join(', ')})`, '--formats');
  if (!list.includes('jsonl')) throw new WardenError('bad_usage', 'jsonl is always written: list it', '--formats');
  return list.includes('vendor-csv');
}

function describeObligation(o: unknown): string {
  const ob = o as { jurisdiction?: string; law?: string; notify?: string; required?: unknown; deadline?: string | null; due?: string };
  const when = ob.deadline ? `by ${ob.deadline}` : (ob.due ?? '');
  return `${ob.jurisdiction} ${ob.law}: ${ob.notify} (${ob.required === true ? 'required' : ob.required === false ? 'not required' : 'assess'}) ${when}`;
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('build the dealer-CRM breach scenario and run it end to end')
    .option('--customers <n>', 'customers in the CRM', '180000')
    .option('--affected <n>', 'customers the attacker takes', '21000')
    .option('--events <n>', 'approximate access events over 30 days', '2000000')
    .option('--seed <s>', 'generator seed', '42')
    .option('--out <dir>', 'where the scenario files go', './data/demo')
    .option('--formats <list>', "access-log formats to write: jsonl (normalized, what the demo ingests), vendor-csv (the same log as the CRM vendor's audit export, with its field mapping)", 'jsonl,vendor-csv')
    .option('--no-serve', 'do not start the dashboard afterwards')
    .option('--port <port>', 'dashboard port', '8080')
    .option('--smtp <url>', 'send the drafted email notices through this SMTP server')
    .option('--from <addr>', 'sender of the notices (with --smtp)')
    .option('--json', 'the summary as JSON on stdout')
    .action(async (f: DemoFlags, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const opts = {
          customers: int(f.customers, '--customers', 10),
          affected: int(f.affected, '--affected', 1),
          events: int(f.events, '--events', 1000),
          seed: int(f.seed, '--seed', 0),
          vendorCsv: vendorCsvWanted(f.formats),
        };
        const bars = new Map<string, Progress>();
        const started = Date.now();
        const summary = await runDemo(await ctx.store(), ctx.keyring(), {
          ...opts,
          out: f.out,
          actor: ctx.actor(),
          smtp: f.smtp ? { url: f.smtp, from: f.from } : undefined,
          log: (l) => process.stderr.write(`${l}\n`),
          progress: (stage, d, t) => {
            let bar = bars.get(stage);
            if (!bar) {
              bar = progressBar(stage.padEnd(9), stage === 'generate' ? 'days' : 'MB');
              bars.set(stage, bar);
            }
            bar.update(d, t);
            if (d >= t) bar.stop();
          },
        });
        for (const b of bars.values()) b.stop();
        const inc = summary.incident;
        process.stderr.write(
          [
            '',
            `Warden demo — ${inc.title}`,
            `  customers in the index   ${summary.customers}`,
            `  access events stored     ${summary.events}`,
            `  alerts                   ${summary.alerts.reduce((n, a) => n + a.count, 0)} from ${summary.alerts.length} rules`,
            ...summary.alerts.map((a) => `      ${a.level.padEnd(8)} ${String(a.count).padStart(4)}  ${a.title}`),
            `  incident                 ${inc.id} (aware at ${inc.aware_at})${summary.reused_incident ? ', opened by an earlier run' : ''}`,
            `  vendor notice            ${summary.vendor_sla.message}${summary.vendor_sla.breached ? '  ← contract breached' : ''}`,
            `  affected                 ${inc.affected.total}: ${inc.affected.confirmed} confirmed from logs, ${inc.affected.inferred} inferred from queries`,
            `  fields                   ${inc.fields.join(', ')}`,
            `  by jurisdiction          ${Object.entries(inc.by_jurisdiction).map(([k, v]) => `${k} ${v}`).join(', ')}`,
            `  obligations              ${summary.obligations.length}`,
            ...summary.obligations.map((ob) => `      ${describeObligation(ob)}`),
            `  notices drafted          ${summary.notices.drafted} (${summary.notices.email} email, ${summary.notices.letter} letter)${summary.notices.sent !== undefined ? `; ${summary.notices.sent} sent, ${summary.notices.failed} failed` : ''}`,
            ...(summary.oversight ? [`  vendor assessment        score ${summary.oversight.score}, ${summary.oversight.findings} findings open`] : []),
            `  took                     ${((Date.now() - started) / 1000).toFixed(1)} s`,
            '',
          ].join('\n'),
        );
        if (f.json) {
          const { expected: _e, files: _f, oversight: _o, vendor_sla: _s, reused_incident: _r, ...contract } = summary;
          process.stdout.write(`${JSON.stringify(contract)}\n`);
        }
        if (f.serve) {
          // The dashboard, with the demo incident loaded; serves until Ctrl-C.
          const { serveUntilStopped } = await import('../server/serve-dashboard.ts');
          const port = int(f.port, '--port', 0);
          await serveUntilStopped(await ctx.store(), { port, host: '127.0.0.1', keyring: ctx.keyring(), adminPassword: ctx.config.adminPassword, incidentId: inc.id });
        }
        return 0;
      }),
    );
}
