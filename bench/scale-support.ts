// Shared pieces of the scale-out benchmarks: a generated scenario stream, a fresh cluster
// (unique prefix, fresh PostgreSQL database), worker child processes and their CPU time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCheckpoints } from '../src/scale/checkpoint-store.ts';
import { shipFile } from '../src/scale/shipper.ts';
import { ensureTopology, topology } from '../src/scale/topology.ts';
import { SOURCE } from '../src/scenario/scenario-world.ts';
import { writeScenario } from '../src/scenario/write-scenario.ts';
import type { Store } from '../src/store/open-store.ts';
import { withNats } from '../test/scale/cluster-support.ts';

export async function scenarioFile(dir: string, target: number): Promise<{ file: string; events: number }> {
  const s = await writeScenario({ out: dir, customers: 20_000, affected: 3000, events: target, seed: 7 });
  return { file: s.accessJsonl, events: s.events };
}

export async function ship(url: string, prefix: string, file: string): Promise<void> {
  const topo = topology(prefix);
  await withNats(url, async (nc) => {
    const jsm = await nc.jetstreamManager();
    await ensureTopology(jsm, topo);
    await shipFile(nc.jetstream(), jsm, topo, { source: SOURCE, input: file, format: 'jsonl' });
  });
}

export async function rawState(url: string, prefix: string): Promise<{ last: number; floor: number }> {
  const topo = topology(prefix);
  return withNats(url, async (nc) => {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(topo.rawStream);
    const ci = await jsm.consumers.info(topo.rawStream, topo.ingestConsumer);
    return { last: info.state.last_seq, floor: ci.ack_floor.stream_seq };
  });
}

export async function minCheckpoint(store: Store, prefix: string, partitions: number): Promise<number> {
  const cps = await readCheckpoints(store, prefix);
  let min = Number.POSITIVE_INFINITY;
  for (let p = 0; p < partitions; p++) min = Math.min(min, cps.get(p)?.rawDone ?? 0);
  return min;
}

/** user+system CPU seconds a process has used so far (Linux /proc). */
export function cpuSeconds(pid: number): number {
  try {
    const f = readFileSync(join('/proc', String(pid), 'stat'), 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds of every process whose command name (/proc/<pid>/comm) is `name`: postgres's
 * backends, nats-server. Where the rest of a 2-core box's CPU goes. */
export function cpuSecondsOf(name: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(join('/proc', pid, 'comm'), 'utf8').trim() === name) total += cpuSeconds(Number(pid)) || 0;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
