// Compiles one detection item (`field|mods: values`) into an event predicate: reads the field
// (through the pipeline's field mapping), links values with OR (AND under `all`), handles null,
// `exists` and keyword (unbound) searches, and reports what the rule index may rely on.
import {
  type CompiledValue,
  compileValue,
  type IndexLiteral,
  prepareText,
  textPreparation,
} from './compile-value.ts';
import {
  allScalars,
  type FieldScalars,
  fieldSlot,
  loweredTexts,
  scalarsAt,
} from './event-scratch.ts';
import { compileFieldReader } from './field-lookup.ts';
import { decidedByText, itemMemo, worthMemo } from './item-memo.ts';
import { compileNeedleSet } from './needle-set.ts';
import type { DetectionItem, RuleValue } from './types.ts';

export type EventTest = (event: Record<string, unknown>) => boolean;

/** One alternative of an index requirement: field `field`'s text equals/contains `text`. */
export interface FieldLiteral extends IndexLiteral {
  field: string;
}

export interface CompiledItem {
  test: EventTest;
  /** Each entry is a disjunction that every match satisfies (the index picks one). */
  requirements: FieldLiteral[][];
  /**
   * `requirements[0]` when it is also sufficient: the item holds exactly when one of its
   * literals does, as the rule index tests them (compile-value.ts `exact`).
   */
  exactRequirement?: FieldLiteral[];
  /**
   * The event fields whose texts decide the item wherever each holds at most one scalar (absent:
   * it also depends on something else: another field by `fieldref`, a number's type, the time,
   * every value for keywords).
   */
  reads?: string[];
}

export interface ItemContext {
  /** Event fields a rule field reads (pipeline field_name_mapping); identity without one. */
  mapField(field: string): string[];
  /** Expands `%name%` placeholders (only called for `expand`); string = error message. */
  expand(value: string): string[] | string;
}

export function compileItem(item: DetectionItem, ctx: ItemContext): CompiledItem | string {
  const mods = item.modifiers;
  if (item.field === null || item.field === '') return compileKeywords(item, ctx);
  const readers = ctx.mapField(item.field).map((f) => ({ f, read: compileFieldReader(f) }));
  if (mods.includes('exists')) {
    const want = item.values[0] === true;
    return {
      test: (ev) => readers.some(({ read }) => read(ev) !== undefined) === want,
      requirements: [],
    };
  }
  const values = expandValues(item.values, mods, ctx);
  if (typeof values === 'string') return values;
  const compiled: Array<CompiledValue | 'null'> = [];
  for (const v of values) {
    if (v === null) compiled.push('null');
    else {
      const c = compileValue(v, mods);
      if (typeof c === 'string') return c;
      compiled.push(c);
    }
  }
  const all = mods.includes('all');
  const prep = textPreparation(mods);
  const hasNull = compiled.includes('null');
  let real = compiled.filter((c): c is CompiledValue => c !== 'null');
  const needles = real.filter((c) => c.needle !== undefined);
  if (!all && needles.length >= 8) {
    // Batch plain `contains` values into one pass over the text.
    const inSet = compileNeedleSet(needles.map((c) => c.needle as string));
    const batched: CompiledValue = { test: (_r, t) => t !== null && inSet(t), literals: null };
    real = [batched, ...real.filter((c) => c.needle === undefined)];
  }
  const plain = !prep.cased && !prep.windash;
  // Scalars come from the per-event scratch (read and lower-cased once per event and field,
  // shared with the index and every other rule reading the field).
  const fieldTest = (field: string): EventTest => {
    const slot = fieldSlot(field);
    // Plain values compare against the lower-cased texts (made once per event and field);
    // `cased` / `windash` prepare the text themselves.
    const textsOf = (sc: FieldScalars): string[] =>
      plain ? loweredTexts(sc) : sc.texts.map((t) => prepareText(t, prep));
    if (all)
      return (ev) => {
        const sc = scalarsAt(ev, slot);
        const texts = sc.missing ? sc.texts : textsOf(sc);
        for (const c of compiled) {
          if (c === 'null') {
            if (!sc.missing) return false;
            continue;
          }
          let any = false;
          for (let j = 0; j < sc.raws.length && !any; j++)
            any = c.test(sc.raws[j], texts[j] as string, ev);
          if (!any) return false;
        }
        return true;
      };
    const evaluate = (sc: FieldScalars, ev: Record<string, unknown>): boolean => {
      const raws = sc.raws;
      const texts = textsOf(sc);
      for (let j = 0; j < raws.length; j++) {
        const text = texts[j] as string;
        for (const c of real) if (c.test(raws[j], text, ev)) return true;
      }
      return false;
    };
    const memo = worthMemo(mods, compiled.length) ? itemMemo.newMemo() : null;
    return (ev) => {
      const sc = scalarsAt(ev, slot);
      if (sc.missing) return hasNull;
      const n = sc.raws.length;
      if (n === 0) return false;
      if (memo === null || n !== 1) return evaluate(sc, ev);
      // One scalar: the result is a function of its text (see item-memo.ts).
      const key = sc.texts[0] as string;
      let known = memo.get(key);
      if (known === undefined) {
        known = evaluate(sc, ev);
        memo.set(key, known);
      }
      return known;
    };
  };
  const tests = readers.map(({ f }) => fieldTest(f));
  const test: EventTest =
    tests.length === 1 ? (tests[0] as EventTest) : (ev) => tests.some((t) => t(ev));
  const requirements = itemRequirements(
    compiled,
    all,
    readers.map((r) => r.f),
  );
  const out: CompiledItem = { test, requirements };
  // (rule-memo.ts runs the rule itself when a field holds several scalars: `all` is fine there)
  if (decidedByText(mods, true)) out.reads = readers.map((r) => r.f);
  // Any value on any of the fields: exact when every value is (no null, no `all`).
  if (!all && compiled.length > 0 && compiled.every((c) => c !== 'null' && c.exact))
    out.exactRequirement = requirements[0] as FieldLiteral[];
  return out;
}

/**
 * Without a null value, an absent (or non-scalar) field fails every value test: string, regex,
 * numeric, cidr and fieldref alike. So "one of the item's fields holds a value" is necessary,
 * which lets the index skip rules on events that lack the field even when no literal is usable.
 */
function presenceRequirement(fields: string[]): FieldLiteral[] {
  return fields.map((field) => ({ kind: 'has', text: '', field }));
}

function itemRequirements(
  compiled: Array<CompiledValue | 'null'>,
  all: boolean,
  fields: string[],
): FieldLiteral[][] {
  const per = compiled.map((c) =>
    c === 'null' || c.literals === null
      ? null
      : fields.flatMap((field) => (c.literals ?? []).map((l) => ({ ...l, field }))),
  );
  const presence = compiled.includes('null') ? [] : [presenceRequirement(fields)];
  if (all) return [...per.filter((p): p is FieldLiteral[] => p !== null), ...presence];
  if (per.some((p) => p === null) || per.length === 0) return presence;
  return [per.flat() as FieldLiteral[], ...presence];
}

function expandValues(values: RuleValue[], mods: string[], ctx: ItemContext): RuleValue[] | string {
  if (!mods.includes('expand')) return values;
  const out: RuleValue[] = [];
  for (const v of values) {
    if (typeof v !== 'string') {
      out.push(v);
      continue;
    }
    const e = ctx.expand(v);
    if (typeof e === 'string') return e;
    out.push(...e);
  }
  return out;
}

/**
 * Keyword searches: values with no field match anywhere in the event, as a substring of any
 * scalar value (nested objects included); wildcards in the value keep their meaning.
 */
function compileKeywords(item: DetectionItem, ctx: ItemContext): CompiledItem | string {
  const mods = item.modifiers.includes('contains')
    ? item.modifiers
    : ['contains', ...item.modifiers];
  const values = expandValues(item.values, mods, ctx);
  if (typeof values === 'string') return values;
  const prep = textPreparation(mods);
  const plainPrep = !prep.cased && !prep.windash;
  const tests: CompiledValue[] = [];
  for (const v of values) {
    if (v === null) return 'a keyword search cannot be null';
    const c = compileValue(v, mods);
    if (typeof c === 'string') return c;
    tests.push(c);
  }
  const all = mods.includes('all');
  let testsToRun = tests;
  const needles = tests.filter((c) => c.needle !== undefined);
  if (!all && needles.length >= 8) {
    // One pass over each text for all plain keywords, instead of one per keyword.
    const inSet = compileNeedleSet(needles.map((c) => c.needle as string));
    const batched: CompiledValue = { test: (_r, t) => t !== null && inSet(t), literals: null };
    testsToRun = [batched, ...tests.filter((c) => c.needle === undefined)];
  }
  const one = (c: CompiledValue, ev: Record<string, unknown>) => {
    const sc = allScalars(ev);
    const texts = sc.texts;
    const lowered = plainPrep ? loweredTexts(sc) : texts;
    for (let i = 0; i < texts.length; i++) {
      const raw = texts[i] as string;
      if (c.test(raw, plainPrep ? (lowered[i] as string) : prepareText(raw, prep), ev)) return true;
    }
    return false;
  };
  const lits: Array<FieldLiteral[] | null> = tests.map((c) =>
    c.literals
      ? c.literals.map((l): FieldLiteral => ({ kind: 'sub', text: l.text, field: '*' }))
      : null,
  );
  const requirements = all
    ? lits.filter((l): l is FieldLiteral[] => l !== null)
    : lits.some((l) => l === null)
      ? []
      : [lits.flat() as FieldLiteral[]];
  let test: EventTest = all
    ? (ev) => tests.every((c) => one(c, ev))
    : (ev) => testsToRun.some((c) => one(c, ev));
  if (!all && worthMemo(mods, tests.length)) {
    // Without `all` the item holds when some scalar passes some value: memoise per scalar text.
    const memo = itemMemo.newMemo();
    test = (ev) => {
      const texts = allScalars(ev).texts;
      for (let i = 0; i < texts.length; i++) {
        const raw = texts[i] as string;
        let known = memo.get(raw);
        if (known === undefined) {
          const text = prepareText(raw, prep);
          known = false;
          for (const c of testsToRun) if (c.test(raw, text, ev)) known = true;
          memo.set(raw, known);
        }
        if (known) return true;
      }
      return false;
    };
  }
  const out: CompiledItem = { test, requirements };
  // (keyword literals are all `sub`: the values are wrapped in `contains`)
  if (!all && tests.length > 0 && tests.every((c) => c.exact && c.literals?.[0]?.kind === 'sub'))
    out.exactRequirement = requirements[0] as FieldLiteral[];
  return out;
}
