// `warden audit verify [--json]` checks the hash chain and the head record (exit 1 when
// broken); `warden audit list [--limit N] [--json]` prints the newest entries.
import type { Command } from 'commander';
import { listAudit, verifyAuditTrail } from '../audit/audit-log.ts';
import { WardenError } from '../errors.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit trail');
  audit
    .command('verify')
    .option('--json', 'machine output on stdout')
    .action(async (o: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const r = await verifyAuditTrail(await ctx.store());
        const out = { ok: r.break === undefined, entries: r.entries, break: r.break ?? null };
        if (o.json) process.stdout.write(`${JSON.stringify(out)}\n`);
        if (r.break) process.stderr.write(`audit: entry ${r.break.seq}: ${r.break.problem}\n`);
        else process.stderr.write(`audit trail intact: ${r.entries} entries\n`);
        return r.break ? 1 : 0;
      }),
    );
  audit
    .command('list')
    .option('--limit <n>', 'how many of the newest entries', '50')
    .option('--json', 'machine output on stdout')
    .action(async (o: { limit: string; json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new WardenError('bad_usage', 'must be a whole number >= 1', '--limit');
        const rows = await listAudit(await ctx.store(), limit);
        if (o.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
        else for (const r of rows) process.stderr.write(`${String(r.seq).padStart(6)} ${r.at} ${r.actor.padEnd(20)} ${r.action.padEnd(22)} ${r.target}\n`);
        return 0;
      }),
    );
}
