// The scale-out path end to end, against a real nats-server (JetStream) and PostgreSQL, with the
// workers as child processes (`node bin/warden.js worker …`): 2 ingest + 2 detection workers
// must store exactly the events and alerts the single-process `ingestFile` + detection sink
// stores for the same generated stream (attack inside); and the same must hold across a kill -9
// of the detection worker that owns the attacker's partition mid-attack, a restart of (our own)
// nats-server, and a restart of (our own) PostgreSQL.
// Stream sizes: the equivalence runs on the 500,000-event stream
// (WARDEN_TEST_SCALE_EQUIVALENCE_EVENTS, ~505k events, about 100 s here); the fault test on a
// smaller one (WARDEN_TEST_SCALE_EVENTS, default 30,000 target, ~49k events), as its kills and
// restarts are about moments in the stream, not its length.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OwnPostgres } from './own-postgres.ts';
import { ensureTopology, deleteTopology, partitionOf, topology } from '../../src/scale/topology.ts';
import { shipFile } from '../../src/scale/shipper.ts';
import { readCheckpoints } from '../../src/scale/checkpoint-store.ts';
import { writeScenario } from '../../src/scenario/write-scenario.ts';
import { ACCOUNTS, SOURCE } from '../../src/scenario/scenario-world.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { freshUrl, postgresAvailable } from '../support/dialects.ts';
import {
  freePort,
  NATS_URL,
  natsAvailable,
  OwnNatsServer,
  referenceRun,
  type StoreSnapshot,
  snapshot,
  spawnWorker,
  stopWorker,
  uniquePrefix,
  waitFor,
  type WorkerProc,
  withNats,
} from './cluster-support.ts';

const PARTITIONS = 4;
const TARGET = Number(process.env.WARDEN_TEST_SCALE_EVENTS ?? 30_000);
const EQUIVALENCE_TARGET = Number(process.env.WARDEN_TEST_SCALE_EQUIVALENCE_EVENTS ?? 500_000);
const ready = (await postgresAvailable()) && (await natsAvailable());
const tmp = mkdtempSync(join(tmpdir(), 'warden-scale-'));
/** A generated stream (attack inside) and what the single-process path stores for it. */
interface Stream {
  file: string;
  reference: StoreSnapshot;
}

async function generatedStream(name: string, events: number): Promise<Stream> {
  const s = await writeScenario({ out: join(tmp, name), customers: 20_000, affected: 3000, events, seed: 7 });
  const db = await freshUrl('postgres');
  try {
    const reference = await referenceRun(db.url, s.accessJsonl, SOURCE);
    assert.ok(reference.alerts.some((a) => a.group.includes(ACCOUNTS.attacker)), 'the attack raises alerts');
    return { file: s.accessJsonl, reference };
  } finally {
    await db.drop();
  }
}

async function shipLines(natsUrl: string, prefix: string, path: string): Promise<void> {
  const topo = topology(prefix);
  await withNats(natsUrl, async (nc) => {
    const jsm = await nc.jetstreamManager();
    await ensureTopology(jsm, topo);
    await shipFile(nc.jetstream(), jsm, topo, { source: SOURCE, input: path, format: 'jsonl' });
  });
}

/** True when every raw message is ingested and every partition's checkpoint has reached it. */
async function caughtUp(natsUrl: string, prefix: string, store: Store): Promise<boolean> {
  const topo = topology(prefix);
  const last = await withNats(natsUrl, async (nc) => {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(topo.rawStream);
    const ci = await jsm.consumers.info(topo.rawStream, topo.ingestConsumer);
    return ci.ack_floor.stream_seq === info.state.last_seq ? info.state.last_seq : -1;
  });
  if (last <= 0) return false; // nothing shipped (or the stream is gone): not caught up
  const cps = await readCheckpoints(store, prefix);
  for (let p = 0; p < PARTITIONS; p++) if ((cps.get(p)?.rawDone ?? 0) < last) return false;
  return true;
}

function workerArgs(natsUrl: string, db: string, prefix: string, role: string): string[] {
  return ['--nats', natsUrl, '--db', db, '--prefix', prefix, '--partitions', String(PARTITIONS), '--role', role];
}

function assertSameAsReference(got: StoreSnapshot, reference: StoreSnapshot): void {
  assert.equal(got.events, reference.events, 'stored event count');
  assert.equal(got.eventsDigest, reference.eventsDigest, 'stored events');
  assert.deepEqual(got.alerts, reference.alerts, 'alerts');
}

describe('scale-out cluster on NATS JetStream + PostgreSQL', { skip: ready ? false : 'NATS or PostgreSQL unreachable (see the notice above)' }, () => {
  let equivalence: Stream;
  let faults: Stream;
  before(async () => {
    equivalence = await generatedStream('equivalence', EQUIVALENCE_TARGET);
    faults = await generatedStream('faults', TARGET);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('2 ingest + 2 detection workers store the same events and alerts as the single-process path', { timeout: 900_000 }, async (t) => {
    const { file, reference } = equivalence;
    t.diagnostic(`stream: ${reference.events} events, ${reference.alerts.length} alerts from the single-process path`);
    const prefix = uniquePrefix();
    const db = await freshUrl('postgres');
    const store = await openStore(db.url);
    const workers: WorkerProc[] = [];
    try {
      for (const role of ['ingest', 'ingest', 'detect', 'detect']) workers.push(spawnWorker(workerArgs(NATS_URL, db.url, prefix, role), join(tmp, `${prefix}-${workers.length}.log`)));
      await shipLines(NATS_URL, prefix, file);
      await waitFor('the cluster to catch up', () => caughtUp(NATS_URL, prefix, store), 800_000);
      const got = await snapshot(store);
      if (got.alerts.length !== reference.alerts.length) {
        console.error('checkpoints', [...(await readCheckpoints(store, prefix)).entries()], 'logs in', tmp, 'alerts', got.alerts.length, reference.alerts.length);
      }
      assertSameAsReference(got, reference);
      const owners = new Set([...(await readCheckpoints(store, prefix)).values()].map((c) => c.owner));
      assert.equal(owners.size, 2, 'both detection workers own partitions');
      for (const w of workers) await stopWorker(w);
      for (const w of workers) assert.equal(await w.exited, 0, 'a drained worker exits 0');
    } finally {
      for (const w of workers) await stopWorker(w, 'SIGKILL');
      await store.close();
      await withNats(NATS_URL, async (nc) => deleteTopology(await nc.jetstreamManager(), topology(prefix)));
      await db.drop();
    }
  });

  test('kill -9 of the attacker partition owner mid-attack, a nats-server restart and a PostgreSQL restart: nothing lost, no duplicate alert, the correlation fires once', { timeout: 900_000 }, async () => {
    const { file, reference } = faults;
    const nats = new OwnNatsServer(await freePort());
    await nats.start();
    // PostgreSQL of this test's own, so it can really be restarted under the workers.
    const postgres = new OwnPostgres(await freePort());
    await postgres.start();
    const prefix = uniquePrefix();
    const db = { url: postgres.url, drop: () => postgres.destroy() };
    const store = await openStore(db.url);
    const workers: WorkerProc[] = [];
    const log = (n: number) => join(tmp, `${prefix}-${n}.log`);
    try {
      // four parts: the first ends in the middle of the attack, so its correlations span the crash
      const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
      const attack = lines.map((l, i) => (l.includes(ACCOUNTS.attacker) ? i : -1)).filter((i) => i >= 0);
      const mid = (attack[Math.floor(attack.length / 2)] as number) + 1;
      const rest = lines.length - mid;
      const cuts = [0, mid, mid + Math.floor(rest / 3), mid + Math.floor((2 * rest) / 3), lines.length];
      const parts = cuts.slice(1).map((end, i) => {
        const path = join(tmp, `part-${i + 1}.jsonl`);
        writeFileSync(path, `${lines.slice(cuts[i], end).join('\n')}\n`);
        return path;
      });
      const done = () => caughtUp(nats.url, prefix, store);
      workers.push(spawnWorker(workerArgs(nats.url, db.url, prefix, 'ingest'), log(0)));
      for (let i = 1; i <= 2; i++) workers.push(spawnWorker(workerArgs(nats.url, db.url, prefix, 'detect'), log(i)));

      await shipLines(nats.url, prefix, parts[0] as string);
      await waitFor('part 1', done, 600_000);
      // kill -9 whoever holds the attacker's partition, with half the attack in its memory
      const p = partitionOf(ACCOUNTS.attacker, PARTITIONS);
      const owner = await withNats(nats.url, async (nc) => (await (await nc.jetstream().views.kv(topology(prefix).leaseBucket)).get(`p.${p}`))?.string());
      const victim = workers.find((w) => owner?.includes(`-${w.pid}-`));
      assert.ok(victim, `the owner of partition ${p} (${owner}) is one of our detection workers`);
      victim.proc.kill('SIGKILL');
      await victim.exited;
      workers.push(spawnWorker(workerArgs(nats.url, db.url, prefix, 'detect'), log(3)));
      await shipLines(nats.url, prefix, parts[1] as string);
      await waitFor('part 2 after the kill', done, 600_000);

      await shipLines(nats.url, prefix, parts[2] as string);
      await nats.stop();
      await nats.start();
      await waitFor('part 3 after the NATS restart', done, 600_000);

      await shipLines(nats.url, prefix, parts[3] as string);
      await postgres.stop(); // a fast shutdown: every worker connection is cut mid-work
      await new Promise((r) => setTimeout(r, 1500));
      await postgres.start();
      await waitFor('part 4 after the PostgreSQL restart', done, 600_000);

      const got = await snapshot(store);
      const attackerCorrelations = (s: StoreSnapshot) => s.alerts.filter((a) => a.group.includes(ACCOUNTS.attacker));
      assert.deepEqual(attackerCorrelations(got), attackerCorrelations(reference), 'the attacker alerts, each once');
      assertSameAsReference(got, reference);
      const logs = [0, 1, 2, 3].map((n) => readFileSync(log(n), 'utf8')).join('\n');
      assert.match(logs, /nats (disconnect|reconnect)/, 'the workers saw NATS go away');
      const pgGone = new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${postgres.port}|terminating connection due to administrator command|Connection terminated`);
      assert.match(logs, pgGone, 'the workers saw PostgreSQL go away');
      for (const w of workers) await stopWorker(w);
    } finally {
      for (const w of workers) await stopWorker(w, 'SIGKILL');
      await store.close();
      await db.drop();
      await nats.destroy();
    }
  });
});
