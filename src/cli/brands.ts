// `warden brands add|list|remove|findings|status`: the organisation's official domains and the
// look-alike findings recorded for them (status new, takedown_requested, down, false_positive).
import type { Command } from 'commander';
import {
  addBrands,
  DEFAULT_ORG,
  FINDING_STATUSES,
  type FindingStatus,
  isFindingStatus,
  listBrands,
  listFindings,
  removeBrands,
  setFindingStatus,
} from '../brandwatch/findings-store.ts';
import { WardenError } from '../errors.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

function status(value: string, where: string): FindingStatus {
  if (!isFindingStatus(value)) {
    throw new WardenError('bad_usage', `unknown status '${value}' (${FINDING_STATUSES.join(', ')})`, where);
  }
  return value;
}

export function register(program: Command): void {
  const brands = program.command('brands').description("the organisation's brand domains and look-alike findings");
  brands
    .command('add')
    .description('add official brand domains')
    .argument('<domain...>')
    .option('--org <id>', 'organisation', DEFAULT_ORG)
    .option('--note <text>', 'a note kept with the brand')
    .action(async (domains: string[], opts: { org: string; note?: string }, c: Command) =>
      runCommand(globalOptions(c), async (ctx) => {
        const added = await addBrands(await ctx.store(), opts.org, domains, opts.note);
        process.stderr.write(`brands of ${opts.org}: ${added.join(', ')}\n`);
        return 0;
      }),
    );
  brands
    .command('remove')
    .description('remove brand domains')
    .argument('<domain...>')
    .option('--org <id>', 'organisation', DEFAULT_ORG)
    .action(async (domains: string[], opts: { org: string }, c: Command) =>
      runCommand(globalOptions(c), async (ctx) => {
        const n = await removeBrands(await ctx.store(), opts.org, domains);
        process.stderr.write(`${n} brand(s) removed\n`);
        return 0;
      }),
    );
  brands
    .command('list')
    .description('list brand domains')
    .option('--org <id>', 'organisation (default: all)')
    .option('--json', 'machine output on stdout')
    .action(async (opts: { org?: string; json?: boolean }, c: Command) =>
      runCommand(globalOptions(c), async (ctx) => {
        const rows = await listBrands(await ctx.store(), opts.org);
        if (opts.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
        else for (const b of rows) process.stdout.write(`${b.org}\t${b.domain}${b.note ? `\t${b.note}` : ''}\n`);
        return 0;
      }),
    );
  brands
    .command('findings')
    .description('look-alike domains found for the brands')
    .option('--org <id>', 'organisation (default: all)')
    .option('--status <status>', FINDING_STATUSES.join(' | '))
    .option('--brand <domain>', 'only this brand')
    .option('--json', 'machine output on stdout')
    .action(async (opts: { org?: string; status?: string; brand?: string; json?: boolean }, c: Command) =>
      runCommand(globalOptions(c), async (ctx) => {
        const rows = await listFindings(await ctx.store(), {
          ...(opts.org !== undefined ? { org: opts.org } : {}),
          ...(opts.status !== undefined ? { status: status(opts.status, '--status') } : {}),
          ...(opts.brand !== undefined ? { brand: opts.brand.toLowerCase() } : {}),
        });
        if (opts.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
        else {
          for (const f of rows) {
            const how = f.score === null ? f.match : `${f.match} ${f.score}`;
            process.stdout.write(`${f.id}\t${f.status}\t${f.domain}\t${f.brand}\t${how}\t${f.first_seen}\t${f.source}:${f.line}\n`);
          }
        }
        return 0;
      }),
    );
  brands
    .command('status')
    .description(`set a finding's status (${FINDING_STATUSES.join(', ')})`)
    .argument('<finding>', 'finding id, or its domain')
    .argument('<status>')
    .option('--org <id>', 'organisation', DEFAULT_ORG)
    .option('--note <text>', 'why (e.g. the registrar ticket)')
    .action(async (ref: string, value: string, opts: { org: string; note?: string }, c: Command) =>
      runCommand(globalOptions(c), async (ctx) => {
        const f = await setFindingStatus(await ctx.store(), { org: opts.org, idOrDomain: ref }, status(value, 'status'), opts.note);
        process.stderr.write(`${f.domain}: ${f.status}\n`);
        return 0;
      }),
    );
}
