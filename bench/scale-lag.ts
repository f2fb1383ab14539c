// End-to-end lag at a steady publish rate (default 20,000 events/s) through 2 ingest + 2
// detection workers: each chunk's lag is from its publish ack to the moment every partition's
// checkpoint covers it (stored, detected, alerts committed). Prints p50/p95/max and the rate
// actually sustained. Run: node --import tsx bench/scale-lag.ts
// (SCALE_LAG_RATE events/s, default 20000; SCALE_LAG_SECONDS, default 15; SCALE_LAG_PARTITIONS, default 2)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headers } from 'nats';
import { CHUNK_LINES, chunkMessageId, H_FILE, H_FORMAT, H_LINE } from '../src/scale/raw-line.ts';
import { deleteTopology, ensureTopology, topology } from '../src/scale/topology.ts';
import { SOURCE } from '../src/scenario/scenario-world.ts';
import { openStore } from '../src/store/open-store.ts';
import { NATS_URL, sleep, spawnWorker, stopWorker, uniquePrefix, waitFor, withNats } from '../test/scale/cluster-support.ts';
import { freshUrl } from '../test/support/dialects.ts';
import { cpuSeconds, cpuSecondsOf, loadAverage, minCheckpoint, scenarioFile } from './scale-support.ts';

const RATE = Number(process.env.SCALE_LAG_RATE ?? 20_000);
const SECONDS = Number(process.env.SCALE_LAG_SECONDS ?? 15);
const PARTITIONS = Number(process.env.SCALE_LAG_PARTITIONS ?? 2); // one per detection worker: each partition folds every event's history view
const dir = mkdtempSync(join(tmpdir(), 'warden-bench-lag-'));
const { file } = await scenarioFile(dir, RATE * SECONDS);
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, RATE * SECONDS);
const prefix = uniquePrefix();
const db = await freshUrl('postgres');
const store = await openStore(db.url);
const args = (role: string) => ['--nats', NATS_URL, '--db', db.url, '--prefix', prefix, '--partitions', String(PARTITIONS), '--role', role];
const logs = ['ingest', 'ingest', 'detect', 'detect'].map((r, i) => join(dir, `${r}-${i}.log`));
const workers = ['ingest', 'ingest', 'detect', 'detect'].map((r, i) => spawnWorker(args(r), logs[i] as string));
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

let stopPoller = () => {};
let pollerDone: Promise<void> = Promise.resolve();
try {
  await waitFor('workers up', async () => logs.every((l) => /up: role/.test(readFileSync(l, 'utf8'))), 600_000);
  await sleep(3000); // leases settle
  const published = new Map<number, number>(); // raw seq -> publish-ack time
  const lags: number[] = [];
  let seen = 0;
  let publishing = true;
  let stop = false;
  stopPoller = () => {
    stop = true;
  };
  pollerDone = (async () => {
    while (!stop && (publishing || seen < Math.max(0, ...published.keys()))) {
      const done = await minCheckpoint(store, prefix, PARTITIONS);
      const now = performance.now();
      for (let s = seen + 1; s <= done; s++) {
        const t = published.get(s);
        if (t !== undefined) lags.push(now - t);
      }
      seen = Math.max(seen, done);
      await sleep(100);
    }
  })();
  let failed = 0;
  const cpu = () => ({
    ingest: workers.slice(0, 2).reduce((a, w) => a + cpuSeconds(w.pid), 0),
    detect: workers.slice(2).reduce((a, w) => a + cpuSeconds(w.pid), 0),
    postgres: cpuSecondsOf('postgres'),
    nats: cpuSecondsOf('nats-server'),
    bench: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  });
  const cpu0 = cpu();
  const t0 = performance.now();
  await withNats(NATS_URL, async (nc) => {
    const js = nc.jetstream();
    await ensureTopology(await nc.jetstreamManager(), topology(prefix));
    const inflight: Array<Promise<void>> = [];
    for (let first = 0; first < lines.length; first += CHUNK_LINES) {
      const due = t0 + (first / RATE) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const chunk = lines.slice(first, first + CHUNK_LINES);
      const h = headers();
      h.set(H_FORMAT, 'jsonl');
      h.set(H_LINE, String(first + 1));
      h.set(H_FILE, 'lag-bench');
      inflight.push(js.publish(topology(prefix).rawSubject(SOURCE), chunk.join('\n'), { msgID: chunkMessageId(SOURCE, chunk), headers: h, timeout: 60_000 }).then(
        (ack) => {
          published.set(ack.seq, performance.now());
        },
        () => {
          failed++;
        },
      ));
    }
    await Promise.all(inflight);
  });
  const sendSeconds = (performance.now() - t0) / 1000;
  publishing = false;
  await pollerDone;
  const total = (performance.now() - t0) / 1000;
  lags.sort((a, b) => a - b);
  console.log(`target ${RATE} events/s for ${SECONDS} s (${lines.length} events, ${PARTITIONS} partitions, 2 ingest + 2 detection workers)`);
  if (failed) console.log(`${failed} chunk publishes timed out (not counted)`);
  console.log(`published at ${(lines.length / sendSeconds).toFixed(0)} events/s; all detected after ${total.toFixed(1)} s -> sustained ${(lines.length / total).toFixed(0)} events/s`);
  console.log(`end-to-end lag per chunk: p50 ${(pct(lags, 50) / 1000).toFixed(2)} s, p95 ${(pct(lags, 95) / 1000).toFixed(2)} s, max ${(pct(lags, 100) / 1000).toFixed(2)} s (${lags.length} chunks)`);
  const cpu1 = cpu();
  const used = Object.fromEntries(Object.entries(cpu1).map(([k, v]) => [k, v - cpu0[k as keyof typeof cpu0]]));
  const sum = Object.values(used).reduce((a, b) => a + b, 0);
  console.log(`CPU seconds over the run (${total.toFixed(1)} s wall, ${(2 * total).toFixed(1)} CPU s available): ${Object.entries(used).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; total ${sum.toFixed(1)} = ${((1000 * sum) / lines.length).toFixed(3)} CPU s per 1,000 events -> ${(lines.length / sum).toFixed(0)} events/s per core for the whole pipeline`);
  console.log(`load average at the end: ${loadAverage()} (2 cores shared)`);
} catch (err) {
  console.error('bench failed:', err);
  process.exitCode = 1;
} finally {
  stopPoller();
  await pollerDone;
  for (const w of workers) await stopWorker(w);
  await store.close();
  await withNats(NATS_URL, async (nc) => deleteTopology(await nc.jetstreamManager(), topology(prefix)));
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
}
