// `warden deadlines [--json] [--now ISO]`: every open obligation across incidents, soonest
// first, with the time left; overdue ones flagged.
import type { Command } from 'commander';
import { z } from 'zod';
import { WardenError } from '../errors.ts';
import { DeadlineRowSchema, formatTimeLeft, listOpenDeadlines } from '../obligations/deadline-board.ts';
import { upcomingReviews } from '../oversee/reviews-store.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

export function register(program: Command): void {
  program
    .command('deadlines')
    .description('open notification deadlines across incidents, soonest first')
    .option('--json', 'machine output on stdout')
    .option('--now <iso>', 'count time left from this moment instead of the clock')
    .option('--include-reviews', 'also list vendor reviews that are due (oversight)')
    .action(async (opts: { json?: boolean; now?: string; includeReviews?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const now = opts.now ? new Date(opts.now) : new Date();
        if (Number.isNaN(now.getTime())) throw new WardenError('bad_usage', `'${opts.now}' is not a time`, '--now');
        const store = await ctx.store();
        const rows = await listOpenDeadlines(store, now);
        const reviews = opts.includeReviews ? await upcomingReviews(store, now) : [];
        if (opts.json) {
          const out = z.array(DeadlineRowSchema).parse(rows);
          process.stdout.write(`${JSON.stringify(opts.includeReviews ? [...out, ...reviews] : out)}\n`);
          return 0;
        }
        for (const r of reviews) {
          const flag = r.overdue ? 'OVERDUE ' : '';
          process.stderr.write(`${flag}${formatTimeLeft(r.time_left_ms).padEnd(20)} review ${r.vendor_id} (${r.tier}): ${r.due_at}\n`);
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
