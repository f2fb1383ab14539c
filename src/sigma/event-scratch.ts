// Per-event scratch memory shared by the rule index and the matchers: the lower-cased text of a
// field, and every scalar of the event (for keyword searches), computed once per event instead
// of once per rule. The engine starts a new generation for each event it is pushed.
import { compileFieldReader, type FieldReader, scalarText } from './field-lookup.ts';

let generation = 0;
const NONE: string[] = [];
let fieldGeneration = -1;
const fieldTexts = new Map<string, string[]>();
const readers = new Map<string, FieldReader>();
let allGeneration = -1;
let allTexts: string[] = [];
let allLowered: string[] = [];

/** Starts a new event: everything memoised for the previous one is forgotten. */
export function beginEvent(): void {
  generation++;
}

/** The lower-cased scalar texts of `field` (arrays give one per element); `*` is every scalar. */
export function loweredTexts(ev: Record<string, unknown>, field: string): string[] {
  if (field === '*') return allScalars(ev).lowered;
  if (fieldGeneration !== generation) {
    fieldTexts.clear();
    fieldGeneration = generation;
  }
  let texts = fieldTexts.get(field);
  if (texts) return texts;
  let read = readers.get(field);
  if (!read) {
    read = compileFieldReader(field);
    readers.set(field, read);
  }
  const raw = read(ev);
  if (raw === undefined || raw === null) return NONE;
  texts = [];
  if (Array.isArray(raw)) {
    for (const x of raw) {
      const s = scalarText(x);
      if (s !== null) texts.push(s.toLowerCase());
    }
  } else {
    const s = scalarText(raw);
    if (s !== null) texts.push(s.toLowerCase());
  }
  fieldTexts.set(field, texts);
  return texts;
}

/** Every scalar value in the event (nested objects and arrays included), as text. */
export function allScalars(ev: Record<string, unknown>): { texts: string[]; lowered: string[] } {
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
