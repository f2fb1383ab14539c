// `warden ingest --source ID --input FILE [--format …] [--mapping FILE]`: normalize, dedupe,
// store, and run the installed rules. Counts on stderr; malformed lines named and counted.
import type { Command } from 'commander';
import { appendAudit } from '../audit/audit-log.ts';
import { createDetectionSink } from '../detect/detection-sink.ts';
import { type EventSink, type IngestResult, ingestFile } from '../logs/ingest.ts';
import type { Store } from '../store/open-store.ts';
import { loadMapping } from '../logs/load-mapping.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';
import { progressBar } from './progress-bar.ts';

interface IngestFlags {
  source: string;
  input: string;
  format: string;
  mapping?: string;
  detect: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('normalize, dedupe and store access events, and run the installed rules')
    .requiredOption('--source <id>', 'the system the log comes from (e.g. dealer-crm)')
    .requiredOption('--input <file>', 'log file, or - for stdin')
    .option('--format <name>', 'auto|jsonl|csv|… (see warden detect --help)', 'auto')
    .option('--mapping <file>', 'field mapping YAML for jsonl/csv sources in their own shape')
    .option('--no-detect', 'store only; do not run the rules')
    .option('--json', 'counts as JSON on stdout')
    .action(async (flags: IngestFlags, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const store = await ctx.store();
        const bar = progressBar('ingest');
        let shown = 0;
        const result: IngestResult = await ingestFile(store, {
          source: flags.source,
          file: flags.input,
          format: flags.format,
          mapping: flags.mapping ? await loadMapping(flags.mapping) : undefined,
          sinks: flags.detect ? await detectionSinks(store) : [],
          onProblem: (where, reason) => {
            if (shown++ < 100) process.stderr.write(`${where}: ${reason}\n`);
          },
          onProgress: (d, t) => bar.update(d, t),
        });
        bar.stop();
        if (shown > 100) process.stderr.write(`… ${shown - 100} more malformed lines (see warden status / quarantine)\n`);
        await appendAudit(store, { actor: ctx.actor(), action: 'events.ingest', target: flags.input, details: { source: flags.source, ...result } });
        process.stderr.write(
          `${result.lines} lines (${result.format}): ${result.events} events, ${result.stored} stored, ${result.duplicates} duplicates, ${result.malformed} malformed (${result.quarantined} newly quarantined)\n`,
        );
        if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        return 0;
      }),
    );
}

async function detectionSinks(store: Store): Promise<EventSink[]> {
  return [await createDetectionSink(store)];
}
