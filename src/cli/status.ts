// `warden status [--json]`: what the store holds.
import type { Command } from 'commander';
import { countRows } from '../store/count-rows.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

export function register(program: Command): void {
  program
    .command('status')
    .description('what the store holds')
    .option('--json', 'machine output on stdout')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const counts = await countRows(await ctx.store());
        if (opts.json) process.stdout.write(`${JSON.stringify(counts)}\n`);
        else for (const [k, v] of Object.entries(counts)) process.stderr.write(`${k.padEnd(12)} ${v}\n`);
        return 0;
      }),
    );
}
