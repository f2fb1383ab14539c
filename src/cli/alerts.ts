// `warden alerts [--json] [--status S]`: the stored alerts; `warden alerts incident ALERT_ID…`
// opens an incident whose indicators are prefilled from the alerts (prints its id on stdout).
import type { Command } from 'commander';
import { listAlerts } from '../detect/alert-store.ts';
import { openIncidentFromAlerts } from '../detect/open-incident-from-alert.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

function groupText(group: Record<string, unknown>): string {
  return Object.entries(group)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}

export function register(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('alerts raised by the rules (list; open an incident from one)')
    .option('--json', 'machine output on stdout')
    .option('--status <status>', 'only alerts in this status (new|acknowledged|incident|false_positive)')
    .action(async (opts: { json?: boolean; status?: string }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const list = await listAlerts(await ctx.store(), opts.status ? { status: opts.status } : {});
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(list)}\n`);
          return 0;
        }
        for (const a of list) {
          process.stderr.write(`${a.id}  ${a.level.padEnd(8)} ${a.first}  ${String(a.count).padStart(6)}  ${a.title}  ${groupText(a.group)}  [${a.status}]\n`);
        }
        process.stderr.write(`${list.length} alerts\n`);
        return 0;
      }),
    );

  alerts
    .command('incident <alertIds...>')
    .description("open an incident from alerts, its indicators prefilled from the alerts' groups and evidence")
    .option('--title <text>', 'incident title (default: from the first alert)')
    .option('--aware-at <iso>', 'when the organisation learned of the breach (default: now)')
    .option('--vendor <id>', 'the vendor whose system was breached')
    .option('--json', 'the incident id and indicators as JSON on stdout')
    .action(async (alertIds: string[], o: { title?: string; awareAt?: string; vendor?: string; json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const { incident, indicators } = await openIncidentFromAlerts(
          await ctx.store(),
          { alertIds, title: o.title, awareAt: o.awareAt, vendorId: o.vendor },
          ctx.actor(),
        );
        if (o.json) process.stdout.write(`${JSON.stringify({ id: incident.id, indicators })}\n`);
        else process.stdout.write(`${incident.id}\n`);
        process.stderr.write(`indicators: actors ${indicators.actors.join(', ') || '-'}; ips ${indicators.ips.join(', ') || '-'}; sessions ${indicators.sessions.length}; ${indicators.from} .. ${indicators.to}\n`);
        return 0;
      }),
    );
}
