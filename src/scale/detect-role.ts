// The detection role: holds partition leases and runs one PartitionProcessor per owned
// partition, round robin, each failed step retried with backoff (NATS or PostgreSQL away).
// On a lease handed back it commits first; on a lease lost it just stops.
import { hostname } from 'node:os';
import type { JetStreamClient, JetStreamManager } from 'nats';
import type { CompiledRuleSet } from '../sigma/index.ts';
import type { Store } from '../store/open-store.ts';
import { sleep } from './backoff.ts';
import { LEASE_RENEW_MS, LeaseManager, leaseBucket } from './lease-manager.ts';
import type { WorkerMetrics } from './metrics.ts';
import { PartitionProcessor } from './partition-processor.ts';
import type { Topology } from './topology.ts';

export interface DetectRoleDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  store: Store;
  topo: Topology;
  ruleSet: CompiledRuleSet;
  partitions: number;
  metrics: WorkerMetrics;
  id: string;
  log: (line: string) => void;
  stopped: () => boolean;
}

interface Slot {
  proc: PartitionProcessor;
  started: boolean;
  retryAt: number;
  wait: number;
  busy: Promise<unknown>;
}

export async function runDetectRole(d: DetectRoleDeps): Promise<void> {
  const slots = new Map<number, Slot>();
  // A processor's state is a function of the stream prefix it has read, whoever else ran the
  // partition meanwhile: one whose lease lapsed is kept and resumed if the lease comes back.
  const parked = new Map<number, Slot>();
  const kv = await leaseBucket(d.js, d.topo.leaseBucket);
  const leases = new LeaseManager(kv, d.id, d.partitions, {
    acquire: async (p) => {
      const old = parked.get(p);
      parked.delete(p);
      d.log(`partition ${p}: acquired${old?.started ? ' (resuming the state kept from before)' : ''}`);
      if (old?.started) old.busy = old.busy.catch(() => {}).then(() => old.proc.refresh());
      slots.set(p, old ?? { proc: new PartitionProcessor(p, { ...d, owner: d.id }), started: false, retryAt: 0, wait: 100, busy: Promise.resolve() });
    },
    release: async (p) => {
      const s = slots.get(p);
      slots.delete(p);
      await s?.busy.catch(() => {});
      if (s?.started) await s.proc.stop().catch((err) => d.log(`partition ${p}: commit on release failed: ${String(err)}`));
      d.log(`partition ${p}: released`);
    },
    lost: (p) => {
      const s = slots.get(p);
      slots.delete(p);
      if (s) parked.set(p, s);
      d.log(`partition ${p}: lease lost`);
    },
  });
  // Claims start at the first tick, LEASE_RENEW_MS after this announcement.
  let ticking = leases.announce().catch((err) => d.log(`leases: ${String(err)}`));
  const timer = setInterval(() => {
    ticking = ticking.then(() =>
      leases.tick().then(
        () => d.metrics.owned.set(slots.size),
        (err) => {
          d.metrics.errors.inc({ role: 'detect' });
          d.log(`leases: ${String(err)}`);
        },
      ),
    );
  }, LEASE_RENEW_MS);
  while (!d.stopped()) {
    let work = 0;
    for (const [p, s] of slots) {
      if (d.stopped() || Date.now() < s.retryAt) continue;
      try {
        await s.busy.catch(() => {}); // a failed refresh only means more (idempotent) upserts
        if (!s.started) {
          s.busy = s.proc.start();
          await s.busy;
          s.started = true;
        }
        const step = s.proc.step();
        s.busy = step;
        work += await step;
        s.wait = 100;
      } catch (err) {
        d.metrics.errors.inc({ role: 'detect' });
        d.log(`partition ${p}: ${String(err)} (retry in ${s.wait} ms)`);
        s.retryAt = Date.now() + s.wait;
        s.wait = Math.min(s.wait * 2, 5000);
      }
    }
    if (work === 0) await sleep(50);
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
  clearInterval(timer);
  await ticking;
  await leases.releaseAll().catch((err) => d.log(`leases on shutdown: ${String(err)}`));
}

export function workerId(): string {
  return `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
}
