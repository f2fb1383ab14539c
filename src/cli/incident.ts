// `warden incident open|indicators|facts|show|list|export` and `warden scope ID [--json]`.
import type { Command } from 'commander';
import { WardenError } from '../errors.ts';
import { exportAffected } from '../incidents/export-affected.ts';
import type { Facts } from '../incidents/incident-model.ts';
import { getIncident, listIncidents, openIncident, setIndicators } from '../incidents/incident-store.ts';
import { changeFacts, rescope } from '../incidents/reassess-incident.ts';
import { checkVendorSla } from '../incidents/vendor-sla.ts';
import { getVendor } from '../inventory/inventory-store.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command): void {
  const incident = program.command('incident').description('open and manage incidents');

  incident
    .command('open')
    .requiredOption('--title <text>', 'what happened, in a line')
    .requiredOption('--aware-at <iso>', 'when the organisation learned of the breach')
    .option('--vendor <id>', 'the vendor whose system was breached')
    .action(async (o: { title: string; awareAt: string; vendor?: string }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const inc = await openIncident(await ctx.store(), { title: o.title, awareAt: o.awareAt, vendorId: o.vendor }, ctx.actor());
        process.stdout.write(`${inc.id}\n`);
        return 0;
      }),
    );

  incident
    .command('indicators <id>')
    .description("set what marks the attacker's events")
    .option('--actor <user>', 'account (repeatable)', collect)
    .option('--ip <ip>', 'source IP (repeatable)', collect)
    .option('--session <s>', 'session id (repeatable)', collect)
    .option('--from <iso>', 'window start')
    .option('--to <iso>', 'window end')
    .action(async (id: string, o: { actor?: string[]; ip?: string[]; session?: string[]; from?: string; to?: string }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        await setIndicators(
          await ctx.store(),
          id,
          { actors: o.actor ?? [], ips: o.ip ?? [], sessions: o.session ?? [], ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) },
          ctx.actor(),
        );
        return 0;
      }),
    );

  incident
    .command('facts <id>')
    .description('set the facts obligations turn on')
    .option('--aware-at <iso>')
    .option('--began-at <iso>')
    .option('--vendor-discovered-at <iso>')
    .option('--vendor-notified-at <iso>')
    .option('--role <role>', 'controller|processor')
    .option('--cause <cause>')
    .option('--encrypted <bool>', 'true|false')
    .option('--misuse-confirmed <bool>', 'true|false')
    .option('--sector <sector>')
    .action(async (id: string, o: Record<string, string | undefined>, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const bool = (v: string | undefined, flag: string) => {
          if (v === undefined) return undefined;
          if (v !== 'true' && v !== 'false') throw new WardenError('bad_usage', 'must be true or false', flag);
          return v === 'true';
        };
        const changes: Record<string, unknown> = {
          aware_at: o.awareAt,
          began_at: o.beganAt,
          vendor_discovered_at: o.vendorDiscoveredAt,
          vendor_notified_at: o.vendorNotifiedAt,
          role: o.role,
          cause: o.cause,
          encrypted: bool(o.encrypted, '--encrypted'),
          misuse_confirmed: bool(o.misuseConfirmed, '--misuse-confirmed'),
          sector: o.sector,
        };
        const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        await changeFacts(await ctx.store(), id, defined as Partial<Facts> & { aware_at?: string }, ctx.actor());
        return 0;
      }),
    );

  incident
    .command('show <id>')
    .option('--json', 'machine output')
    .action(async (id: string, o: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const store = await ctx.store();
        const inc = await getIncident(store, id);
        const vendor = inc.vendor_id ? await getVendor(store, inc.vendor_id) : undefined;
        const sla = checkVendorSla(vendor?.contract.breach_notice_sla_hours, inc.facts.vendor_discovered_at, inc.facts.vendor_notified_at ?? inc.aware_at);
        if (o.json) process.stdout.write(`${JSON.stringify({ ...inc, vendor_sla: sla })}\n`);
        else {
          process.stdout.write(`${inc.id}  ${inc.title}\naware at ${inc.aware_at}   status ${inc.status}\nvendor ${inc.vendor_id ?? '-'}: ${sla.message}\n`);
          if (inc.scope) process.stdout.write(`affected ${inc.scope.affected.total} (confirmed ${inc.scope.affected.confirmed}, inferred ${inc.scope.affected.inferred})\n`);
        }
        return 0;
      }),
    );

  incident
    .command('list')
    .option('--json', 'machine output')
    .action(async (o: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const all = await listIncidents(await ctx.store());
        const rows = all.map((i) => ({ id: i.id, title: i.title, aware_at: i.aware_at, affected: i.scope?.affected ?? { confirmed: 0, inferred: 0, total: 0 } }));
        if (o.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
        else for (const r of rows) process.stdout.write(`${r.id}\t${r.aware_at}\t${r.affected.total}\t${r.title}\n`);
        return 0;
      }),
    );

  incident
    .command('export <id>')
    .description('the affected list for the notice step (audited)')
    .option('--format <f>', 'csv|jsonl', 'csv')
    .option('--with-pii', 'include decrypted contact details')
    .action(async (id: string, o: { format: string; withPii?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        if (o.format !== 'csv' && o.format !== 'jsonl') throw new WardenError('bad_usage', 'must be csv or jsonl', '--format');
        const n = await exportAffected(await ctx.store(), ctx.keyring(), id, process.stdout, { format: o.format, withPii: o.withPii === true, actor: ctx.actor() });
        process.stderr.write(`${n} affected customers exported\n`);
        return 0;
      }),
    );

  program
    .command('scope <id>')
    .description('compute the blast radius of an incident')
    .option('--json', 'the incident scope as JSON on stdout')
    .action(async (id: string, o: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const scope = await rescope(await ctx.store(), id, ctx.actor());
        if (o.json) process.stdout.write(`${JSON.stringify(scope)}\n`);
        else {
          process.stderr.write(`affected ${scope.affected.total}: ${scope.affected.confirmed} confirmed, ${scope.affected.inferred} inferred\n`);
          process.stderr.write(`fields: ${scope.fields.join(', ')}\nby jurisdiction: ${JSON.stringify(scope.by_jurisdiction)}\n`);
          for (const n of scope.notes) process.stderr.write(`note: ${n}\n`);
        }
        return 0;
      }),
    );
}
