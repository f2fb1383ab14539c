// Benchmark (issue 7): phishwatch feed matching throughput, 10 brands against a generated
// 1M-line newly-registered-domains feed (≈0.2% look-alikes), through the real streaming path
// (scanFeed). Baselines: the floor of reading the lines alone, and a naive matcher (edit
// distance of every name against every brand, no index, no pre-filter) on a 50k-line sample.
// Usage: node --import tsx bench/brandwatch-feed.ts [--lines N]
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildBrandIndex, normalizeHost } from '../src/brandwatch/brand-matcher.ts';
import { scanFeed } from '../src/brandwatch/feed-scan.ts';
import { generateLookalikes } from '../src/brandwatch/generate-lookalikes.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--lines');
const LINES = at >= 0 ? Number(args[at + 1]) : 1_000_000;
const BRANDS = [
  'nissan.co.jp', 'nissan-global.com', 'toyota.co.jp', 'honda.co.jp', 'mazda.com',
  'subaru.co.jp', 'infiniti.com', 'nissanusa.com', 'nismo.co.jp', 'datsun.com',
];
const TLDS = ['com', 'net', 'org', 'jp', 'co.jp', 'xyz', 'top', 'shop', 'online', 'info', 'de', 'cn'];
const SYLLABLES = ['ka', 'to', 'ri', 'mo', 'an', 'el', 'la', 'sun', 'net', 'ware', 'cloud', 'shop', 'go', 'my', 'best', 'web', 'data', 'zen', 'pro', 'hub'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writeFeed(path: string): void {
  const r = rng(7);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)] as T;
  const fakes = BRANDS.flatMap((b) => generateLookalikes(b).slice(1).map((l) => l.domain));
  const out: string[] = [];
  for (let i = 0; i < LINES; i++) {
    if (r() < 0.002) out.push(pick(fakes));
    else {
      const n = 2 + Math.floor(r() * 3);
      let name = '';
      for (let k = 0; k < n; k++) name += pick(SYLLABLES);
      if (r() < 0.2) name += `-${pick(SYLLABLES)}`;
      if (r() < 0.1) name += Math.floor(r() * 100);
      out.push(`${name}.${pick(TLDS)}`);
    }
  }
  writeFileSync(path, `${out.join('\n')}\n`);
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

const path = join(tmpdir(), `warden-bench-nrd-${LINES}.txt`);
if (!existsSync(path)) {
  process.stderr.write(`writing a ${LINES}-line feed to ${path}\n`);
  writeFeed(path);
}

let t0 = performance.now();
let c = process.cpuUsage();
let floorLines = 0;
for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
  if (line) floorLines++;
}
const floorSecs = (performance.now() - t0) / 1000;
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};
const floorCpu = cpuSeconds(c);

t0 = performance.now();
const index = buildBrandIndex(BRANDS);
const buildMs = performance.now() - t0;

t0 = performance.now();
const c0 = process.cpuUsage();
const stats = await scanFeed(path, 'domains', index, { onHit: () => {} });
const secs = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
const rate = stats.names / secs;
const cpuRate = stats.names / cpuSecs;

// Naive: every name's first label against every brand label by plain edit distance.
const SAMPLE = 50_000;
const brandLabels = BRANDS.map((b) => b.slice(0, b.indexOf('.')));
t0 = performance.now();
c = process.cpuUsage();
let naiveHits = 0;
let naiveNames = 0;
for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
  if (naiveNames >= SAMPLE) break;
  const host = normalizeHost(line);
  if (!host) continue;
  naiveNames++;
  const label = host.slice(0, host.indexOf('.'));
  for (const b of brandLabels) if (editDistance(label, b) <= 2) naiveHits++;
}
const naiveRate = naiveNames / ((performance.now() - t0) / 1000);
const naiveCpuRate = naiveNames / cpuSeconds(c);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`load average ${loadavg()[0]?.toFixed(1)} on 2 cores; rates per wall second, and per CPU second used`);
console.log(`feed: ${fmt(LINES)} lines, ${BRANDS.length} brands (${fmt(index.exact.size)} look-alikes indexed in ${buildMs.toFixed(0)} ms)`);
console.log(`floor (read lines only):      ${fmt(floorLines / floorSecs)} lines/s wall, ${fmt(floorLines / floorCpu)} per CPU second`);
console.log(`baseline (naive edit dist.):  ${fmt(naiveRate)} domains/s wall, ${fmt(naiveCpuRate)} per CPU second (${fmt(naiveNames)}-name sample, ${naiveHits} hits)`);
console.log(`phishwatch scanFeed:          ${fmt(rate)} domains/s wall, ${fmt(cpuRate)} per CPU second (${stats.hits} distinct hits, ${secs.toFixed(2)} s)`);
console.log(`ratio vs naive: ${(rate / naiveRate).toFixed(1)}x wall, ${(cpuRate / naiveCpuRate).toFixed(1)}x CPU; of the read-only floor: ${((rate / (floorLines / floorSecs)) * 100).toFixed(0)}%; target > 200,000 domains/s: ${rate > 200_000 ? 'met' : 'NOT met'} (wall), ${cpuRate > 200_000 ? 'met' : 'NOT met'} (CPU)`);
