// Indexes compiled rules by what they require, so most rules are never tried on an event: each
// rule sits under the field literals one of which any match must contain (exact values in a
// hash map, substrings under one of their 4-grams), or in the small "always try" list.
import type { FieldLiteral } from './compile-item.ts';
import { loweredTexts } from './event-scratch.ts';

interface SubEntry {
  text: string;
  /** Every rule filed under this literal (identical literals are checked once). */
  rules: number[];
}

interface FieldIndex {
  field: string;
  eq: Map<string, number[]>;
  grams: Map<number, SubEntry[]>;
  subs: Map<string, SubEntry>;
  /** One byte per hashed 4-gram slot: most positions are rejected without a Map lookup. */
  bloom: Uint8Array;
  /** 32 - log2(bloom size): the shift that maps a hashed gram onto a slot. */
  shift: number;
}

/** Bloom slots per filed literal (as a power of two): sparse enough to skip most positions. */
const SLOTS_PER_LITERAL_BITS = 6;

function gramKey(s: string, i: number): number {
  return (
    (((s.charCodeAt(i) & 0xff) << 24) |
      ((s.charCodeAt(i + 1) & 0xff) << 16) |
      ((s.charCodeAt(i + 2) & 0xff) << 8) |
      (s.charCodeAt(i + 3) & 0xff)) >>>
    0
  );
}

function bloomSlot(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

export class RuleIndex {
  /** Plain top-level field names, looked up from the event's own keys. */
  private readonly byKey = new Map<string, FieldIndex>();
  /** Dotted paths and `*` (keyword searches): read for every event. */
  private readonly special: FieldIndex[] = [];
  private readonly seen: Uint32Array;
  private stamp = 0;
  readonly always: number[] = [];
  /** Further necessary disjunctions per rule, checked on a hit before the rule runs. */
  private readonly checks: FieldLiteral[][][];

  /** `requirements[i]`: rule i's necessary disjunctions, best first (none: always tried). */
  constructor(requirements: FieldLiteral[][][]) {
    this.seen = new Uint32Array(requirements.length);
    this.checks = requirements.map((r) => r.slice(1));
    const byField = new Map<string, FieldIndex>();
    requirements.forEach((reqs, rule) => {
      const req = reqs[0];
      if (!req || req.length === 0) {
        this.always.push(rule);
        return;
      }
      for (const lit of req) {
        let fi = byField.get(lit.field);
        if (!fi) {
          fi = {
            field: lit.field,
            eq: new Map(),
            grams: new Map(),
            subs: new Map(),
            bloom: new Uint8Array(0),
            shift: 32,
          };
          byField.set(lit.field, fi);
          if (lit.field === '*' || lit.field.includes('.')) this.special.push(fi);
          else this.byKey.set(lit.field, fi);
        }
        if (lit.kind === 'eq') {
          const list = fi.eq.get(lit.text);
          if (list) list.push(rule);
          else fi.eq.set(lit.text, [rule]);
        } else this.addSub(fi, lit.text, rule);
      }
    });
    this.buildBlooms();
  }

  /** Sizes each field's bloom filter to its literal count, then marks the filed 4-grams. */
  private buildBlooms(): void {
    for (const fi of [...this.byKey.values(), ...this.special]) {
      const bits = Math.min(
        20,
        Math.max(10, Math.ceil(Math.log2(fi.subs.size + 1)) + SLOTS_PER_LITERAL_BITS),
      );
      fi.bloom = new Uint8Array(1 << bits);
      fi.shift = 32 - bits;
      for (const key of fi.grams.keys()) fi.bloom[bloomSlot(key, fi.shift)] = 1;
    }
  }

  /** Files a substring literal under its least crowded 4-gram (once per distinct literal). */
  private addSub(fi: FieldIndex, text: string, rule: number): void {
    const known = fi.subs.get(text);
    if (known) {
      if (!known.rules.includes(rule)) known.rules.push(rule);
      return;
    }
    const entry: SubEntry = { text, rules: [rule] };
    fi.subs.set(text, entry);
    let bestKey = gramKey(text, 0);
    let bestLen = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 4 <= text.length; i++) {
      const k = gramKey(text, i);
      const len = fi.grams.get(k)?.length ?? 0;
      if (len < bestLen) [bestKey, bestLen] = [k, len];
    }
    const list = fi.grams.get(bestKey);
    if (list) list.push(entry);
    else fi.grams.set(bestKey, [entry]);
  }

  /** Calls `visit` once for each rule that may match `event` (always-tried rules first). */
  candidates(event: Record<string, unknown>, visit: (rule: number) => void): void {
    const stamp = ++this.stamp;
    const seen = this.seen;
    for (const r of this.always) visit(r);
    const hit = (r: number) => {
      if (seen[r] === stamp) return;
      seen[r] = stamp;
      const checks = this.checks[r];
      if (checks) for (const c of checks) if (!satisfied(event, c)) return;
      visit(r);
    };
    for (const key in event) {
      const fi = this.byKey.get(key);
      if (fi) for (const text of loweredTexts(event, key)) this.scanValue(fi, text, hit);
    }
    for (const fi of this.special) {
      // a dotted field may also be an exact key, already scanned above under byKey
      for (const text of loweredTexts(event, fi.field)) this.scanValue(fi, text, hit);
    }
  }

  private scanValue(fi: FieldIndex, text: string, hit: (r: number) => void): void {
    if (fi.eq.size) {
      const rules = fi.eq.get(text);
      if (rules) for (const r of rules) hit(r);
    }
    if (fi.grams.size === 0) return;
    const bloom = fi.bloom;
    const shift = fi.shift;
    if (text.length < 4) return;
    let k = gramKey(text, 0);
    for (let i = 0; ; ) {
      if (bloom[bloomSlot(k, shift)] !== 0) {
        const entries = fi.grams.get(k);
        if (entries)
          for (const e of entries) if (text.includes(e.text)) for (const r of e.rules) hit(r);
      }
      if (++i + 4 > text.length) break;
      k = ((k << 8) | (text.charCodeAt(i + 3) & 0xff)) >>> 0;
    }
  }

  get indexedFields(): number {
    return this.byKey.size + this.special.length;
  }
}

/** Whether the event satisfies one literal of a disjunction. */
function satisfied(event: Record<string, unknown>, alternatives: FieldLiteral[]): boolean {
  for (const lit of alternatives) {
    for (const text of loweredTexts(event, lit.field)) {
      if (lit.kind === 'eq' ? text === lit.text : text.includes(lit.text)) return true;
    }
  }
  return false;
}
