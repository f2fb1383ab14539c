// `warden inventory import FILE | export | list | show ID`: the vendor map as YAML.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { appendAudit } from '../audit/audit-log.ts';
import { formatProblem, WardenError } from '../errors.ts';
import { exportInventory, getVendor, importInventory, listVendors } from '../inventory/inventory-store.ts';
import { parseInventory } from '../inventory/parse-inventory.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

export function register(program: Command): void {
  const inv = program.command('inventory').description('vendors, systems, data held, grants, contracts');

  inv
    .command('import <file>')
    .description('import inventory YAML (all-or-nothing)')
    .action(async (file: string, _o: unknown, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const text = await readFile(file, 'utf8').catch((err: unknown) => {
          throw new WardenError('bad_input', `cannot read: ${String((err as Error).message)}`, file);
        });
        const { inventory, problems } = parseInventory(text, file);
        if (!inventory) {
          for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
          process.stderr.write(`inventory not imported: ${problems.length} problem(s)\n`);
          return 2;
        }
        const store = await ctx.store();
        const counts = await importInventory(store, inventory);
        await appendAudit(store, { actor: ctx.actor(), action: 'inventory.import', target: file, details: counts });
        process.stderr.write(`imported ${counts.entities} entities, ${counts.vendors} vendors, ${counts.systems} systems, ${counts.grants} grants\n`);
        return 0;
      }),
    );

  inv
    .command('export')
    .description('print the inventory as YAML')
    .option('--json', 'JSON instead of YAML')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const data = await exportInventory(await ctx.store());
        process.stdout.write(opts.json ? `${JSON.stringify(data)}\n` : stringify(data));
        return 0;
      }),
    );

  inv
    .command('list')
    .description('list vendors and their systems')
    .option('--json', 'machine output')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const vendors = await listVendors(await ctx.store());
        if (opts.json) process.stdout.write(`${JSON.stringify(vendors)}\n`);
        else
          for (const v of vendors) {
            const sla = v.contract.breach_notice_sla_hours;
            process.stdout.write(`${v.id}\t${v.name}\t${v.systems.map((s) => s.id).join(',')}\tSLA ${sla ?? '-'} h\n`);
          }
        return 0;
      }),
    );

  inv
    .command('show <vendor>')
    .description('one vendor with systems, data and grants')
    .action(async (id: string, _o: unknown, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const v = await getVendor(await ctx.store(), id);
        if (!v) throw new WardenError('not_found', `no vendor '${id}'`, 'vendor');
        process.stdout.write(stringify(v));
        return 0;
      }),
    );
}
