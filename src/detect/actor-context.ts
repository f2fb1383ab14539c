// Warden's extension to Sigma: per-actor history that plain Sigma cannot express, computed in
// stream order and attached to each event under `warden.*` so ordinary Sigma rules can match it
// (docs/detect.md lists the fields). State is bounded (LRU maps), so memory stays flat on an
// endless stream. Pure: no I/O; seeded from the store by the detection sink when there is one.

export interface WardenFields {
  /** The sales unit the event reached: `raw.unit`, else a `unit = '…'` term of its query. */
  unit?: string;
  /**
   * The source IP is new for this actor and its network (IPv4 /24, IPv6 /48) was never seen
   * for anyone before (after warm-up): a known office or dealer network does not count as new.
   */
  new_src_ip?: boolean;
  /** Days since this actor's previous activity (absent the first time an actor is seen unseeded). */
  idle_days?: number;
  /** True on an actor's first event after a day or more without activity (cheap to index on). */
  resumed?: boolean;
  /**
   * result_count divided by the actor's own mean over earlier data-reading events (≥ 5 of them),
   * or, for an actor without that history, by the mean of its peers (same actor.type, ≥ 20 reads).
   */
  baseline_ratio?: number;
  baseline?: 'own' | 'peer';
  /**
   * How many of the event's record_ids this actor had not read before, for reads of 10 or more
   * records (single look-ups cannot add up to a harvest quickly; skipping them keeps it cheap).
   */
  new_records?: number;
}

interface ActorState extends Mean {
  lastMs: number;
  ips: string[];
  /** The source IP of the actor's previous event: usually the next one's too (a session). */
  lastIp: string | undefined;
  /** The `ipsSeen` entry of `lastIp`'s network (touched directly while it is live). */
  lastNet: LruEntry<true> | undefined;
}

const DAY_MS = 86_400_000;
const MAX_IPS_PER_ACTOR = 32;
const MIN_BASELINE_READS = 5;
const MIN_PEER_READS = 20;
const MIN_TRACKED_READ = 10;
const MAX_MEMO_NETWORKS = 4096;

interface Mean {
  reads: number;
  mean: number;
}

function fold(m: Mean, value: number): void {
  m.reads++;
  m.mean += (value - m.mean) / Math.min(m.reads, 1000);
}

/**
 * A Map that forgets its least recently touched keys beyond `limit`. Touching only stamps the
 * entry (no re-insertion); eviction sorts by stamp once the map is 10% over, so it is amortised.
 */
/** An LruMap entry: a caller may keep it and `touch` it instead of looking its key up again. */
interface LruEntry<V> {
  v: V;
  t: number;
  /** False once evicted (a kept entry must then be looked up again). */
  live: boolean;
}

class LruMap<K, V> {
  private readonly map = new Map<K, LruEntry<V>>();
  private clock = 0;
  constructor(private readonly limit: number) {}
  get(key: K): V | undefined {
    return this.entry(key)?.v;
  }
  /** The key's entry, touched; undefined when absent. */
  entry(key: K): LruEntry<V> | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    e.t = ++this.clock;
    return e;
  }
  /** Touches a kept entry, as a `get` of its key would (it must be live). */
  touch(e: LruEntry<V>): void {
    e.t = ++this.clock;
  }
  set(key: K, value: V): LruEntry<V> {
    const e = this.map.get(key);
    if (e) {
      e.v = value;
      e.t = ++this.clock;
      return e;
    }
    const added = { v: value, t: ++this.clock, live: true };
    this.map.set(key, added);
    if (this.map.size > this.limit * 1.1 + 10) this.evict();
    return added;
  }
  private evict(): void {
    const stamps = [...this.map.values()].map((e) => e.t).sort((x, y) => x - y);
    const cutoff = stamps[this.map.size - this.limit] ?? 0;
    for (const [k, e] of this.map)
      if (e.t < cutoff) {
        e.live = false;
        this.map.delete(k);
      }
  }
  get size(): number {
    return this.map.size;
  }
}

export interface ActorContextOptions {
  maxActors?: number;
  maxIps?: number;
  /** Record ids remembered across all (non-service) actors; the least recently active actors are forgotten first. */
  maxRecordIds?: number;
  /** Event time that must pass after the first event before an IP counts as new. */
  warmupMs?: number;
}

export interface ActorEventView {
  time: string;
  actor?: { user?: string | undefined; type?: string | undefined } | undefined;
  src_ip?: string | undefined;
  action?: string;
  result_count?: number | undefined;
  record_ids?: string[] | undefined;
  query?: string | undefined;
  raw?: Record<string, unknown> | undefined;
}

/** The network an address belongs to for "never seen": IPv4 /24, IPv6 /48, else the address. */
export function networkOf(ip: string): string {
  if (ip.includes(':')) return `${ip.toLowerCase().split(':').slice(0, 3).join(':')}::/48`;
  const dot = ip.lastIndexOf('.');
  return dot > 0 && IPV4.test(ip) ? `${ip.slice(0, dot)}.0/24` : ip;
}

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

const UNIT_TERM = /\bunit\s*(?:=|==|:)\s*['"]?([\w.-]+)/i;

function unitOf(ev: ActorEventView): string | undefined {
  const raw = ev.raw?.unit;
  if (typeof raw === 'string' && raw !== '') return raw;
  if (!ev.query || !/unit/i.test(ev.query)) return undefined;
  return UNIT_TERM.exec(ev.query)?.[1];
}

const READS: ReadonlySet<string> = new Set(['view', 'search', 'export', 'api_read', 'bulk_read']);

export class ActorContext {
  private readonly actors: LruMap<string, ActorState>;
  private readonly ipsSeen: LruMap<string, true>;
  private readonly peers = new Map<string, Mean>();
  private readonly records = new Map<string, Set<string>>(); // LRU by insertion order
  private recordTotal = 0;
  private readonly maxRecordIds: number;
  private readonly warmupMs: number;
  private firstMs: number | undefined;
  /** networkOf by address: a pure memo (a few distinct addresses, millions of events). */
  private readonly networks = new Map<string, string>();

  constructor(options: ActorContextOptions = {}) {
    this.actors = new LruMap(options.maxActors ?? 100_000);
    this.ipsSeen = new LruMap(options.maxIps ?? 200_000);
    this.warmupMs = options.warmupMs ?? 7 * DAY_MS; // a week: weekdays and weekends both seen
    this.maxRecordIds = options.maxRecordIds ?? 300_000;
  }

  /** Counts the ids this actor reads for the first time, remembering them within the budget. */
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
    while (this.recordTotal > this.maxRecordIds && this.records.size > 1) {
      const [oldest, set] = this.records.entries().next().value as [string, Set<string>];
      this.records.delete(oldest);
      this.recordTotal -= set.size;
    }
    return fresh;
  }

  private networkOfIp(ip: string): string {
    let net = this.networks.get(ip);
    if (net === undefined) {
      if (this.networks.size >= MAX_MEMO_NETWORKS) this.networks.clear();
      net = networkOf(ip);
      this.networks.set(ip, net);
    }
    return net;
  }

  /** Records that `user` was last active at `lastMs` (e.g. a grant's last_used from the inventory). */
  seedLastSeen(user: string, lastMs: number): void {
    const s = this.actors.get(user);
    if (s) s.lastMs = Math.max(s.lastMs, lastMs);
    else
      this.actors.set(user, {
        lastMs,
        ips: [],
        lastIp: undefined,
        lastNet: undefined,
        reads: 0,
        mean: 0,
      });
  }

  /** Computes the `warden.*` fields for one event, then folds the event into the history. */
  observe(ev: ActorEventView, timeMs: number): WardenFields {
    const out: WardenFields = {};
    const unit = unitOf(ev);
    if (unit) out.unit = unit;
    this.firstMs ??= timeMs;
    const user = ev.actor?.user;
    const ip = ev.src_ip;
    const warm = timeMs - this.firstMs >= this.warmupMs;
    let state = user ? this.actors.get(user) : undefined;
    let netEntry: LruEntry<true> | undefined;
    if (ip) {
      // The actor's previous IP again (nearly every event): its network's entry is at hand,
      // touched as a lookup would; otherwise the network is looked up (and added when new).
      const kept = state !== undefined && ip === state.lastIp ? state.lastNet : undefined;
      if (kept?.live) {
        this.ipsSeen.touch(kept);
        netEntry = kept;
      } else {
        const net = this.networkOfIp(ip);
        netEntry = this.ipsSeen.entry(net);
        if (netEntry === undefined) {
          if (warm && !(state?.ips.includes(ip) ?? false)) out.new_src_ip = true;
          netEntry = this.ipsSeen.set(net, true);
        }
      }
    }
    if (!user) return out;
    if (state) {
      out.idle_days = Math.max(0, Math.floor((timeMs - state.lastMs) / DAY_MS));
      if (out.idle_days >= 1) out.resumed = true;
    } else {
      state = { lastMs: timeMs, ips: [], lastIp: undefined, lastNet: undefined, reads: 0, mean: 0 };
      this.actors.set(user, state);
    }
    // `lastIp` is always in `ips` (set once the IP is found or pushed; a push that drops the
    // oldest moves it to the new one): comparing with it first skips the scan of the list
    if (ip && ip !== state.lastIp) {
      if (!state.ips.includes(ip)) {
        state.ips.push(ip);
        if (state.ips.length > MAX_IPS_PER_ACTOR) state.ips.shift();
      }
      state.lastIp = ip;
    }
    if (ip) state.lastNet = netEntry;
    state.lastMs = Math.max(state.lastMs, timeMs);
    // Service accounts re-read the whole table nightly; tracking their ids would only cost memory.
    if (ev.record_ids && ev.record_ids.length >= MIN_TRACKED_READ && ev.actor?.type !== 'service')
      out.new_records = this.newRecords(user, ev.record_ids);
    const count = ev.result_count;
    if (typeof count === 'number' && ev.action !== undefined && READS.has(ev.action)) {
      const peerKey = ev.actor?.type ?? 'unknown';
      let peer = this.peers.get(peerKey);
      if (!peer) {
        peer = { reads: 0, mean: 0 };
        if (this.peers.size < 64) this.peers.set(peerKey, peer);
      }
      if (state.reads >= MIN_BASELINE_READS) {
        out.baseline_ratio = count / Math.max(1, state.mean);
        out.baseline = 'own';
      } else if (peer.reads >= MIN_PEER_READS) {
        out.baseline_ratio = count / Math.max(1, peer.mean);
        out.baseline = 'peer';
      }
      fold(state, count);
      fold(peer, count);
    }
    return out;
  }

  get trackedActors(): number {
    return this.actors.size;
  }

  get rememberedRecordIds(): number {
    return this.recordTotal;
  }
}
