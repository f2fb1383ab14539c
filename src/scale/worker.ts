// `warden worker`: connects to NATS and PostgreSQL (both with reconnect and backoff), makes sure
// the streams exist, then runs the ingest role, the detection role, or both until told to stop.
// SIGTERM drains: the current batch finishes, pending alerts and checkpoints are committed,
// leases are handed back, and the connections are closed.
import { existsSync } from 'node:fs';
import type { JetStreamClient } from 'nats';
import { INSTALLED_RULES_DIR } from '../detect/detection-sink.ts';
import { BUILTIN_PACK_DIR, loadRules } from '../detect/rule-pack.ts';
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { sleep, withBackoff } from './backoff.ts';
import { runDetectRole, workerId } from './detect-role.ts';
import { IngestWorker } from './ingest-worker.ts';
import { WorkerMetrics } from './metrics.ts';
import { connectNats } from './nats-connect.ts';
import { ensureTopology, topology } from './topology.ts';
import { openWorkerStore } from './worker-store.ts';

export type WorkerRole = 'ingest' | 'detect' | 'all';

export interface WorkerOptions {
  nats: string;
  db: string;
  role: WorkerRole;
  partitions: number;
  prefix: string;
  metricsPort?: number | undefined;
  rules?: string[] | undefined;
  log: (line: string) => void;
}

export interface RunningWorker {
  id: string;
  stop(): void;
  done: Promise<void>;
}

async function loadRuleSet(rules: string[] | undefined) {
  const dirs = rules ?? [BUILTIN_PACK_DIR, ...(existsSync(INSTALLED_RULES_DIR) ? [INSTALLED_RULES_DIR] : [])];
  const loaded = await loadRules(dirs);
  const first = loaded.errors[0];
  if (first) throw new WardenError('bad_input', `${first.message} (${loaded.errors.length} rule errors: run warden rules check)`, `${first.file}:${first.line}:${first.col}`);
  return loaded.ruleSet;
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  if (!/^postgres(ql)?:\/\//.test(o.db)) throw new WardenError('bad_usage', 'workers share state through PostgreSQL: pass --db postgres://…', '--db');
  if (!Number.isInteger(o.partitions) || o.partitions < 1 || o.partitions > 4096) throw new WardenError('bad_usage', 'must be an integer from 1 to 4096', '--partitions');
  const topo = topology(o.prefix);
  const ruleSet = o.role === 'ingest' ? undefined : await loadRuleSet(o.rules);
  const id = workerId();
  let stopping = false;
  const stopped = () => stopping;
  const metrics = new WorkerMetrics();
  const server = o.metricsPort === undefined ? undefined : await metrics.serve(o.metricsPort);
  const nc = await connectNats(o.nats, `warden-worker-${id}`, o.log);
  const js = nc.jetstream();
  const jsm = await withBackoff(() => nc.jetstreamManager(), { onError: (e) => o.log(`jetstream: ${String(e)}`) });
  if (!jsm) throw new WardenError('internal', 'stopped before JetStream was reachable', '--nats');
  await withBackoff(() => ensureTopology(jsm, topo), { onError: (e) => o.log(`topology: ${String(e)}`) });
  await checkPartitions(js, topo.configBucket, o.partitions);
  const store = (await withBackoff(() => openWorkerStore(o.db, o.log), { onError: (e) => o.log(`store: ${String(e)}`), maxMs: 5000 })) as Store;
  o.log(`worker ${id} up: role ${o.role}, ${o.partitions} partitions, prefix ${o.prefix}`);

  const loops: Array<Promise<void>> = [];
  if (o.role !== 'detect') {
    const ingest = new IngestWorker({ js, jsm, store, topo, partitions: o.partitions, metrics, log: o.log });
    loops.push(
      (async () => {
        let wait = 100;
        while (!stopping) {
          try {
            const n = await ingest.step();
            wait = 100;
            if (n === 0) await sleep(20);
          } catch (err) {
            metrics.errors.inc({ role: 'ingest' });
            o.log(`ingest: ${String(err)} (retry in ${wait} ms)`);
            await sleep(wait);
            wait = Math.min(wait * 2, 5000);
          }
        }
      })(),
    );
  }
  if (ruleSet) loops.push(runDetectRole({ js, jsm, store, topo, ruleSet, partitions: o.partitions, metrics, id, log: o.log, stopped }));
  const done = (async () => {
    await Promise.all(loops);
    await nc.drain().catch(() => nc.close());
    await store.close().catch(() => {});
    server?.close();
    o.log(`worker ${id} drained`);
  })();
  const stop = () => {
    stopping = true;
  };
  return { id, stop, done };
}

/** The partition count is fixed when a cluster is first set up (an actor must keep its partition). */
async function checkPartitions(js: JetStreamClient, bucket: string, partitions: number): Promise<void> {
  const kv = await js.views.kv(bucket, { history: 1 });
  let e = await kv.get('partitions');
  if (e?.operation !== 'PUT') {
    await kv.create('partitions', String(partitions)).catch(() => {});
    e = await kv.get('partitions');
  }
  const have = Number(e?.string() ?? partitions);
  if (have !== partitions) throw new WardenError('bad_usage', `the cluster was set up with ${have} partitions; pass --partitions ${have}`, '--partitions');
}
