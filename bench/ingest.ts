// Ingest throughput on the default demo log (~2M events) against its floor: reading the same
// file line by line and JSON.parse-ing each line in one loop. Target: ingest within 3x.
// Run: node --import tsx bench/ingest.ts   (WARDEN_BENCH_DIR to reuse a generated scenario)
import { rmSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ingestFile } from '../src/logs/ingest.ts';
import { openStore } from '../src/store/open-store.ts';
import { BENCH_DIR, benchScenario, machine } from './support/demo-world.ts';

const files = await benchScenario();

async function floor(path: string): Promise<{ ms: number; lines: number }> {
  const t0 = performance.now();
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line) {
      JSON.parse(line);
      lines++;
    }
  }
  return { ms: performance.now() - t0, lines };
}

const f = await floor(files.accessJsonl);
const dbPath = join(BENCH_DIR, 'bench-ingest.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
const store = await openStore(`sqlite:${dbPath}`);
const t0 = performance.now();
const r = await ingestFile(store, { source: 'dealer-crm', file: files.accessJsonl, format: 'jsonl' });
const ingestMs = performance.now() - t0;
await store.close();

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
console.log(`machine: ${machine()}`);
console.log(`events: ${r.events} (${r.stored} stored)`);
console.log(`baseline (readline + JSON.parse): ${(f.ms / 1000).toFixed(2)} s, ${rate(f.lines, f.ms)} lines/s`);
console.log(`ingest (normalize + dedupe + SQLite): ${(ingestMs / 1000).toFixed(2)} s, ${rate(r.events, ingestMs)} events/s`);
console.log(`ratio ingest/baseline: ${(ingestMs / f.ms).toFixed(2)}x (target <= 3x)`);
