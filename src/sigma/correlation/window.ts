// One correlation group's sliding window: entries kept in time order (late arrivals slot in),
// with running aggregates (count, distinct values, rule types, numeric sum) so the common types
// evaluate in constant time per event. Percentile and ordered-sequence checks scan the window.

export interface WindowEntry {
  t: number;
  /** Index of the referenced rule (in the correlation's `rules` list) that produced it. */
  ref: number;
  /** The `field` value (value_* types), else undefined; a list counts element by element. */
  value: unknown;
  lines: number[];
  ids: string[];
}

export class GroupWindow {
  entries: WindowEntry[] = [];
  private distinct = new Map<string, number>();
  private refCounts: number[];
  private sum = 0;
  private numeric = 0;
  inEpisode = false;

  constructor(
    readonly group: Record<string, unknown>,
    ruleCount: number,
  ) {
    this.refCounts = new Array<number>(ruleCount).fill(0);
  }

  get latest(): number {
    return this.entries.length
      ? (this.entries[this.entries.length - 1] as WindowEntry).t
      : Number.NEGATIVE_INFINITY;
  }

  insert(e: WindowEntry): void {
    const list = this.entries;
    let i = list.length;
    while (i > 0 && (list[i - 1] as WindowEntry).t > e.t) i--;
    if (i === list.length) list.push(e);
    else list.splice(i, 0, e);
    this.account(e, 1);
  }

  /** Removes entries with time <= `t` from the front. */
  dropUpTo(t: number): void {
    let n = 0;
    while (n < this.entries.length && (this.entries[n] as WindowEntry).t <= t)
      this.account(this.entries[n++] as WindowEntry, -1);
    if (n) this.entries.splice(0, n);
  }

  shift(): void {
    const e = this.entries.shift();
    if (e) this.account(e, -1);
  }

  private account(e: WindowEntry, sign: 1 | -1): void {
    this.refCounts[e.ref] = (this.refCounts[e.ref] ?? 0) + sign;
    if (e.value === undefined || e.value === null) return;
    // A list-valued field (record ids, categories) contributes each of its elements, so
    // value_count over `record_ids` counts distinct records, not distinct lists.
    if (Array.isArray(e.value)) for (const v of e.value) this.accountValue(v, sign);
    else this.accountValue(e.value, sign);
  }

  private accountValue(value: unknown, sign: 1 | -1): void {
    if (value === undefined || value === null) return;
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    const c = (this.distinct.get(key) ?? 0) + sign;
    if (c <= 0) this.distinct.delete(key);
    else this.distinct.set(key, c);
    const n = toNumber(value);
    if (n !== null) {
      this.sum += sign * n;
      this.numeric += sign;
    }
  }

  get count(): number {
    return this.entries.length;
  }
  get distinctValues(): number {
    return this.distinct.size;
  }
  get distinctRules(): number {
    let n = 0;
    for (const c of this.refCounts) if (c > 0) n++;
    return n;
  }
  get valueSum(): number | null {
    return this.numeric ? this.sum : null;
  }
  get valueAvg(): number | null {
    return this.numeric ? this.sum / this.numeric : null;
  }
}

export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** Nearest-rank percentile of the numeric values among `entries`. */
export function percentileOf(entries: WindowEntry[], p: number): number | null {
  const xs = entries
    .flatMap((e) => (Array.isArray(e.value) ? e.value : [e.value]))
    .map(toNumber)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * xs.length));
  return xs[rank - 1] as number;
}

/** How many of the rules, in their listed order, appear as a time-ordered sequence. */
export function orderedPrefix(entries: WindowEntry[], ruleCount: number): number {
  let k = 0;
  for (const e of entries) {
    if (k < ruleCount && e.ref === k) k++;
  }
  return k;
}
