// `warden cluster status [--json]`: streams, the ingest consumer, workers, partition owners and
// (with --db postgres://…) detection checkpoints and lag per partition.
import type { Command } from 'commander';
import { clusterStatus } from '../scale/cluster-status.ts';
import { connectNats } from '../scale/nats-connect.ts';
import { topology } from '../scale/topology.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

interface StatusFlags {
  nats: string;
  prefix: string;
  json?: boolean;
}

export function register(program: Command): void {
  const cluster = program.command('cluster').description('the NATS + PostgreSQL scale-out cluster');
  cluster
    .command('status')
    .description('streams, consumers, lag per partition, owners')
    .option('--nats <url>', 'NATS server URL(s)', process.env.WARDEN_NATS ?? 'nats://127.0.0.1:4222')
    .option('--prefix <name>', 'cluster name', process.env.WARDEN_NATS_PREFIX ?? 'warden')
    .option('--json', 'machine output on stdout')
    .action(async (flags: StatusFlags, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const topo = topology(flags.prefix);
        const nc = await connectNats(flags.nats, 'warden-cluster-status');
        try {
          const js = nc.jetstream();
          const jsm = await nc.jetstreamManager();
          const cfg = await js.views.kv(topo.configBucket).catch(() => null);
          const partitions = Number((await cfg?.get('partitions'))?.string() ?? 0);
          const leases = partitions > 0 ? await js.views.kv(topo.leaseBucket).catch(() => null) : null;
          const store = /^postgres/.test(ctx.config.db) ? await ctx.store() : undefined;
          const s = await clusterStatus(jsm, leases, topo, partitions, store);
          if (flags.json) process.stdout.write(`${JSON.stringify(s)}\n`);
          else printHuman(s);
        } finally {
          await nc.close();
        }
        return 0;
      }),
    );
}

function printHuman(s: Awaited<ReturnType<typeof clusterStatus>>): void {
  const w = (l: string) => process.stderr.write(`${l}\n`);
  w(`cluster ${s.prefix}`);
  for (const st of s.streams) w(`stream ${st.name.padEnd(24)} ${st.messages} msgs  ${(st.bytes / 1e6).toFixed(1)} MB  seq ${st.first_seq}..${st.last_seq}`);
  if (s.ingest) w(`ingest consumer: ${s.ingest.pending} pending, ${s.ingest.ack_pending} in flight, ack floor ${s.ingest.ack_floor}, ${s.ingest.redelivered} redelivered`);
  w(`workers: ${s.workers.length ? s.workers.join(', ') : '(none)'}`);
  for (const p of s.partitions) w(`partition ${String(p.partition).padStart(3)}  owner ${p.owner ?? '-'}  checkpoint ${p.checkpoint ?? '?'}  lag ${p.lag ?? '?'}`);
}
