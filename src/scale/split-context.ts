// Warden's per-actor history (src/detect/actor-context.ts) split for partitioned detection:
// GlobalContext holds what spans actors (first event time, IPs seen by anyone, peer means) and
// is folded from every event's ContextTuple; PartitionContext holds one partition's actors. Fed
// in raw-stream order they give each event the same `warden.*` fields as one ActorContext over
// the whole stream (test/scale/split-context.test.ts checks this). Pure; snapshot-free by design.
import type { ActorEventView, WardenFields } from '../detect/actor-context.ts';
import type { ContextTuple } from './context-tuple.ts';
import { LruMap } from './lru-map.ts';

const DAY_MS = 86_400_000;
const MAX_IPS_PER_ACTOR = 32;
const MIN_BASELINE_READS = 5;
const MIN_PEER_READS = 20;
const READS: ReadonlySet<string> = new Set(['view', 'search', 'export', 'api_read', 'bulk_read']);
const UNIT_TERM = /\bunit\s*(?:=|==|:)\s*['"]?([\w.-]+)/i;

interface Mean {
  reads: number;
  mean: number;
}
interface ActorState extends Mean {
  lastMs: number;
  ips: string[];
}

function fold(m: Mean, value: number): void {
  m.reads++;
  m.mean += (value - m.mean) / Math.min(m.reads, 1000);
}

export class GlobalContext {
  firstMs: number | undefined;
  private readonly ipsSeen: LruMap<string, true>;
  private readonly peers = new Map<string, Mean>();
  constructor(maxIps = 200_000) {
    this.ipsSeen = new LruMap(maxIps);
  }
  /** Called before an event's own fields are computed (the first event starts the warm-up). */
  begin(t: number): void {
    this.firstMs ??= t;
  }
  ipKnown(ip: string): boolean {
    return this.ipsSeen.get(ip) !== undefined;
  }
  peer(type: string): Mean | undefined {
    return this.peers.get(type);
  }
  /** Folds one event of any partition, after its own partition (if ours) has read the state. */
  fold([, t, ip, hasUser, type, rc]: ContextTuple): void {
    this.begin(t);
    if (ip && this.ipsSeen.get(ip) === undefined) this.ipsSeen.set(ip, true);
    if (!hasUser || rc < 0) return;
    let peer = this.peers.get(type);
    if (!peer) {
      peer = { reads: 0, mean: 0 };
      if (this.peers.size < 64) this.peers.set(type, peer);
    }
    fold(peer, rc);
  }
}

export class PartitionContext {
  private readonly actors: LruMap<string, ActorState>;
  private readonly records = new Map<string, Set<string>>();
  private recordTotal = 0;
  constructor(
    private readonly global: GlobalContext,
    private readonly o: { maxActors?: number; maxRecordIds?: number; warmupMs?: number } = {},
  ) {
    this.actors = new LruMap(o.maxActors ?? 100_000);
  }

  seedLastSeen(user: string, lastMs: number): void {
    const s = this.actors.get(user);
    if (s) s.lastMs = Math.max(s.lastMs, lastMs);
    else this.actors.set(user, { lastMs, ips: [], reads: 0, mean: 0 });
  }

  /** The event's `warden.*` fields; call before `global.fold` of the same event. */
  observe(ev: ActorEventView, timeMs: number): WardenFields {
    const out: WardenFields = {};
    const rawUnit = ev.raw?.unit;
    const unit = typeof rawUnit === 'string' && rawUnit !== '' ? rawUnit : ev.query ? UNIT_TERM.exec(ev.query)?.[1] : undefined;
    if (unit) out.unit = unit;
    this.global.begin(timeMs);
    const user = ev.actor?.user;
    const ip = ev.src_ip;
    const warm = timeMs - (this.global.firstMs as number) >= (this.o.warmupMs ?? DAY_MS);
    let state = user ? this.actors.get(user) : undefined;
    if (ip) {
      const ipKnown = this.global.ipKnown(ip);
      const actorKnowsIp = state?.ips.includes(ip) ?? false;
      if (warm && !ipKnown && !actorKnowsIp) out.new_src_ip = true;
    }
    if (!user) return out;
    if (state) out.idle_days = Math.max(0, Math.floor((timeMs - state.lastMs) / DAY_MS));
    else {
      state = { lastMs: timeMs, ips: [], reads: 0, mean: 0 };
      this.actors.set(user, state);
    }
    if (ip && !state.ips.includes(ip)) {
      state.ips.push(ip);
      if (state.ips.length > MAX_IPS_PER_ACTOR) state.ips.shift();
    }
    state.lastMs = Math.max(state.lastMs, timeMs);
    if (ev.record_ids && ev.record_ids.length > 0) out.new_records = this.newRecords(user, ev.record_ids);
    const count = ev.result_count;
    if (typeof count === 'number' && ev.action !== undefined && READS.has(ev.action)) {
      const peer = this.global.peer(ev.actor?.type ?? 'unknown');
      if (state.reads >= MIN_BASELINE_READS) {
        out.baseline_ratio = count / Math.max(1, state.mean);
        out.baseline = 'own';
      } else if (peer && peer.reads >= MIN_PEER_READS) {
        out.baseline_ratio = count / Math.max(1, peer.mean);
        out.baseline = 'peer';
      }
      fold(state, count);
    }
    return out;
  }

  private newRecords(user: string, ids: string[]): number {
    let seen = this.records.get(user);
    if (seen) this.records.delete(user);
    else seen = new Set();
    this.records.set(user, seen);
    let fresh = 0;
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      fresh++;
    }
    this.recordTotal += fresh;
    while (this.recordTotal > (this.o.maxRecordIds ?? 1_000_000) && this.records.size > 1) {
      const [oldest, set] = this.records.entries().next().value as [string, Set<string>];
      this.records.delete(oldest);
      this.recordTotal -= set.size;
    }
    return fresh;
  }
}
