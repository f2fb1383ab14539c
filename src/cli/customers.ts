// `warden customers import FILE`: loads the customer index (PII encrypted at rest).
import type { Command } from 'commander';
import { appendAudit } from '../audit/audit-log.ts';
import { formatProblem } from '../errors.ts';
import { importCustomersCsv } from '../inventory/import-customers.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';
import { progressBar } from './progress-bar.ts';

export function register(program: Command): void {
  const customers = program.command('customers').description('the customer index (PII encrypted at rest)');
  customers
    .command('import <file>')
    .description('import a customers CSV (id,name,postal_address,phone,email,country,region,locale[,date_of_birth,dealer,unit])')
    .action(async (file: string, _o: unknown, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const store = await ctx.store();
        const keyring = ctx.keyring();
        const bar = progressBar('customers');
        const result = await importCustomersCsv(store, keyring, file, {
          onProblem: (p) => process.stderr.write(`${formatProblem(p)}\n`),
          onProgress: (d, t) => bar.update(d, t),
        });
        bar.stop();
        await appendAudit(store, { actor: ctx.actor(), action: 'customers.import', target: file, details: { ...result } });
        process.stderr.write(`${result.rows} rows: ${result.imported} imported, ${result.skipped} skipped\n`);
        return 0;
      }),
    );
}
