// Per-event scratch memory shared by the rule index and the matchers: each field's scalars with
// their lower-cased text, and every scalar of the event (for keyword searches), computed once per
// event instead of once per rule. The engine starts a new generation for each event it pushes.
//
// Fields are numbered once (a slot per field name, kept for the process) and the per-event state
// lives in arrays indexed by slot and stamped with the generation. An earlier version kept
// per-event Maps cleared on every event; rewriting long-lived Maps with young strings cost more
// (write barriers, rehashing) than the lower-casing they saved.
import { compileFieldReader, type FieldReader, scalarText } from './field-lookup.ts';

/**
 * A field's scalars in one event with their text; the lower-cased texts are made on first use
 * (`loweredTexts`), since the index's memo answers most fields without them. Valid until the
 * next event: the arrays are reused.
 */
export interface FieldScalars {
  /** The scalars as found (strings, numbers, booleans); array elements one by one. */
  raws: unknown[];
  /** Their text as rules compare it (`scalarText`), aligned with `raws`. */
  texts: string[];
  /** The field is absent or null (as opposed to present without scalars, e.g. `[]`). */
  missing: boolean;
  /** `texts` lower-cased, valid when `lowGeneration` is the current generation. */
  lowered: string[];
  lowGeneration: number;
  /**
   * The texts `lowered` was made from (kept across events): a text equal to the previous
   * event's keeps its lower-cased form instead of allocating it again.
   */
  loweredFrom: string[];
}

let generation = 0;
const slotOf = new Map<string, number>();
const readers: FieldReader[] = [];
let stamps = new Int32Array(64);
const values: FieldScalars[] = [];
let allGeneration = -1;
const all = newScalars();

let current: object | undefined;

function newScalars(): FieldScalars {
  return { raws: [], texts: [], missing: true, lowered: [], lowGeneration: -1, loweredFrom: [] };
}

/** Starts a new event: everything memoised for the previous one is forgotten. */
export function beginEvent(): void {
  generation++;
  current = undefined;
}

/** A different event object than last time also starts a new event (rules tested directly). */
function enter(ev: object): void {
  if (ev !== current) {
    generation++;
    current = ev;
  }
}

/** The slot of a field name: compile-time callers keep it and skip the lookup per event. */
export function fieldSlot(field: string): number {
  let slot = slotOf.get(field);
  if (slot === undefined) {
    slot = readers.length;
    slotOf.set(field, slot);
    readers.push(compileFieldReader(field));
    values.push(newScalars());
    if (slot >= stamps.length) {
      const grown = new Int32Array(stamps.length * 2);
      grown.set(stamps);
      stamps = grown;
    }
    stamps[slot] = -1;
  }
  return slot;
}

/** A field's scalars (by slot) in the current event, read once per event. */
export function scalarsAt(ev: Record<string, unknown>, slot: number): FieldScalars {
  if (ev !== current) enter(ev);
  if (stamps[slot] === generation) return values[slot] as FieldScalars;
  return fill(slot, (readers[slot] as FieldReader)(ev));
}

/**
 * A field's value as found (by slot), without filling its scratch: for callers that only need
 * a scalar's text and leave the scratch to the rules that read the field.
 */
export function rawAt(ev: Record<string, unknown>, slot: number): unknown {
  return (readers[slot] as FieldReader)(ev);
}

/**
 * The same for a top-level field whose value the caller already read (the rule index walks the
 * event's own keys): skips the field reader. `raw` must be `ev[field of slot]`.
 */
export function scalarsOfKey(
  ev: Record<string, unknown>,
  slot: number,
  raw: unknown,
): FieldScalars {
  if (ev !== current) enter(ev);
  if (stamps[slot] === generation) return values[slot] as FieldScalars;
  // inherited Object methods are not fields (as in field-lookup.ts)
  return fill(slot, typeof raw === 'function' ? undefined : raw);
}

function fill(slot: number, raw: unknown): FieldScalars {
  stamps[slot] = generation;
  // Each slot's object and arrays are reused from event to event (valid until the next event):
  // no allocation per field and event. Arrays are overwritten in place and truncated only when
  // their length changes (setting `length` is a runtime call; most fields hold one scalar).
  const out = values[slot] as FieldScalars;
  out.missing = raw === undefined || raw === null;
  let n = 0;
  if (!out.missing) {
    if (Array.isArray(raw)) for (const x of raw) n = addScalar(out, n, x);
    else n = addScalar(out, 0, raw);
  }
  if (out.raws.length !== n) {
    out.raws.length = n;
    out.texts.length = n;
  }
  return out;
}

function addScalar(out: FieldScalars, n: number, x: unknown): number {
  const s = scalarText(x);
  if (s === null) return n;
  out.raws[n] = x;
  out.texts[n] = s;
  return n + 1;
}

/** The lower-cased texts of scalars read in the current event (computed once per event). */
export function loweredTexts(sc: FieldScalars): string[] {
  if (sc.lowGeneration === generation) return sc.lowered;
  sc.lowGeneration = generation;
  const texts = sc.texts;
  const low = sc.lowered;
  const from = sc.loweredFrom;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] as string;
    if (from[i] !== t) {
      from[i] = t;
      low[i] = t.toLowerCase();
    }
  }
  if (low.length !== texts.length) {
    low.length = texts.length;
    from.length = texts.length;
  }
  return low;
}

/** Every scalar value in the event (nested objects and arrays included), as text. */
export function allScalars(ev: Record<string, unknown>): FieldScalars {
  if (ev !== current) enter(ev);
  if (allGeneration !== generation) {
    allGeneration = generation;
    const n = collect(ev, all.texts, 0, 0);
    if (all.texts.length !== n) all.texts.length = n;
    all.raws = all.texts;
    all.missing = false;
  }
  return all;
}

const nested: string[] = [];

/**
 * The scalar texts of one top-level value of an event (itself, or everything nested under it),
 * as `allScalars` would list them. Valid until the next call: the array is reused.
 */
export function scalarsUnder(v: unknown): string[] {
  const n = collect(v, nested, 0, 1);
  if (nested.length !== n) nested.length = n;
  return nested;
}

/** Appends the scalar texts under `v` at `out[n]`...; returns the new count. */
function collect(v: unknown, out: string[], n: number, depth: number): number {
  if (depth > 8 || v === null || v === undefined) return n;
  const s = scalarText(v);
  if (s !== null) {
    out[n] = s;
    return n + 1;
  }
  if (Array.isArray(v)) {
    for (const x of v) n = collect(x, out, n, depth + 1);
  } else if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // for-in over own keys (event objects are plain): no Object.values array per event
    for (const k in o) if (Object.hasOwn(o, k)) n = collect(o[k], out, n, depth + 1);
  }
  return n;
}
