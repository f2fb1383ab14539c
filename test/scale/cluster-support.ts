// Helpers for the cluster integration tests: NATS availability (loud skip unless required),
// an own nats-server child on a free port with its own store dir (restartable without touching
// the shared one), worker child processes, the single-process reference run, and a comparable
// snapshot of what a store holds (events digest, alerts).
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { createDetectionSink } from '../../src/detect/detection-sink.ts';
import { ingestFile } from '../../src/logs/ingest.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';

export const NATS_URL = process.env.WARDEN_TEST_NATS ?? 'nats://127.0.0.1:4222';
const REQUIRED = process.env.WARDEN_TEST_NATS_REQUIRED === '1';

export async function natsAvailable(url = NATS_URL): Promise<boolean> {
  try {
    const nc = await connect({ servers: url, timeout: 3000 });
    await nc.jetstreamManager();
    await nc.close();
    return true;
  } catch (err) {
    if (REQUIRED) throw new Error(`NATS JetStream required but unreachable at ${url}: ${String(err)}`);
    console.error(`\n!!! NATS JetStream NOT AVAILABLE at ${url}: the cluster tests are NOT running !!!\n`);
    return false;
  }
}

export const uniquePrefix = () => `wt${randomBytes(4).toString('hex')}`;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function waitFor(what: string, cond: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await cond().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(300);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** A nats-server of our own (JetStream, temp store dir), restartable on the same port and dir. */
export class OwnNatsServer {
  private proc: ChildProcess | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'warden-nats-'));
  constructor(readonly port: number) {}
  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.proc = spawn('/usr/sbin/nats-server', ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.dir], { stdio: 'ignore' });
    await waitFor('nats-server up', async () => {
      const nc = await connect({ servers: this.url, timeout: 1000 });
      await nc.close();
      return true;
    }, 30_000);
  }
  /** Graceful stop (SIGTERM), as a service restart does. */
  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  }
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface WorkerProc {
  proc: ChildProcess;
  pid: number;
  exited: Promise<number | null>;
}

export function spawnWorker(args: string[], logFile: string): WorkerProc {
  const out = createWriteStream(logFile, { flags: 'a' });
  // WARDEN_WORKER_NODE_ARGS: node flags for the worker processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile them.
  const nodeArgs = process.env.WARDEN_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const proc = spawn(process.execPath, [...nodeArgs, 'bin/warden.js', 'worker', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.pipe(out);
  proc.stderr?.pipe(out);
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, pid: proc.pid as number, exited };
}

export async function stopWorker(w: WorkerProc, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (w.proc.exitCode !== null || w.proc.signalCode !== null) return;
  w.proc.kill(signal);
  await w.exited;
}

export interface StoreSnapshot {
  events: number;
  eventsDigest: string;
  alerts: Array<{ id: string; rule: string; group: string; first: string; last: string; count: number; evidence: string[] }>;
}

export async function snapshot(store: Store): Promise<StoreSnapshot> {
  const rows = await store.db.selectFrom('events').selectAll().orderBy('id').execute();
  const h = createHash('sha256');
  for (const r of rows) h.update(JSON.stringify([r.id, r.source, r.time, Number(r.time_ms), r.actor_user, r.action, r.record_ids, Number(r.record_count), r.fields, r.extra]));
  const alerts = await store.db.selectFrom('alerts').selectAll().orderBy('id').execute();
  return {
    events: rows.length,
    eventsDigest: h.digest('hex'),
    alerts: alerts.map((a) => ({ id: a.id, rule: a.rule, group: a.group_key, first: a.first, last: a.last, count: Number(a.count), evidence: JSON.parse(a.evidence) as string[] })),
  };
}

/** What `warden ingest` (the single-process path, with the detection sink) stores for `file`. */
export async function referenceRun(url: string, file: string, source: string): Promise<StoreSnapshot> {
  const store = await openStore(url);
  try {
    const sink = await createDetectionSink(store);
    await ingestFile(store, { source, file, sinks: [sink] });
    return await snapshot(store);
  } finally {
    await store.close();
  }
}

export async function withNats<T>(url: string, body: (nc: NatsConnection) => Promise<T>): Promise<T> {
  const nc = await connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 300 });
  try {
    return await body(nc);
  } finally {
    await nc.close().catch(() => {});
  }
}
