// Memos from a field's text to what the rule index derived from it. Real logs repeat values
// heavily (process images, users, event ids, whole command lines), so most texts are looked up
// instead of scanned. Several maps (one per field, so equal texts in different fields never
// collide and keys need no concatenation) share one budget of entries and key characters; when
// the budget is spent every map is cleared at once. Clear-when-full keeps the hot path to one
// Map lookup (no LRU bookkeeping) and memory flat on an endless stream of unique values.

export interface MemoLimits {
  /** Entries over all maps of the pool. */
  maxEntries: number;
  /** Key characters over all maps of the pool (long keys cost memory, not only entries). */
  maxChars: number;
  /** Longer keys are never stored: they rarely repeat and would spend the budget quickly. */
  maxKeyLength: number;
}

export const DEFAULT_MEMO_LIMITS: MemoLimits = {
  maxEntries: 32_768,
  maxChars: 4_000_000,
  maxKeyLength: 4_096,
};

export class MemoPool<V> {
  private readonly maps: Map<string, V>[] = [];
  private entries = 0;
  private chars = 0;
  /** How often the pool was emptied (for tests and statistics). */
  clears = 0;

  constructor(readonly limits: MemoLimits = DEFAULT_MEMO_LIMITS) {}

  /** A new map drawing on this pool's budget. */
  newMap(): Map<string, V> {
    const m = new Map<string, V>();
    this.maps.push(m);
    return m;
  }

  /** Stores `value` under `key` in `map` (one of this pool's), clearing the pool when full. */
  store(map: Map<string, V>, key: string, value: V): void {
    if (key.length > this.limits.maxKeyLength) return;
    if (this.entries >= this.limits.maxEntries || this.chars + key.length > this.limits.maxChars)
      this.clear();
    map.set(key, value);
    this.entries++;
    this.chars += key.length;
  }

  clear(): void {
    for (const m of this.maps) m.clear();
    this.entries = 0;
    this.chars = 0;
    this.clears++;
  }

  get size(): number {
    return this.entries;
  }
}
