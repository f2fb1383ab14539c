// The incident workspace API under load: autocannon at a fixed 200 requests/s against
// `warden serve` on 127.0.0.1, on a demo store (built with `warden demo --no-serve` when
// missing). Baseline: GET /api/health at the same rate (the server's floor); figures: the
// three calls the incident workspace page makes: the incident (scope, obligations, notices),
// its timeline and its decision history. Target: p99 under 50 ms.
// Run: node --import tsx bench/server-incident.ts [--db URL] [--customers N --affected N --events N]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { listIncidents } from '../src/incidents/incident-store.ts';
import { createApiToken } from '../src/server/auth/session-store.ts';
import { createUser, findUserRow } from '../src/server/auth/user-store.ts';
import { openStore } from '../src/store/open-store.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const customers = arg('--customers', '20000');
const affected = arg('--affected', '3000');
const events = arg('--events', '300000');
const db = arg('--db', `sqlite:/tmp/warden-bench-server-${customers}-${affected}-${events}.db`);
const env = { ...process.env, WARDEN_KEY_FILE: '/tmp/warden-bench-server.key', WARDEN_LOG_LEVEL: 'warn' };
const PORT = 8797;
const RATE = 200;
const SECONDS = Number(arg('--seconds', '20'));
const CHURN_PER_SECOND = Number(arg('--churn', '10'));
const CHURN_WRITER = `
import { createRequire } from 'node:module';
const Sqlite = createRequire(${JSON.stringify(import.meta.url)})('better-sqlite3');
const [file, id, perSecond] = process.argv.slice(1);
const db = new Sqlite(file);
db.pragma('busy_timeout = 10000');
const original = db.prepare('select title from incidents where id = ?').get(id).title;
const set = db.prepare('update incidents set title = ? where id = ?');
let n = 0;
const timer = setInterval(() => set.run(++n % 2 ? original + ' (edited)' : original, id), 1000 / Number(perSecond));
process.stdin.on('data', () => { clearInterval(timer); set.run(original, id); process.stdout.write(String(n)); db.close(); });
`;

if (db.startsWith('sqlite:') && !existsSync(db.slice(7))) {
  process.stderr.write(`building the demo store ${db} (${customers} customers, ${affected} affected, ~${events} events)…\n`);
  const r = spawnSync(process.execPath, ['bin/warden.js', 'demo', '--no-serve', '--customers', customers, '--affected', affected, '--events', events, '--out', `/tmp/warden-bench-server-demo-${customers}`, '--db', db], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('demo failed');
}

const store = await openStore(db);
const incident = (await listIncidents(store))[0];
if (!incident) throw new Error('no incident in the store');
const user = (await findUserRow(store, 'bench-analyst')) ?? (await createUser(store, { username: 'bench-analyst', password: 'bench-analyst-password', role: 'analyst' }));
const { token } = await createApiToken(store, user.id, 'bench');
await store.close();

const server = spawn(process.execPath, ['bin/warden.js', 'serve', '--port', String(PORT), '--db', db], { env, stdio: ['ignore', 'ignore', 'pipe'] });
await new Promise<void>((resolve, reject) => {
  server.stderr.on('data', (d: Buffer) => d.toString().includes('serving at') && resolve());
  server.on('exit', (code) => reject(new Error(`warden serve exited ${code}`)));
});

/** One scrape of the server's /metrics: its own CPU seconds (prom-client's process metric, the
 * load-independent cost) and the view-cache misses so far (each one recomputed a view). */
async function serverCounters(): Promise<{ cpuSeconds: number; misses: number }> {
  const text = await (await fetch(`http://127.0.0.1:${PORT}/metrics`)).text();
  return {
    cpuSeconds: Number(/^process_cpu_seconds_total (\S+)$/m.exec(text)?.[1] ?? Number.NaN),
    misses: Number(/^warden_view_cache_lookups_total\{result="miss"\} (\S+)$/m.exec(text)?.[1] ?? 0),
  };
}

async function measure(path: string) {
  const url = `http://127.0.0.1:${PORT}${path}`;
  // Cold: the first request computes the view (as after any write to the store).
  const t0 = performance.now();
  const first = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await first.arrayBuffer();
  const coldMs = performance.now() - t0;
  // Warm-up: first requests load law data and caches.
  await autocannon({ url, connections: 4, amount: 200, headers: { authorization: `Bearer ${token}` } });
  const before = await serverCounters();
  const r = await autocannon({ url, connections: 20, overallRate: RATE, duration: SECONDS, headers: { authorization: `Bearer ${token}` } });
  const after = await serverCounters();
  const cpuMs = (after.cpuSeconds - before.cpuSeconds) * 1000;
  const misses = after.misses - before.misses;
  const done = r.requests.average * SECONDS;
  return { path, coldMs, misses, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, rps: r.requests.average, non2xx: r.non2xx, errors: r.errors, cpuPerReq: cpuMs / Math.max(1, done) };
}

try {
  const base = await measure('/api/health');
  const detail = await measure(`/api/incidents/${incident.id}`);
  const timeline = await measure(`/api/incidents/${incident.id}/timeline`);
  const decisions = await measure(`/api/incidents/${incident.id}/decisions`);
  const line = (m: typeof base) => `${m.path.padEnd(44)} p50 ${m.p50} ms  p99 ${m.p99} ms  max ${m.max} ms  ${m.rps.toFixed(0)} req/s  non-2xx ${m.non2xx}  errors ${m.errors}  server CPU ${m.cpuPerReq.toFixed(2)} ms/req  cold ${m.coldMs.toFixed(0)} ms  recomputed ${m.misses}`;
  console.log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`store: ${db}; incident ${incident.id}, ${incident.scope?.affected.total ?? 0} affected; ${RATE} req/s for ${SECONDS} s each`);
  console.log(`baseline  ${line(base)}`);
  console.log(`figure    ${line(detail)}`);
  console.log(`figure    ${line(timeline)}`);
  console.log(`figure    ${line(decisions)}`);
  console.log(`server CPU at ${RATE} req/s: incident ${((detail.cpuPerReq * RATE) / 10).toFixed(0)}% of one core, timeline ${((timeline.cpuPerReq * RATE) / 10).toFixed(0)}%; ratio CPU incident/health ${(detail.cpuPerReq / base.cpuPerReq).toFixed(2)}x`);
  const met = (m: typeof base) => (m.p99 < 50 ? 'met' : 'NOT met');
  console.log(`ratio p99 incident/health ${(detail.p99 / Math.max(1, base.p99)).toFixed(2)}x, timeline/health ${(timeline.p99 / Math.max(1, base.p99)).toFixed(2)}x, decisions/health ${(decisions.p99 / Math.max(1, base.p99)).toFixed(2)}x`);
  console.log(`target p99 < 50 ms: incident ${met(detail)}, timeline ${met(timeline)}, decisions ${met(decisions)}`);
  // The cache's worst honest case: an incident being worked on, the store written several times
  // a second by another process (notices going out, a worker ingesting), so views keep going
  // stale. SQLite skips a write that leaves a row unchanged (no commit, no new version), so the
  // title really alternates; the writer puts it back when it stops.
  if (db.startsWith('sqlite:')) {
    const writer = spawn(process.execPath, ['--input-type=module', '-e', CHURN_WRITER, db.slice(7), incident.id, String(CHURN_PER_SECOND)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const writes = new Promise<string>((resolve) => {
      let out = '';
      writer.stdout.on('data', (d: Buffer) => (out += d.toString()));
      writer.on('exit', () => resolve(out.trim()));
    });
    const busy = await measure(`/api/incidents/${incident.id}`);
    writer.stdin.end('stop\n');
    const written = await writes;
    console.log(`churn     ${line(busy)}  (store written ${written} times, ${CHURN_PER_SECOND}/s, by another process)`);
    console.log(`target p99 < 50 ms with the store written ${CHURN_PER_SECOND}x/s: incident ${met(busy)}`);
  }
} finally {
  server.kill('SIGTERM');
}
