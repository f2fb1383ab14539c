// Streaming state of one correlation rule: groups keyed by their group-by values, each a sliding
// window. Lower-bound conditions (gt/gte) are judged on every arrival over the window ending at
// the group's latest event, and fire once per episode (until the condition stops holding).
// Conditions with an upper bound (lt/lte/eq/neq) need a complete window: the group's first event
// anchors a window [t, t + timespan] judged once the watermark passes its end; the next window
// starts at the first event after it (data-anchored, non-overlapping). Expired entries and empty groups are dropped, so state stays bounded.
import type { FieldReader } from '../field-lookup.ts';
import type { SigmaCorrelation } from '../types.ts';
import { GroupWindow, orderedPrefix, percentileOf, type WindowEntry } from './window.ts';

const NO_HITS: CorrelationHit[] = Object.freeze([]) as unknown as CorrelationHit[];

export interface CompiledCorrelation {
  corr: SigmaCorrelation;
  key: string;
  emits: boolean;
  /** [referenced rule][group-by field] -> reader (aliases resolved). */
  groupReaders: FieldReader[][];
  /** [referenced rule] -> readers of condition.field (first present value wins). */
  valueReaders: FieldReader[][];
}

export interface CorrelationHit {
  group: Record<string, unknown>;
  entries: WindowEntry[];
  value: number;
}

export class Correlator {
  private readonly groups = new Map<string, GroupWindow>();
  private deadlines: Array<{ at: number; key: string }> = [];
  private head = 0;
  private readonly upper: boolean;
  private readonly span: number;

  constructor(readonly c: CompiledCorrelation) {
    const k = c.corr.condition;
    this.upper =
      k.lt !== undefined || k.lte !== undefined || k.eq !== undefined || k.neq !== undefined;
    this.span = c.corr.timespanMs;
  }

  get groupCount(): number {
    return this.groups.size;
  }

  get entryCount(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.count;
    return n;
  }

  /** Adds one matched event of referenced rule `ref`; returns windows that fire. */
  add(
    ref: number,
    event: Record<string, unknown>,
    t: number,
    lines: number[],
    ids: string[],
    watermark: number,
  ): CorrelationHit[] {
    const readers = this.c.groupReaders[ref] ?? [];
    const group: Record<string, unknown> = {};
    const parts: unknown[] = [];
    for (const [i, read] of readers.entries()) {
      const v = read(event);
      if (v === undefined || v === null) return []; // cannot be grouped: not correlated
      group[this.c.corr.groupBy[i] as string] = v;
      parts.push(v);
    }
    const key = JSON.stringify(parts);
    let g = this.groups.get(key);
    if (!g) {
      g = new GroupWindow(group, this.c.corr.rules.length);
      this.groups.set(key, g);
    }
    let value: unknown;
    for (const read of this.c.valueReaders[ref] ?? []) {
      value = read(event);
      if (value !== undefined) break;
    }
    g.insert({ t, ref, value, lines, ids });
    this.deadlines.push({ at: t + this.span, key });
    const hits: CorrelationHit[] = [];
    if (this.upper) this.closeWindows(key, g, watermark, hits);
    else {
      g.dropUpTo(g.latest - this.span);
      const x = this.measure(g, g.entries);
      const holds = x !== null && this.holds(x);
      if (holds && !g.inEpisode)
        hits.push({ group: g.group, entries: [...g.entries], value: x as number });
      g.inEpisode = holds;
    }
    hits.push(...this.advance(watermark));
    return hits;
  }

  /** Expires state (and judges complete windows) up to `watermark`. */
  advance(watermark: number): CorrelationHit[] {
    // Called for every event: return at once (no allocation) when no deadline has passed.
    const next = this.deadlines[this.head] as { at: number } | undefined;
    if (next === undefined || next.at >= watermark) return NO_HITS;
    const hits: CorrelationHit[] = [];
    while (
      this.head < this.deadlines.length &&
      (this.deadlines[this.head] as { at: number }).at < watermark
    ) {
      const { key } = this.deadlines[this.head++] as { key: string };
      const g = this.groups.get(key);
      if (!g) continue;
      if (this.upper) this.closeWindows(key, g, watermark, hits);
      else {
        g.dropUpTo(watermark - this.span);
        if (g.count === 0) this.groups.delete(key);
      }
    }
    if (this.head > 1024 && this.head * 2 > this.deadlines.length) {
      this.deadlines = this.deadlines.slice(this.head);
      this.head = 0;
    }
    return hits;
  }

  flush(): CorrelationHit[] {
    const hits: CorrelationHit[] = [];
    if (this.upper)
      for (const [key, g] of this.groups) this.closeWindows(key, g, Number.POSITIVE_INFINITY, hits);
    this.groups.clear();
    this.deadlines = [];
    this.head = 0;
    return hits;
  }

  private closeWindows(
    key: string,
    g: GroupWindow,
    watermark: number,
    hits: CorrelationHit[],
  ): void {
    while (g.count > 0) {
      const anchor = (g.entries[0] as WindowEntry).t;
      const end = anchor + this.span;
      if (end >= watermark) break;
      let n = 0;
      while (n < g.entries.length && (g.entries[n] as WindowEntry).t <= end) n++;
      const window = g.entries.slice(0, n);
      const x = this.measure(null, window);
      if (x !== null && this.holds(x)) hits.push({ group: g.group, entries: window, value: x });
      // The next window starts at the first event after this one: windows follow the data
      // (not clock-aligned buckets) and never overlap, so a busy window's tail is not re-judged.
      for (let i = 0; i < n; i++) g.shift();
    }
    if (g.count === 0) this.groups.delete(key);
  }

  /** The number the condition is about, over `entries` (g gives running aggregates). */
  private measure(g: GroupWindow | null, entries: WindowEntry[]): number | null {
    const rules = this.c.corr.rules.length;
    const w = g ?? windowOf(entries, rules);
    switch (this.c.corr.type) {
      case 'event_count':
        return w.count;
      case 'value_count':
        return w.distinctValues;
      case 'temporal':
        return w.distinctRules;
      case 'temporal_ordered':
        return orderedPrefix(entries, rules);
      case 'value_sum':
        return w.valueSum;
      case 'value_avg':
        return w.valueAvg;
      case 'value_percentile':
        return percentileOf(entries, this.c.corr.condition.percentile ?? 50);
    }
  }

  private holds(x: number): boolean {
    const k = this.c.corr.condition;
    return (
      (k.gt === undefined || x > k.gt) &&
      (k.gte === undefined || x >= k.gte) &&
      (k.lt === undefined || x < k.lt) &&
      (k.lte === undefined || x <= k.lte) &&
      (k.eq === undefined || x === k.eq) &&
      (k.neq === undefined || x !== k.neq)
    );
  }
}

function windowOf(entries: WindowEntry[], rules: number): GroupWindow {
  const w = new GroupWindow({}, rules);
  for (const e of entries) w.insert(e);
  return w;
}
