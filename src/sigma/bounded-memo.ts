// Memos from a field's text to what was derived from it (the rule index's hits, a costly item's
// result). Real logs repeat values heavily (process images, users, event ids, whole command
// lines), so most texts are looked up instead of scanned. Several memos (one per field or item,
// so equal texts in different fields never collide and keys need no concatenation) share one
// pool's budget of entries and key characters; when it is spent every memo is cleared at once.
// Clear-when-full keeps the hot path to one Map lookup (no LRU bookkeeping) and memory flat on
// an endless stream of unique values.
//
// A memo whose texts do not repeat (unique command lines, GUIDs) would only cost: every miss
// stores a key that is never read again, which spends the budget, evicts useful entries and
// keeps young strings alive into the old generation. So each memo watches its hit rate and,
// while it is low, looks up and stores only one call in SAMPLE: a value that does repeat still
// gets in soon, and the hit rate is still measured on the sample.

export interface MemoLimits {
  /** Entries over all memos of the pool. */
  maxEntries: number;
  /** Key characters over all memos of the pool (long keys cost memory, not only entries). */
  maxChars: number;
  /** Longer keys are never stored: they rarely repeat and would spend the budget quickly. */
  maxKeyLength: number;
}

export const DEFAULT_MEMO_LIMITS: MemoLimits = {
  maxEntries: 32_768,
  maxChars: 4_000_000,
  maxKeyLength: 4_096,
};

/** Lookups per hit-rate window. */
const WINDOW = 2_048;
/** Below one hit in MIN_HIT_RATE lookups, only one call in SAMPLE looks up and stores. */
const MIN_HIT_RATE = 8;
const SAMPLE = 8;

/**
 * The sampling rule shared by memos: over each window of WINDOW lookups, a hit rate under one in
 * MIN_HIT_RATE turns sampling on, and while it is on only one call in SAMPLE looks up (and may
 * store): the lookup itself (hashing a fresh string, probing) is most of a memo's cost when its
 * texts do not repeat. A value that does repeat still gets in soon.
 */
export class HitRateSampler {
  private lookups = 0;
  private hits = 0;
  private tick = 0;
  /** The last window's hit rate was low. */
  sampling = false;

  /** Whether this call should look up: always, or one call in SAMPLE while sampling. */
  shouldLook(): boolean {
    return !this.sampling || ++this.tick % SAMPLE === 0;
  }

  /** Records a lookup made and whether it hit. */
  record(hit: boolean): void {
    if (hit) this.hits++;
    if (++this.lookups === WINDOW) {
      this.sampling = this.hits * MIN_HIT_RATE < WINDOW;
      this.lookups = 0;
      this.hits = 0;
    }
  }
}

export class Memo<V> {
  private readonly map = new Map<string, V>();
  private readonly rate = new HitRateSampler();
  /** Whether the last `get` looked up (its miss may be stored). */
  private looked = true;

  constructor(private readonly pool: MemoPool<V>) {}

  /** The last window's hit rate was low: a sample of calls looks up and stores. */
  get sampling(): boolean {
    return this.rate.sampling;
  }

  get(key: string): V | undefined {
    this.looked = this.rate.shouldLook();
    if (!this.looked) return undefined;
    const v = this.map.get(key);
    this.rate.record(v !== undefined);
    return v;
  }

  /** Stores the value computed after a miss of `get` (unless that call skipped the lookup). */
  set(key: string, value: V): void {
    if (this.looked && this.pool.admit(key)) this.map.set(key, value);
  }

  get size(): number {
    return this.map.size;
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  clear(): void {
    this.map.clear();
  }
}

export class MemoPool<V> {
  /**
   * Weak: a pool can outlive the rule sets whose items registered memos (the items' pool is
   * module-wide), and recompiling rules must not keep the old memos alive.
   */
  private memos: WeakRef<Memo<V>>[] = [];
  /** When `memos` next drops its dead references. */
  private pruneAt = 1_024;
  private entries = 0;
  private chars = 0;
  /** How often the pool was emptied (for tests and statistics). */
  clears = 0;

  constructor(readonly limits: MemoLimits = DEFAULT_MEMO_LIMITS) {}

  /** A new memo drawing on this pool's budget. */
  newMemo(): Memo<V> {
    const m = new Memo<V>(this);
    this.memos.push(new WeakRef(m));
    if (this.memos.length >= this.pruneAt) {
      this.memos = this.memos.filter((r) => r.deref() !== undefined);
      this.pruneAt = Math.max(1_024, this.memos.length * 2);
    }
    return m;
  }

  /** Whether a key may be stored now (called after a miss); clears the pool when it is full. */
  admit(key: string): boolean {
    if (key.length > this.limits.maxKeyLength) return false;
    if (this.entries >= this.limits.maxEntries || this.chars + key.length > this.limits.maxChars)
      this.clear();
    this.entries++;
    this.chars += key.length;
    return true;
  }

  clear(): void {
    for (const r of this.memos) r.deref()?.clear();
    this.entries = 0;
    this.chars = 0;
    this.clears++;
  }

  get size(): number {
    return this.entries;
  }

  /** Memos registered and not yet pruned (dead ones go when the list doubles). */
  get registered(): number {
    return this.memos.length;
  }
}
