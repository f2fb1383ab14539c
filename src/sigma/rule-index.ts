// Indexes compiled rules by what they require, so most rules are never tried on an event: each
// rule sits under the field literals one of which any match must contain (exact values in a
// hash map, substrings under one of their 4-grams), or in the small "always try" list.
import type { FieldLiteral } from './compile-item.ts';
import { compileFieldReader, type FieldReader, scalarText } from './field-lookup.ts';

interface SubEntry {
  text: string;
  rule: number;
}

interface FieldIndex {
  field: string;
  read: FieldReader;
  eq: Map<string, number[]>;
  grams: Map<number, SubEntry[]>;
}

const BLOOM_BITS = 16;

function gramKey(s: string, i: number): number {
  return (
    (((s.charCodeAt(i) & 0xff) << 24) |
      ((s.charCodeAt(i + 1) & 0xff) << 16) |
      ((s.charCodeAt(i + 2) & 0xff) << 8) |
      (s.charCodeAt(i + 3) & 0xff)) >>>
    0
  );
}

function bloomSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - BLOOM_BITS);
}

export class RuleIndex {
  private readonly fields: FieldIndex[] = [];
  private readonly bloom = new Uint8Array(1 << BLOOM_BITS);
  private readonly seen: Uint32Array;
  private stamp = 0;
  readonly always: number[] = [];

  /** `requirements[i]` is rule i's disjunction of literals, or null (always tried). */
  constructor(requirements: Array<FieldLiteral[] | null>) {
    this.seen = new Uint32Array(requirements.length);
    const byField = new Map<string, FieldIndex>();
    requirements.forEach((req, rule) => {
      if (!req || req.length === 0) {
        this.always.push(rule);
        return;
      }
      for (const lit of req) {
        let fi = byField.get(lit.field);
        if (!fi) {
          fi = {
            field: lit.field,
            read: compileFieldReader(lit.field),
            eq: new Map(),
            grams: new Map(),
          };
          byField.set(lit.field, fi);
          this.fields.push(fi);
        }
        if (lit.kind === 'eq') {
          const list = fi.eq.get(lit.text);
          if (list) list.push(rule);
          else fi.eq.set(lit.text, [rule]);
        } else this.addSub(fi, lit.text, rule);
      }
    });
  }

  /** Files a substring literal under its least crowded 4-gram. */
  private addSub(fi: FieldIndex, text: string, rule: number): void {
    let bestKey = gramKey(text, 0);
    let bestLen = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 4 <= text.length; i++) {
      const k = gramKey(text, i);
      const len = fi.grams.get(k)?.length ?? 0;
      if (len < bestLen) [bestKey, bestLen] = [k, len];
    }
    const list = fi.grams.get(bestKey);
    if (list) list.push({ text, rule });
    else fi.grams.set(bestKey, [{ text, rule }]);
    this.bloom[bloomSlot(bestKey)] = 1;
  }

  /** Calls `visit` once for each rule that may match `event` (always-tried rules first). */
  candidates(event: Record<string, unknown>, visit: (rule: number) => void): void {
    const stamp = ++this.stamp;
    const seen = this.seen;
    for (const r of this.always) visit(r);
    const hit = (r: number) => {
      if (seen[r] !== stamp) {
        seen[r] = stamp;
        visit(r);
      }
    };
    for (const fi of this.fields) {
      const raw = fi.read(event);
      if (raw === undefined || raw === null) continue;
      if (Array.isArray(raw)) {
        for (const x of raw) this.scanValue(fi, x, hit);
      } else this.scanValue(fi, raw, hit);
    }
  }

  private scanValue(fi: FieldIndex, raw: unknown, hit: (r: number) => void): void {
    const s = scalarText(raw);
    if (s === null) return;
    const text = s.toLowerCase();
    if (fi.eq.size) {
      const rules = fi.eq.get(text);
      if (rules) for (const r of rules) hit(r);
    }
    if (fi.grams.size === 0) return;
    const bloom = this.bloom;
    for (let i = 0; i + 4 <= text.length; i++) {
      const k = gramKey(text, i);
      if (bloom[bloomSlot(k)] === 0) continue;
      const entries = fi.grams.get(k);
      if (!entries) continue;
      for (const e of entries) if (text.includes(e.text)) hit(e.rule);
    }
  }

  get indexedFields(): number {
    return this.fields.length;
  }
}
