// Computed read models (the incident workspace's detail and timeline) kept until the store
// changes: every read first asks the store's version, which any committed write moves, and
// the server also clears the cache after each state-changing request. Concurrent misses share
// one computation. It only stores answers; who may read them is decided before it is asked,
// so a view that differs by caller (role, vendor) must carry the caller in its key.
import type { StoreVersion } from './store-version.ts';

interface Entry {
  version: string;
  value: Promise<unknown>;
}

const MAX_ENTRIES = 256;

export class ViewCache {
  readonly #entries = new Map<string, Entry>();
  readonly #version: StoreVersion;
  /** Lookups so far, for /metrics: a hit rate near zero means the store changes faster than it is read. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(version: StoreVersion) {
    this.#version = version;
  }

  /** The view under `key` as of the store's current version; `compute` runs only on a miss. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.#version();
    const hit = this.#entries.get(key);
    // A key names one view kind (`kind:id`), so its entry always holds that view's type.
    if (hit?.version === version) {
      this.stats.hits++;
      return hit.value as Promise<T>;
    }
    this.stats.misses++;
    const entry: Entry = { version, value: compute().then(deepFreeze) };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > MAX_ENTRIES)
      this.#entries.delete(this.#entries.keys().next().value as string);
    // A failure (no such incident, a lost connection) is answered, never kept.
    entry.value.catch(() => this.#entries.get(key) === entry && this.#entries.delete(key));
    return entry.value as Promise<T>;
  }

  /** Forgets every view: a computation still running is not stored by anyone afterwards. */
  clear(): void {
    this.#entries.clear();
  }
}

/** Cached values are shared by every later request, so nothing may change them in place. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
