// `warden deadlines [--json] [--now ISO]`: every open obligation across incidents, soonest
// first, with the time left; overdue ones flagged.
import type { Command } from 'commander';
import { z } from 'zod';
import { WardenError } from '../errors.ts';
import { DeadlineRowSchema, listOpenDeadlines } from '../obligations/deadline-board.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

export function register(program: Command): void {
  program
    .command('deadlines')
    .description('open notification deadlines across incidents, soonest first')
    .option('--json', 'machine output on stdout')
    .option('--now <iso>', 'count time left from this moment instead of the clock')
    .action(async (opts: { json?: boolean; now?: string }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const now = opts.now ? new Date(opts.now) : new Date();
        if (Number.isNaN(now.getTime())) throw new WardenError('bad_usage', `'${opts.now}' is not a time`, '--now');
        const rows = await listOpenDeadlines(await ctx.store(), now);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(z.array(DeadlineRowSchema).parse(rows))}\n`);
          return 0;
        }
        for (const r of rows) {
          const flag = r.overdue ? 'OVERDUE ' : '';
          const req = r.required === 'assess' ? ' (assess)' : '';
          process.stderr.write(
            `${flag}${r.time_left.padEnd(20)} ${r.incident} ${r.jurisdiction} ${r.notify} → ${r.recipient}${req}: ${r.deadline ?? r.due}\n`,
          );
        }
        const overdue = rows.filter((r) => r.overdue).length;
        process.stderr.write(`${rows.length} open obligations, ${overdue} overdue\n`);
        return 0;
      }),
    );
}
