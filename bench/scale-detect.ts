// Detection throughput with 1 and with 2 detection workers (target: 2 workers >= 1.7x one).
// The stream is shipped and ingested first (ingest stopped), then k detection workers start on
// it; the figure is events / wall seconds from the first checkpoint to all partitions caught
// up, and events per CPU second of the detection workers (independent of other tenants).
// Run: node --import tsx bench/scale-detect.ts   (SCALE_BENCH_EVENTS, default 100000 target)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.ts';
import { readCheckpoints } from '../src/scale/checkpoint-store.ts';
import { deleteTopology, topology } from '../src/scale/topology.ts';
import { NATS_URL, sleep, spawnWorker, stopWorker, uniquePrefix, waitFor, withNats } from '../test/scale/cluster-support.ts';
import { freshUrl } from '../test/support/dialects.ts';
import { cpuSeconds, loadAverage, minCheckpoint, rawState, scenarioFile, ship } from './scale-support.ts';

const PARTITIONS = 2;
const dir = mkdtempSync(join(tmpdir(), 'warden-bench-scale-'));
const { file, events } = await scenarioFile(dir, Number(process.env.SCALE_BENCH_EVENTS ?? 100_000));
console.log(`stream: ${events} events, ${PARTITIONS} partitions; load average ${loadAverage()}`);

async function run(k: number): Promise<{ wall: number; cpu: number }> {
  const prefix = uniquePrefix();
  const db = await freshUrl('postgres');
  const store = await openStore(db.url);
  const args = (role: string) => ['--nats', NATS_URL, '--db', db.url, '--prefix', prefix, '--partitions', String(PARTITIONS), '--role', role];
  try {
    const ingest = spawnWorker(args('ingest'), join(dir, `${prefix}-ingest.log`));
    await ship(NATS_URL, prefix, file);
    await waitFor('ingest', async () => {
      const s = await rawState(NATS_URL, prefix);
      return s.floor === s.last;
    }, 3_600_000);
    await stopWorker(ingest);
    const { last } = await rawState(NATS_URL, prefix);
    const workers = Array.from({ length: k }, (_, i) => spawnWorker(args('detect'), join(dir, `${prefix}-detect-${i}.log`)));
    let t0 = 0;
    let cpu0 = 0;
    while (!t0) {
      if ((await readCheckpoints(store, prefix)).size > 0) {
        t0 = performance.now();
        cpu0 = workers.reduce((s, w) => s + cpuSeconds(w.pid), 0);
      } else await sleep(100);
    }
    await waitFor('detection', async () => (await minCheckpoint(store, prefix, PARTITIONS)) >= last, 3_600_000);
    const wall = (performance.now() - t0) / 1000;
    const cpu = workers.reduce((s, w) => s + cpuSeconds(w.pid), 0) - cpu0;
    for (const w of workers) await stopWorker(w);
    return { wall, cpu };
  } finally {
    await store.close();
    await withNats(NATS_URL, async (nc) => deleteTopology(await nc.jetstreamManager(), topology(prefix)));
    await db.drop();
  }
}

const one = await run(1);
console.log(`baseline  1 detection worker : ${(events / one.wall).toFixed(0)} events/s wall (${one.wall.toFixed(1)} s), ${(events / one.cpu).toFixed(0)} events per CPU second`);
const two = await run(2);
console.log(`figure    2 detection workers: ${(events / two.wall).toFixed(0)} events/s wall (${two.wall.toFixed(1)} s), ${(events / two.cpu).toFixed(0)} events per CPU second (both workers)`);
console.log(`ratio     ${(one.wall / two.wall).toFixed(2)}x wall (target >= 1.7x); CPU per event 1 vs 2 workers: ${(two.cpu / one.cpu).toFixed(2)}x`);
console.log(`load average at the end: ${loadAverage()} (2 cores shared)`);
rmSync(dir, { recursive: true, force: true });
