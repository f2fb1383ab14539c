// Indexes compiled rules by what they require, so most rules are never tried on an event: each
// rule sits under the field literals one of which any match must contain (exact values in a
// hash map, substrings under one of their 4-grams, substrings shorter than 4 under their first
// character), under the mere presence of a field it needs, or in the small "always try" list.
import type { FieldLiteral } from './compile-item.ts';
import { isNumericKind, type NumericKind, numericValue } from './compile-value.ts';
import { type Memo, MemoPool } from './bounded-memo.ts';
import { scalarText } from './field-lookup.ts';
import {
  allScalars,
  fieldSlot,
  loweredTexts,
  rawAt,
  scalarsAt,
  scalarsOfKey,
  scalarsUnder,
} from './event-scratch.ts';

/** Where a substring literal must occur: anywhere, at the start or at the end of the text. */
const ANYWHERE = 0;
const AT_START = 1;
const AT_END = 2;

interface SubEntry {
  text: string;
  /** The literal's second UTF-16 code unit (NaN for one): compared before the whole text. */
  second: number;
  /** ANYWHERE, AT_START or AT_END. */
  anchor: number;
  /** Where in `text` the 4-gram it is filed under starts (0 for short substrings). */
  at: number;
  /** Every rule tag (rule * 4 + disjunction) filed under this literal (checked once). */
  rules: number[];
}

interface FieldIndex {
  field: string;
  /** Exact lower-cased values -> rule tags. */
  eq: Map<string, number[]>;
  grams: Map<number, SubEntry[]>;
  subs: Map<string, SubEntry>;
  /**
   * One bit per hashed 4-gram slot: most positions are rejected without a Map lookup. Bits, not
   * bytes, so the busiest fields' filters (2^20 slots) stay in the CPU cache.
   */
  bloom: Uint32Array;
  /** 32 - log2(bloom size): the shift that maps a hashed gram onto a slot. */
  shift: number;
  /** For a two-segment dotted field `a.b`: `b` (read from the value of the key `a`). */
  sub: string | null;
  /** Numeric bounds: tags hit when the text, read as a number, satisfies `op` against `n`. */
  bounds: NumericBound[];
  /** No text literals, only bounds (and presence): a number is checked without its text. */
  numericOnly: boolean;
  /** Substrings of 1–3 characters, by their first UTF-16 code unit. */
  shorts: SubEntry[][];
  /**
   * Per first code unit, 1 + its list's place in `shorts` (0: none). A typed array, not a Map:
   * it is read at every position of every scanned text (allocated on use).
   */
  shortFirsts: Uint16Array | null;
  /** The field's scratch slot (event-scratch.ts); -1 for `*`, every scalar of the event. */
  slot: number;
  /** Rule tags that only need the field to hold a value. */
  present: number[];
  /** Lower-cased text -> the rule tags its literals hit, from the index's pool. */
  memo: Memo<readonly number[]>;
  /**
   * The same with the keyword field's (`*`) hits on the text merged in: a scalar of this field
   * is also a keyword value, so one lookup answers both (made when there are keyword rules).
   */
  withStar: Memo<readonly number[]> | null;
  /**
   * The last scalar `scanScalar` answered (as found: a string, number or boolean) and its
   * tags: consecutive events often repeat a field's value (one source, one channel), and
   * comparing with it is cheaper than a hash lookup (and a number's text need not be made).
   */
  lastRaw: unknown;
  lastRules: readonly number[];
  /**
   * The `candidates` call (stamp) that last scanned this dotted field: it can be reached under
   * two event keys. A stamp, not a per-event Set: clearing a Set reallocates its table.
   */
  scannedAt: number;
}

const NO_RULES: readonly number[] = Object.freeze([]);

interface NumericBound {
  op: NumericKind;
  n: number;
  rules: number[];
}

function satisfies(x: number, b: NumericBound): boolean {
  switch (b.op) {
    case 'lt':
      return x < b.n;
    case 'lte':
      return x <= b.n;
    case 'gt':
      return x > b.n;
    default:
      return x >= b.n;
  }
}

/** A literal tested directly on an event's lower-cased texts of one field (slot; -1: all). */
interface DirectLiteral {
  slot: number;
  /** EQUALS, ANYWHERE, AT_START or AT_END. */
  kind: number;
  text: string;
}

const EQUALS = 3;

/**
 * A further disjunction (bit) tested directly on the rules that get that far: it holds when one
 * of these fields (scratch slots) holds a value or one of the literals occurs.
 */
interface DirectCheck {
  bit: number;
  slots: number[];
  literals: DirectLiteral[];
}

/** What an event key leads to: a plain field's index and dotted fields it may hold. */
interface EventKeyEntry {
  field: FieldIndex | null;
  dotted: FieldIndex[] | null;
  /** The key is itself a dotted field's name (`a.b` as one key), which its reader prefers. */
  dottedName: boolean;
}

/** Disjunctions a rule is filed under (tag = rule * 4 + disjunction: at most 4). */
const MAX_DISJUNCTIONS = 3;
/** The tag offset (and mask bit 1 << KILL) of literals that prove a rule false. */
const KILL = 3;
/** Event key positions remembered (`keyAt`); keys further on are looked up every time. */
const KEY_POSITIONS = 256;

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
  /**
   * Dotted fields by the event keys that can hold them: their exact name and their first path
   * segment (field-lookup.ts reads `a.b` as the key `a.b` or as `a` then `b`). Most events have
   * neither, so the 50 cloud-log paths of SigmaHQ cost nothing on Windows events.
   */
  private readonly dottedByKey = new Map<string, FieldIndex[]>();
  /** `byKey` and `dottedByKey` in one map: one lookup per key of the event. */
  private readonly byEventKey = new Map<string, EventKeyEntry>();
  /** The keyword field (`*`: every scalar of the event), if any rule searches keywords. */
  private star: FieldIndex | null = null;
  /** Per rule: the event (stamp) its `mask` belongs to. */
  private readonly seen: Uint32Array;
  /** Per rule: which of its disjunctions the current event satisfied (bit d = disjunction d). */
  private readonly mask: Uint8Array;
  /** Per rule: the mask once every disjunction holds. */
  private readonly full: Uint8Array;
  /**
   * Per rule: checks of its further disjunctions (bit d: disjunction d) made directly on the few
   * rules that get that far instead of being filed: field presences, and disjunctions with an
   * unselective literal. Filed, they would hit on nearly every event (Image presence alone is
   * in 160 SigmaHQ disjunctions; `*` containing '0' was 14 hits per event on its own).
   */
  private readonly checks: (DirectCheck[] | undefined)[];
  /**
   * Per rule: the disjunctions (bits) that only the index's hits can satisfy (no direct check):
   * until they are all set, running the direct checks is pointless.
   */
  private readonly unchecked: Uint8Array;
  /** Per rule: 1 when its first disjunction is also sufficient (compile-rule.ts `exact`). */
  private readonly proven: Uint8Array;
  /**
   * Per tag: the `literalHits` call (stamp) that last listed it, so a text's tag list is built
   * without duplicates in one pass (common literals name hundreds of tags: a search per tag
   * in the list so far was most of a scan's cost).
   */
  private readonly listed: Uint32Array;
  private listStamp = 0;
  /** Rules whose first disjunction the current event satisfied (each once): touched[0..nTouched). */
  private readonly touched: Int32Array;
  private nTouched = 0;
  /**
   * The keys of recent events by position and what each leads to (`byEventKey`): events of one
   * source list the same keys in the same order, and comparing a key with the one last seen at
   * its position is cheaper than hashing it. Every slot holds a true pair, stale or not.
   */
  private readonly keyAt: (string | null)[] = new Array(KEY_POSITIONS).fill(null);
  private readonly entryAt: (EventKeyEntry | undefined)[] = new Array(KEY_POSITIONS).fill(
    undefined,
  );
  /** Dotted fields met in the current walk and the value of the key they were met under. */
  private readonly pendingPath: FieldIndex[] = [];
  private readonly pendingValue: unknown[] = [];
  /** Per key position: the last scalar scanned there as a keyword value, and its tags. */
  private readonly starRawAt: unknown[] = new Array(KEY_POSITIONS).fill(null);
  private readonly starRulesAt: (readonly number[])[] = new Array(KEY_POSITIONS).fill(NO_RULES);
  private stamp = 0;
  /** Rules tried on every event (no requirement), in rule order. */
  readonly always: number[] = [];
  /**
   * Per rule: 1 when it is an always-tried rule with a veto (compile-rule.ts): it holds unless
   * one of its filed literals does, so it is run only on events where one does.
   */
  private readonly vetoed: Uint8Array;
  /** Bounded memo of every field's texts (bounded-memo.ts); shared budget. */
  readonly memo = new MemoPool<readonly number[]>();

  /**
   * `requirements[i]`: rule i's necessary disjunctions, best first (none: always tried). Every
   * literal of every disjunction (up to MAX_DISJUNCTIONS) is filed under a tag, rule * 4 + the
   * disjunction's number; a rule is tried when its event set every bit. Filing the checks too
   * (instead of testing them per hit) lets the memo answer them along with the first one.
   * `exact[i]`: rule i matches whenever its first disjunction holds (reported as proven).
   * `vetoes[i]` and `kills[i]`: compile-rule.ts `veto` and `kill`.
   */
  constructor(
    requirements: FieldLiteral[][][],
    exact: readonly boolean[] = [],
    vetoes: readonly (FieldLiteral[] | undefined)[] = [],
    kills: readonly (FieldLiteral[] | undefined)[] = [],
  ) {
    this.proven = new Uint8Array(requirements.length);
    this.vetoed = new Uint8Array(requirements.length);
    exact.forEach((e, i) => {
      if (e && (requirements[i]?.[0]?.length ?? 0) > 0) this.proven[i] = 1;
    });
    this.seen = new Uint32Array(requirements.length);
    this.touched = new Int32Array(requirements.length);
    this.listed = new Uint32Array(requirements.length * 4);
    this.mask = new Uint8Array(requirements.length);
    this.full = new Uint8Array(requirements.length);
    this.unchecked = new Uint8Array(requirements.length);
    this.checks = new Array(requirements.length).fill(undefined);
    const byField = new Map<string, FieldIndex>();
    // Fields the walk scans on every event that has them: those of first disjunctions, vetoes
    // and kills. A field named only by further disjunctions is not worth scanning (hashing
    // its text, a memo lookup) on every event for the few rules whose first one holds.
    const leading = new Set<string>();
    requirements.forEach((reqs, rule) => {
      for (const l of [...(reqs[0] ?? []), ...(vetoes[rule] ?? []), ...(kills[rule] ?? [])])
        leading.add(l.field);
    });
    requirements.forEach((reqs, rule) => {
      // filed under their own tag: a hit sets the mask's KILL bit, which no rule's `full` has
      for (const lit of kills[rule] ?? []) this.file(byField, lit, rule * 4 + KILL);
      const req = reqs[0];
      if (!req || req.length === 0) {
        this.always.push(rule);
        const veto = vetoes[rule];
        if (veto?.length) {
          // filed as its first disjunction: a hit means "run it"; `full` stays 0, so the walk's
          // end never visits it a second time
          this.vetoed[rule] = 1;
          for (const lit of veto) this.file(byField, lit, rule * 4);
        }
        return;
      }
      let full = 0;
      distinct(reqs).forEach((alts, d) => {
        full |= 1 << d;
        if (d === 0) {
          for (const lit of alts) this.file(byField, lit, rule * 4);
          return;
        }
        // A further disjunction: its text literals are filed only on fields the walk scans
        // anyway (named by some first disjunction, veto or kill) and when none is unselective;
        // the others, and presences, are checked directly on the few rules that get that far.
        // Numeric bounds are always filed (a number is checked without its text).
        const texts = alts.filter((l) => l.kind !== 'has' && !isNumericKind(l.kind));
        const allDirect = texts.some(unselective);
        const direct = texts.filter((l) => allDirect || !leading.has(l.field));
        const has = alts.filter((l) => l.kind === 'has');
        if (has.length || direct.length) {
          const check: DirectCheck = {
            bit: 1 << d,
            slots: has.map((l) => slotFor(l.field)),
            literals: direct.map(directLiteral),
          };
          const list = this.checks[rule];
          if (list) list.push(check);
          else this.checks[rule] = [check];
        }
        for (const lit of alts)
          if (lit.kind !== 'has' && !direct.includes(lit)) this.file(byField, lit, rule * 4 + d);
      });
      this.full[rule] = full;
      let checked = 0;
      for (const c of this.checks[rule] ?? []) checked |= c.bit;
      this.unchecked[rule] = full & ~checked;
    });
    this.buildBlooms();
    if (this.star !== null) for (const fi of this.byKey.values()) fi.withStar = this.memo.newMemo();
    for (const [key, fi] of this.byKey)
      this.byEventKey.set(key, { field: fi, dotted: null, dottedName: false });
    for (const [key, list] of this.dottedByKey) {
      const entry = this.byEventKey.get(key);
      if (entry) entry.dotted = list;
      else this.byEventKey.set(key, { field: null, dotted: list, dottedName: key.includes('.') });
    }
  }

  /** Files one literal of a disjunction under `tag` in its field's index. */
  private file(byField: Map<string, FieldIndex>, lit: FieldLiteral, tag: number): void {
    let fi = byField.get(lit.field);
    if (!fi) {
      fi = {
        field: lit.field,
        eq: new Map(),
        grams: new Map(),
        subs: new Map(),
        sub: twoSegmentTail(lit.field),
        bounds: [],
        numericOnly: false,
        bloom: new Uint32Array(0),
        shift: 32,
        shorts: [],
        shortFirsts: null,
        slot: slotFor(lit.field),
        present: [],
        memo: this.memo.newMemo(),
        withStar: null,
        lastRaw: null,
        lastRules: NO_RULES,
        scannedAt: 0,
      };
      byField.set(lit.field, fi);
      if (lit.field === '*' || lit.field.includes('.')) this.special.push(fi);
      else this.byKey.set(lit.field, fi);
      if (lit.field === '*') this.star = fi;
      else if (lit.field.includes('.'))
        for (const key of new Set([lit.field, lit.field.split('.')[0] as string])) {
          const list = this.dottedByKey.get(key);
          if (list) list.push(fi);
          else this.dottedByKey.set(key, [fi]);
        }
    }
    if (lit.kind === 'eq') {
      const list = fi.eq.get(lit.text);
      if (!list) fi.eq.set(lit.text, [tag]);
      else if (!list.includes(tag)) list.push(tag);
    } else if (lit.kind === 'has') {
      if (!fi.present.includes(tag)) fi.present.push(tag);
    } else if (isNumericKind(lit.kind)) {
      const n = Number(lit.text);
      const known = fi.bounds.find((b) => b.op === lit.kind && b.n === n);
      if (!known) fi.bounds.push({ op: lit.kind, n, rules: [tag] });
      else if (!known.rules.includes(tag)) known.rules.push(tag);
    } else {
      const anchor = lit.kind === 'start' ? AT_START : lit.kind === 'end' ? AT_END : ANYWHERE;
      if (lit.text.length < 4) this.addShort(fi, lit.text, anchor, tag);
      else this.addSub(fi, lit.text, anchor, tag);
    }
  }

  /** Sizes each field's bloom filter to its literal count, then marks the filed 4-grams. */
  private buildBlooms(): void {
    for (const fi of [...this.byKey.values(), ...this.special]) {
      const bits = Math.min(
        20,
        Math.max(10, Math.ceil(Math.log2(fi.subs.size + 1)) + SLOTS_PER_LITERAL_BITS),
      );
      fi.numericOnly = fi.eq.size === 0 && fi.subs.size === 0 && fi.shorts.length === 0;
      fi.bloom = new Uint32Array(Math.max(1, (1 << bits) >>> 5));
      fi.shift = 32 - bits;
      for (const key of fi.grams.keys()) {
        const slot = bloomSlot(key, fi.shift);
        fi.bloom[slot >>> 5] = ((fi.bloom[slot >>> 5] as number) | (1 << (slot & 31))) >>> 0;
      }
    }
  }

  /** Files a 1–3 character substring under its first code unit (once per distinct literal). */
  private addShort(fi: FieldIndex, text: string, anchor: number, rule: number): void {
    const first = text.charCodeAt(0);
    fi.shortFirsts ??= new Uint16Array(65536);
    let list = fi.shorts[(fi.shortFirsts[first] as number) - 1];
    if (!list) {
      list = [];
      fi.shorts.push(list);
      fi.shortFirsts[first] = fi.shorts.length;
    }
    const known = list.find((e) => e.text === text && e.anchor === anchor);
    if (known) {
      if (!known.rules.includes(rule)) known.rules.push(rule);
    } else list.push({ text, second: text.charCodeAt(1), anchor, at: 0, rules: [rule] });
  }

  /** Files a substring literal under its least crowded 4-gram (once per distinct literal). */
  private addSub(fi: FieldIndex, text: string, anchor: number, rule: number): void {
    const key = `${anchor}${text}`;
    const known = fi.subs.get(key);
    if (known) {
      if (!known.rules.includes(rule)) known.rules.push(rule);
      return;
    }
    const entry: SubEntry = { text, second: text.charCodeAt(1), anchor, at: 0, rules: [rule] };
    fi.subs.set(key, entry);
    let bestKey = gramKey(text, 0);
    let bestLen = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 4 <= text.length; i++) {
      const k = gramKey(text, i);
      const len = fi.grams.get(k)?.length ?? 0;
      if (len < bestLen) [bestKey, bestLen, entry.at] = [k, len, i];
    }
    const list = fi.grams.get(bestKey);
    if (list) list.push(entry);
    else fi.grams.set(bestKey, [entry]);
  }

  /**
   * Calls `visit` once for each rule that may match `event` (always-tried rules first), with
   * `proven` set when the index's hit already proves the match (the rule need not run).
   */
  candidates(event: Record<string, unknown>, visit: (rule: number, proven: boolean) => void): void {
    if (++this.stamp === 0xffffffff) this.restartStamps();
    // Keyword literals are looked for in each value of the same walk over the event's keys (no
    // separate list of every scalar), unless the keyword field also has presence tags.
    const star = this.star !== null && this.star.present.length === 0 ? this.star : null;
    const keyAt = this.keyAt;
    const entryAt = this.entryAt;
    let at = 0;
    let pending = 0;
    let dottedKey = false;
    for (const key in event) {
      const v = event[key];
      const pos = at++;
      let entry: EventKeyEntry | undefined;
      if (pos < KEY_POSITIONS) {
        if (keyAt[pos] === key) entry = entryAt[pos];
        else {
          entry = this.byEventKey.get(key);
          keyAt[pos] = key;
          entryAt[pos] = entry;
        }
      } else entry = this.byEventKey.get(key);
      const fi = entry === undefined ? null : entry.field;
      if (fi !== null && typeof v !== 'object') {
        // A scalar (or undefined), read here and not into the field's scratch: rules that need
        // the field read it themselves. With keyword rules its text is a keyword value too.
        this.scanScalar(fi, star, v);
      } else {
        if (fi !== null) this.scanField(fi, scalarsOfKey(event, fi.slot, v).texts);
        if (star !== null && v !== null && v !== undefined) {
          if (typeof v !== 'object' && pos < KEY_POSITIONS) {
            // A keyword value's hits depend on its text alone: compare with the last scalar
            // at this position before the memo (consecutive events repeat most values).
            let rules: readonly number[];
            if (this.starRawAt[pos] === v) rules = this.starRulesAt[pos] as readonly number[];
            else {
              const text = typeof v === 'string' ? v : scalarText(v);
              rules = text === null ? NO_RULES : this.textHits(star, text);
              this.starRawAt[pos] = v;
              this.starRulesAt[pos] = rules;
            }
            for (let i = 0; i < rules.length; i++) this.hit(rules[i] as number);
          } else if (typeof v === 'string') this.scanValue(star, v);
          else {
            const texts = scalarsUnder(v);
            for (let i = 0; i < texts.length; i++) this.scanValue(star, texts[i] as string);
          }
        }
      }
      const paths = entry === undefined ? null : entry.dotted;
      if (paths !== null) {
        if ((entry as EventKeyEntry).dottedName) dottedKey = true;
        for (const p of paths) {
          if (p.scannedAt === this.stamp) continue;
          p.scannedAt = this.stamp;
          this.pendingPath[pending] = p;
          this.pendingValue[pending++] = v;
        }
      }
    }
    // Dotted fields after the walk, which tells whether the event has a key that is a dotted
    // field's own name (its reader prefers it). Without one, `a.b` reached under the key `a`
    // is read from that key's value directly: the reader would first miss `a.b` on the event
    // (a lookup through the prototype chain) and then walk the path to the same value.
    for (let i = 0; i < pending; i++) {
      const p = this.pendingPath[i] as FieldIndex;
      let raw: unknown;
      if (dottedKey || p.sub === null) raw = rawAt(event, p.slot);
      else {
        const under = this.pendingValue[i];
        raw =
          under === null || typeof under !== 'object'
            ? undefined
            : (under as Record<string, unknown>)[p.sub];
        if (typeof raw === 'function') raw = undefined; // inherited methods are not fields
      }
      if (typeof raw !== 'object') this.scanScalar(p, null, raw);
      else if (raw !== null) this.scanField(p, textsAt(event, p.slot));
      this.pendingValue[i] = undefined;
    }
    if (this.star !== null && star === null) this.scanField(this.star, textsAt(event, -1));
    // After the walk, which tells whether a vetoed rule's literals are absent (it holds).
    const always = this.always;
    for (let i = 0; i < always.length; i++) {
      const r = always[i] as number;
      const m = this.seen[r] === this.stamp ? (this.mask[r] as number) : 0;
      if ((m & (1 << KILL)) !== 0) continue;
      visit(r, this.vetoed[r] === 1 && (m & 1) === 0);
    }
    const touched = this.touched;
    const nTouched = this.nTouched;
    for (let i = 0; i < nTouched; i++) {
      const r = touched[i] as number;
      let m = this.mask[r] as number;
      const full = this.full[r] as number;
      if (m !== full) {
        if ((m & (1 << KILL)) !== 0) continue;
        const checks = this.checks[r];
        if (checks === undefined) continue;
        const must = this.unchecked[r] as number;
        if ((m & must) !== must) continue;
        for (const c of checks) if ((m & c.bit) === 0 && holds(event, c)) m |= c.bit;
        if (m !== full) continue;
      }
      visit(r, this.proven[r] === 1);
    }
    this.nTouched = 0;
  }

  /**
   * Starts the per-event stamps again before they outgrow `seen` (32 bits): on an endless stream
   * a wrapped stamp would make every hit look like the event's first and lose the others.
   */
  private restartStamps(): void {
    this.seen.fill(0);
    for (const fi of this.special) fi.scannedAt = 0;
    this.stamp = 1;
  }

  /** One literal of disjunction `tag & 3` of rule `tag >> 2` holds in the current event. */
  private hit(tag: number): void {
    const r = tag >>> 2;
    const d = tag & 3;
    if (this.seen[r] !== this.stamp) {
      this.seen[r] = this.stamp;
      this.mask[r] = 0;
    }
    const m = this.mask[r] as number;
    if (d === 0 && (m & 1) === 0) this.touched[this.nTouched++] = r;
    this.mask[r] = m | (1 << d);
  }

  /**
   * Hits the rules of a field holding one scalar (or undefined: nothing): its presence, then its
   * text's tags, merged with the keyword field's when `star` is given (the caller passes the
   * same `star` for a field every time). The last scalar is compared before the memo: consecutive
   * events often repeat a field's value, and a number's text then need not be made.
   */
  private scanScalar(fi: FieldIndex, star: FieldIndex | null, v: unknown): void {
    if (fi.numericOnly && star === null && typeof v === 'number' && Number.isFinite(v)) {
      // a count compared with bounds: no text to make or look up (a finite number reads back
      // from its text as itself)
      for (const r of fi.present) this.hit(r);
      for (const b of fi.bounds) if (satisfies(v, b)) for (const r of b.rules) this.hit(r);
      return;
    }
    let rules: readonly number[];
    if (v === fi.lastRaw) rules = fi.lastRules;
    else {
      const text = typeof v === 'string' ? v : scalarText(v);
      if (text === null) return;
      rules = star === null ? this.textHits(fi, text) : this.withStarLookup(fi, star, text);
      // only ever a scalar with a text (never null or undefined)
      fi.lastRaw = v;
      fi.lastRules = rules;
    }
    for (const r of fi.present) this.hit(r);
    for (let i = 0; i < rules.length; i++) this.hit(rules[i] as number);
  }

  /** Hits the rules of one field: its presence, then each of its lower-cased texts. */
  private scanField(fi: FieldIndex, texts: string[]): void {
    if (texts.length === 0) return;
    for (const r of fi.present) this.hit(r);
    for (const text of texts) this.scanValue(fi, text);
  }

  /**
   * Hits the rule tags a text's literals name: from the memo (keyed by the text as found, so a
   * hit needs no lower-casing), else by scanning the lower-cased text once.
   */
  private scanValue(fi: FieldIndex, text: string): void {
    const rules = this.textHits(fi, text);
    for (let i = 0; i < rules.length; i++) this.hit(rules[i] as number);
  }

  /** The rule tags a text's literals name in one field: from its memo, else by a scan. */
  private textHits(fi: FieldIndex, text: string): readonly number[] {
    let rules = fi.memo.get(text);
    if (rules === undefined) {
      rules = this.literalHits(fi, text.toLowerCase());
      fi.memo.set(text, rules);
    }
    return rules;
  }

  /** The tags of `text` in a field and the keyword field, from the joint memo or a scan. */
  private withStarLookup(fi: FieldIndex, star: FieldIndex, text: string): readonly number[] {
    const memo = fi.withStar as Memo<readonly number[]>;
    let rules = memo.get(text);
    if (rules === undefined) {
      const low = text.toLowerCase();
      const own = this.literalHits(fi, low);
      const kw = this.literalHits(star, low);
      if (own.length === 0) rules = kw;
      else if (kw.length === 0) rules = own;
      else {
        // a tag in both lists is hit twice, which `hit` ignores
        rules = own.concat(kw);
      }
      memo.set(text, rules);
    }
    return rules;
  }

  /** The distinct rules filed under literals that `text` equals or contains (no checks). */
  private literalHits(fi: FieldIndex, text: string): readonly number[] {
    // No closure here: tsx keeps function names, which wraps every closure in a call.
    const out: number[] = [];
    const listed = this.listed;
    if (this.listStamp === 0xffffffff) {
      listed.fill(0);
      this.listStamp = 0;
    }
    const stamp = ++this.listStamp;
    if (fi.eq.size) {
      const rules = fi.eq.get(text);
      if (rules) addRules(out, rules, listed, stamp);
    }
    if (fi.bounds.length !== 0) {
      // lower-casing keeps a number's value (only an exponent's or radix prefix's case changes)
      const x = numericValue(text);
      if (x !== null)
        for (const b of fi.bounds) if (satisfies(x, b)) addRules(out, b.rules, listed, stamp);
    }
    if (fi.shortFirsts !== null) {
      const firsts = fi.shortFirsts;
      const shorts = fi.shorts;
      for (let i = 0; i < text.length; i++) {
        const at = firsts[text.charCodeAt(i)] as number;
        if (at === 0) continue;
        for (const e of shorts[at - 1] as SubEntry[])
          if (
            (e.text.length === 1 ||
              (text.charCodeAt(i + 1) === e.second &&
                (e.text.length === 2 || text.startsWith(e.text, i)))) &&
            (e.anchor === ANYWHERE || occursAnchored(e, i, text.length))
          )
            addRules(out, e.rules, listed, stamp);
      }
    }
    if (fi.grams.size === 0 || text.length < 4) return out.length ? out : NO_RULES;
    const bloom = fi.bloom;
    const shift = fi.shift;
    let k = gramKey(text, 0);
    for (let i = 0; ; ) {
      const slot = bloomSlot(k, shift);
      if (((bloom[slot >>> 5] as number) & (1 << (slot & 31))) !== 0) {
        const entries = fi.grams.get(k);
        if (entries)
          // The gram sits at `e.at` in the literal, so only one alignment needs comparing.
          for (const e of entries) {
            const start = i - e.at;
            if (
              start >= 0 &&
              text.startsWith(e.text, start) &&
              (e.anchor === ANYWHERE || occursAnchored(e, start, text.length))
            )
              addRules(out, e.rules, listed, stamp);
          }
      }
      if (++i + 4 > text.length) break;
      k = ((k << 8) | (text.charCodeAt(i + 3) & 0xff)) >>> 0;
    }
    return out.length ? out : NO_RULES;
  }

  get indexedFields(): number {
    return this.byKey.size + this.special.length;
  }
}

/**
 * A literal that nearly every text holds (a substring of one or two characters, a one-character
 * prefix or suffix: '0', ':', ' ', '-s'): as a further check it rejects almost nothing, yet each
 * of its hits costs a memo entry and a mask update on every text that holds it (SigmaHQ's
 * `*:sub:0` was 14 hits per event on its own).
 */
function unselective(l: FieldLiteral): boolean {
  if (l.kind === 'eq' || l.kind === 'has' || isNumericKind(l.kind)) return false;
  return l.text.length < (l.kind === 'sub' ? 3 : 2);
}

/** A rule's disjunctions (up to MAX_DISJUNCTIONS), each once: or-branches often repeat one. */
function distinct(reqs: FieldLiteral[][]): FieldLiteral[][] {
  const kept: FieldLiteral[][] = [];
  const seen = new Set<string>();
  for (const alts of reqs) {
    if (kept.length === MAX_DISJUNCTIONS) break;
    const key = alts
      .map((l) => `${l.field}\u0000${l.kind}\u0000${l.text}`)
      .sort()
      .join('\u0001');
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(alts);
  }
  return kept;
}

/** Whether an anchored literal found at `start` sits where it must in a text of `length`. */
function occursAnchored(e: SubEntry, start: number, length: number): boolean {
  return e.anchor === AT_START ? start === 0 : start + e.text.length === length;
}

/** Appends the tags not yet listed in this call (`listed[tag] === stamp`) to `out`. */
function addRules(out: number[], rules: number[], listed: Uint32Array, stamp: number): void {
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i] as number;
    if (listed[r] !== stamp) {
      listed[r] = stamp;
      out.push(r);
    }
  }
}

function directLiteral(l: FieldLiteral): DirectLiteral {
  const kind =
    l.kind === 'eq' ? EQUALS : l.kind === 'start' ? AT_START : l.kind === 'end' ? AT_END : ANYWHERE;
  return { slot: slotFor(l.field), kind, text: l.text };
}

/**
 * Whether a direct check holds: one of its fields (by slot) holds a value, or one of its
 * literals occurs in a lower-cased text, as the index would have found it.
 */
function holds(event: Record<string, unknown>, c: DirectCheck): boolean {
  for (const slot of c.slots) if (textsAt(event, slot).length > 0) return true;
  for (const l of c.literals) {
    const texts = loweredTexts(l.slot < 0 ? allScalars(event) : scalarsAt(event, l.slot));
    for (const t of texts)
      if (
        l.kind === ANYWHERE
          ? t.includes(l.text)
          : l.kind === EQUALS
            ? t === l.text
            : l.kind === AT_START
              ? t.startsWith(l.text)
              : t.endsWith(l.text)
      )
        return true;
  }
  return false;
}

/** `b` for a field `a.b`, else null. */
function twoSegmentTail(field: string): string | null {
  const parts = field.split('.');
  return parts.length === 2 ? (parts[1] as string) : null;
}

function slotFor(field: string): number {
  return field === '*' ? -1 : fieldSlot(field);
}

/** The texts of a field by slot as found (-1: every scalar of the event, for keywords). */
function textsAt(event: Record<string, unknown>, slot: number): string[] {
  return slot < 0 ? allScalars(event).texts : scalarsAt(event, slot).texts;
}
