// `warden ship --source ID --input FILE|- --nats URL`: publishes raw log lines to the cluster's
// raw stream (one subject per source), deduplicated by event id; resumable. Counts on stderr.
import type { Command } from 'commander';
import { WardenError } from '../errors.ts';
import { connectNats } from '../scale/nats-connect.ts';
import { shipFile } from '../scale/shipper.ts';
import { ensureTopology, topology } from '../scale/topology.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

interface ShipFlags {
  source: string;
  input: string;
  nats: string;
  prefix: string;
  format: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('ship')
    .description('publish raw log lines to NATS JetStream for the ingest workers')
    .requiredOption('--source <id>', 'the system the log comes from (e.g. dealer-crm)')
    .requiredOption('--input <file>', 'log file, or - for stdin')
    .option('--nats <url>', 'NATS server URL(s), comma-separated', process.env.WARDEN_NATS ?? 'nats://127.0.0.1:4222')
    .option('--prefix <name>', 'cluster name: prefix of its streams, subjects and buckets', process.env.WARDEN_NATS_PREFIX ?? 'warden')
    .option('--format <name>', 'auto|jsonl|csv|… (as warden ingest)', 'auto')
    .option('--json', 'counts as JSON on stdout')
    .action(async (flags: ShipFlags, cmd: Command) =>
      runCommand(globalOptions(cmd), async () => {
        if (!/^[\w.-]+$/.test(flags.source)) throw new WardenError('bad_usage', 'letters, digits, _ . - only', '--source');
        const topo = topology(flags.prefix);
        const nc = await connectNats(flags.nats, 'warden-ship', (l) => process.stderr.write(`${l}\n`));
        try {
          const jsm = await nc.jetstreamManager();
          await ensureTopology(jsm, topo);
          const r = await shipFile(nc.jetstream(), jsm, topo, {
            source: flags.source,
            input: flags.input,
            format: flags.format,
            onProgress: (n) => process.stderr.write(`\r${n} lines`),
          });
          process.stderr.write(`\r${r.lines} lines (${r.format}): ${r.chunks} chunks published, ${r.duplicates} dropped by JetStream as duplicates, ${r.skipped} lines skipped (already shipped)\n`);
          if (flags.json) process.stdout.write(`${JSON.stringify(r)}\n`);
        } finally {
          await nc.drain().catch(() => {});
        }
        return 0;
      }),
    );
}
