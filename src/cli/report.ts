// `warden report ID --jurisdiction CODE [--kind preliminary|final] [--format md|json|pdf]`: the
// regulator report draft for one jurisdiction, on stdout. Items it cannot fill say so.
import type { Command } from 'commander';
import { WardenError } from '../errors.ts';
import { loadOrgProfile } from '../notify/org-profile.ts';
import { buildReport } from '../notify/reports/build-report.ts';
import { reportToMarkdown, reportToPdf } from '../notify/reports/report-render.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

export function register(program: Command): void {
  program
    .command('report <incident>')
    .description('regulator report draft (JP: PPC form items; EU/EEA/GB: GDPR Art. 33(3); others generic)')
    .requiredOption('--jurisdiction <code>', 'JP, DE, GB, EU, US-CA, …')
    .option('--kind <kind>', 'preliminary or final', 'preliminary')
    .option('--format <format>', 'md, json or pdf', 'md')
    .action(async (incident: string, opts: { jurisdiction: string; kind: string; format: string }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        if (opts.kind !== 'preliminary' && opts.kind !== 'final') throw new WardenError('bad_usage', 'must be preliminary or final', '--kind');
        if (!['md', 'json', 'pdf'].includes(opts.format)) throw new WardenError('bad_usage', 'must be md, json or pdf', '--format');
        const report = await buildReport(await ctx.store(), incident, opts.jurisdiction, opts.kind, loadOrgProfile());
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else if (opts.format === 'pdf') process.stdout.write(await reportToPdf(report));
        else process.stdout.write(reportToMarkdown(report));
        if (report.missing.length) process.stderr.write(`${report.missing.length} items to be completed: ${report.missing.join(', ')}\n`);
        return 0;
      }),
    );
}
