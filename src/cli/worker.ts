// `warden worker --nats URL --db postgres://… [--role ingest|detect|all] [--partitions N]`: a
// scale-out worker (docs/SCALING.md). Runs until SIGTERM/SIGINT, then drains. Logs on stderr.
import type { Command } from 'commander';
import { WardenError } from '../errors.ts';
import { startWorker, type WorkerRole } from '../scale/worker.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

interface WorkerFlags {
  nats: string;
  role: string;
  partitions: string;
  prefix: string;
  metricsPort?: string;
  rules?: string[];
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('run an ingest and/or detection worker of a NATS + PostgreSQL cluster')
    .option('--nats <url>', 'NATS server URL(s), comma-separated', process.env.WARDEN_NATS ?? 'nats://127.0.0.1:4222')
    .option('--role <role>', 'ingest|detect|all', 'all')
    .option('--partitions <n>', 'detection partitions (fixed when the cluster is first set up)', '16')
    .option('--prefix <name>', 'cluster name: prefix of its streams, subjects and buckets', process.env.WARDEN_NATS_PREFIX ?? 'warden')
    .option('--metrics-port <port>', 'serve Prometheus metrics at http://127.0.0.1:PORT/metrics')
    .option('--rules <path...>', 'rule files or folders (default: the built-in pack and ./data/rules)')
    .action(async (flags: WorkerFlags, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        if (!['ingest', 'detect', 'all'].includes(flags.role)) throw new WardenError('bad_usage', 'one of ingest, detect, all', '--role');
        const metricsPort = flags.metricsPort === undefined ? undefined : Number(flags.metricsPort);
        if (metricsPort !== undefined && !(Number.isInteger(metricsPort) && metricsPort >= 0 && metricsPort < 65536)) {
          throw new WardenError('bad_usage', 'must be a port number', '--metrics-port');
        }
        const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
        const worker = await startWorker({
          nats: flags.nats,
          db: ctx.config.db,
          role: flags.role as WorkerRole,
          partitions: Number(flags.partitions),
          prefix: flags.prefix,
          metricsPort,
          rules: flags.rules,
          log,
        });
        const stop = () => {
          log(`worker ${worker.id}: draining`);
          worker.stop();
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
        await worker.done;
        return 0;
      }),
    );
}
