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
 * A field's scalars in one event, with the lower-cased text of each at the same index. Valid
 * until the next event: the arrays are reused.
 */
export interface FieldScalars {
  /** The scalars as found (strings, numbers, booleans); array elements one by one. */
  raws: unknown[];
  /** Their lower-cased text, aligned with `raws`. */
  lowered: string[];
  /** The field is absent or null (as opposed to present without scalars, e.g. `[]`). */
  missing: boolean;
}


let generation = 0;
const slotOf = new Map<string, number>();
const readers: FieldReader[] = [];
let stamps = new Int32Array(64);
const values: FieldScalars[] = [];
let allGeneration = -1;
let allTexts: string[] = [];
let allLowered: string[] = [];

let current: object | undefined;

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
    values.push({ raws: [], lowered: [], missing: true });
    if (slot >= stamps.length) {
      const grown = new Int32Array(stamps.length * 2);
      grown.set(stamps);
      stamps = grown;
    }
    stamps[slot] = -1;
  }
  return slot;
}

/** A field's scalars (by slot) in the current event, read and lower-cased once. */
export function scalarsAt(ev: Record<string, unknown>, slot: number): FieldScalars {
  if (ev !== current) enter(ev);
  if (stamps[slot] === generation) return values[slot] as FieldScalars;
  stamps[slot] = generation;
  const raw = (readers[slot] as FieldReader)(ev);
  // Each slot's object and arrays are reused from event to event (valid until the next event):
  // no allocation per field and event beyond the lower-cased strings themselves.
  const out = values[slot] as FieldScalars;
  out.raws.length = 0;
  out.lowered.length = 0;
  out.missing = raw === undefined || raw === null;
  if (out.missing) return out;
  if (Array.isArray(raw)) for (const x of raw) addScalar(out, x);
  else addScalar(out, raw);
  return out;
}

function addScalar(out: FieldScalars, x: unknown): void {
  const s = scalarText(x);
  if (s === null) return;
  out.raws.push(x);
  out.lowered.push(s.toLowerCase());
}

/** Every scalar value in the event (nested objects and arrays included), as text. */
export function allScalars(ev: Record<string, unknown>): { texts: string[]; lowered: string[] } {
  if (ev !== current) enter(ev);
  if (allGeneration !== generation) {
    allTexts = [];
    collect(ev, allTexts, 0);
    allLowered = allTexts.map((t) => t.toLowerCase());
    allGeneration = generation;
  }
  return { texts: allTexts, lowered: allLowered };
}

function collect(v: unknown, out: string[], depth: number): void {
  if (depth > 8 || v === null || v === undefined) return;
  const s = scalarText(v);
  if (s !== null) out.push(s);
  else if (Array.isArray(v)) for (const x of v) collect(x, out, depth + 1);
  else if (typeof v === 'object')
    for (const x of Object.values(v as object)) collect(x, out, depth + 1);
}
