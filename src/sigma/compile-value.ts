// Compiles one rule value with its modifier chain into a test over one scalar of an event field.
// Transformation modifiers (windash, encodings, contains/startswith/endswith) run once here, in
// the order written; the result is a closure and the literal text the rule index can use.
import { RE2JS } from 're2js';
import { compileCidr } from './cidr.ts';
import { compileFieldReader, scalarText } from './field-lookup.ts';
import { compileGlob } from './glob-match.ts';
import { isNumeric, NUMERIC_COMPARATORS } from './modifiers.ts';
import { minRegexLength, requiredRegexLiteral } from './regex-literal.ts';
import {
  hasWildcards,
  longestLiteral,
  mapLiterals,
  parseSigmaString,
  type SigmaPattern,
  STAR,
  wrapWildcards,
} from './sigma-string.ts';
import { extractTimePart, TIME_PARTS, type TimePart } from './time-parts.ts';
import {
  base64OfBytes,
  base64OffsetVariants,
  type Encoding,
  encodeText,
  foldWindash,
  WINDASH_CHARS,
} from './value-encoding.ts';

/** Test of one event scalar: `raw` as found, `text` its prepared (case-folded) string form. */
export type ScalarTest = (
  raw: unknown,
  text: string | null,
  event: Record<string, unknown>,
) => boolean;

/**
 * What the index may assume: a match implies the lower-cased field text equals (`eq`),
 * contains (`sub`), starts with (`start`) or ends with (`end`) this text, or (`has`, text
 * empty) merely that the field holds a value.
 */
export interface IndexLiteral {
  /**
   * Text literals ('eq' | 'sub' | 'start' | 'end': lower-cased), a field's mere presence
   * ('has'), or a numeric bound ('lt' | 'lte' | 'gt' | 'gte': `text` is the number) that the
   * field's text, read as a number, must satisfy.
   */
  kind: 'eq' | 'sub' | 'start' | 'end' | 'has' | NumericKind;
  text: string;
}

export type NumericKind = 'lt' | 'lte' | 'gt' | 'gte';

export function isNumericKind(kind: string): kind is NumericKind {
  return NUMERIC_COMPARATORS.has(kind);
}

/** A text as a numeric comparison reads it (null: not a number), as `compileNumeric` tests. */
export function numericValue(s: string): number | null {
  return isNumeric(s) ? Number(s) : null;
}

export interface CompiledValue {
  test: ScalarTest;
  /** One literal per variant (any may hold), or null when the value gives the index nothing. */
  literals: IndexLiteral[] | null;
  /** Set when the value is exactly "prepared text contains this needle" (lists batch these). */
  needle?: string;
  /**
   * The value holds exactly when one of its `literals` does, tested as the rule index tests
   * them (equal to or containing the literal, on the lower-cased text): a hit proves it.
   */
  exact?: true;
}

/** How the scalar's text must be prepared before string tests (shared by an item's values). */
export interface TextPreparation {
  cased: boolean;
  windash: boolean;
}

export function textPreparation(mods: string[]): TextPreparation {
  return { cased: mods.includes('cased'), windash: mods.includes('windash') };
}

export function prepareText(s: string, prep: TextPreparation): string {
  const t = prep.cased ? s : s.toLowerCase();
  return prep.windash ? foldWindash(t) : t;
}

/** Compiles `value` (already placeholder-expanded) under `mods`; a string result is an error. */
export function compileValue(
  value: string | number | boolean,
  mods: string[],
): CompiledValue | string {
  const has = (m: string) => mods.includes(m);
  const raw = typeof value === 'string' ? value : String(value);
  if (has('re')) return compileRegex(raw, mods);
  if (has('cidr')) {
    const t = compileCidr(raw);
    if (typeof t === 'string') return t;
    return {
      test: (_r, _t) => {
        const s = scalarText(_r);
        return s !== null && t(s);
      },
      literals: null,
    };
  }
  if (has('fieldref')) return compileFieldRef(raw, mods);
  const timePart = TIME_PARTS.find((p) => has(p));
  const comparator = mods.find((m) => NUMERIC_COMPARATORS.has(m));
  if (timePart || comparator) return compileNumeric(raw, timePart, comparator);
  return compileStringValue(value, mods);
}

function compileRegex(pattern: string, mods: string[]): CompiledValue | string {
  let flags = 0;
  if (mods.includes('i')) flags |= RE2JS.CASE_INSENSITIVE;
  if (mods.includes('m')) flags |= RE2JS.MULTILINE;
  if (mods.includes('s')) flags |= RE2JS.DOTALL;
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern, flags);
  } catch (e) {
    return `bad regular expression /${pattern}/: ${e instanceof Error ? e.message : String(e)}`;
  }
  const insensitive = mods.includes('i') || /\(\?[a-z]*i/.test(pattern);
  const literal = requiredRegexLiteral(pattern, insensitive);
  const lower = literal?.toLowerCase() ?? null;
  const minLength = minRegexLength(pattern);
  return {
    test: (r, text) => {
      const s = scalarText(r);
      if (s === null || s.length < minLength) return false;
      // Cheap necessary check first; the linear-time engine runs only when it passes.
      if (
        literal !== null &&
        !(insensitive ? (text ?? s.toLowerCase()).includes(literal) : s.includes(literal))
      ) {
        return false;
      }
      return re.test(s);
    },
    literals: lower === null ? null : [{ kind: 'sub', text: lower }],
  };
}

function compileFieldRef(other: string, mods: string[]): CompiledValue {
  const read = compileFieldReader(other);
  const cased = mods.includes('cased');
  const negate = mods.includes('neq');
  return {
    test: (r, _t, ev) => {
      const a = scalarText(r);
      const b = scalarText(read(ev));
      if (a === null || b === null) return false;
      const same = a === b || (!cased && sameLowered(a, b));
      return same !== negate;
    },
    literals: null,
  };
}

/**
 * `a.toLowerCase() === b.toLowerCase()` without lower-casing texts of different lengths (most
 * pairs; lower-casing allocates both). Only U+0130 (İ) changes length when lower-cased.
 */
function sameLowered(a: string, b: string): boolean {
  if (a.length !== b.length && !a.includes('\u0130') && !b.includes('\u0130')) return false;
  return a.toLowerCase() === b.toLowerCase();
}

function compileNumeric(
  raw: string,
  part: TimePart | undefined,
  cmp: string | undefined,
): CompiledValue | string {
  if (!isNumeric(raw)) return `"${raw}" is not a number`;
  const n = Number(raw);
  const compare = numericComparison(cmp, n);
  return {
    test: (r) => {
      let x: number | null;
      if (part) x = extractTimePart(r, part);
      else {
        const s = scalarText(r);
        x = s === null ? null : numericValue(s);
      }
      return x !== null && compare(x);
    },
    // a plain bound (not a time part) is indexed: rules reading a count skip events below it
    literals:
      part === undefined && cmp !== undefined
        ? [{ kind: cmp as NumericKind, text: String(n) }]
        : null,
  };
}

function numericComparison(cmp: string | undefined, n: number): (x: number) => boolean {
  switch (cmp) {
    case 'lt':
      return (x) => x < n;
    case 'lte':
      return (x) => x <= n;
    case 'gt':
      return (x) => x > n;
    case 'gte':
      return (x) => x >= n;
    default:
      return (x) => x === n;
  }
}

function compileStringValue(
  value: string | number | boolean,
  mods: string[],
): CompiledValue | string {
  const prep = textPreparation(mods);
  let variants: SigmaPattern[] = [
    typeof value === 'string' ? parseSigmaString(value) : [String(value)],
  ];
  let encoding: Encoding = 'utf8';
  let encodingPending = false;
  for (const m of mods) {
    if (m === 'utf16le' || m === 'wide' || m === 'utf16be' || m === 'utf16') {
      encoding = m === 'wide' ? 'utf16le' : m;
      encodingPending = true;
    } else if (m === 'base64' || m === 'base64offset') {
      if (variants.some(hasWildcards))
        return `modifier "${m}" cannot encode a value with wildcards`;
      const next: SigmaPattern[] = [];
      for (const v of variants) {
        const bytes = encodeText(v.join(''), encoding);
        if (m === 'base64') next.push([base64OfBytes(bytes)]);
        else for (const s of base64OffsetVariants(bytes)) next.push([s]);
      }
      variants = next;
      encodingPending = false;
      encoding = 'utf8';
    } else if (m === 'contains' || m === 'startswith' || m === 'endswith') {
      variants = variants.map((v) => wrapWildcards(v, m !== 'startswith', m !== 'endswith'));
    }
  }
  if (encodingPending)
    variants = variants.map((v) => mapLiterals(v, (s) => encodeText(s, encoding)));
  if (prep.windash) variants = variants.map((v) => mapLiterals(v, foldWindash));
  const tests = variants.map((v) => compileGlob(v, prep.cased));
  const negate = mods.includes('neq');
  const test: ScalarTest =
    tests.length === 1
      ? negate
        ? (_r, t) => t !== null && !(tests[0] as (s: string) => boolean)(t)
        : (_r, t) => t !== null && (tests[0] as (s: string) => boolean)(t)
      : negate
        ? (_r, t) => t !== null && !tests.some((f) => f(t))
        : (_r, t) => t !== null && tests.some((f) => f(t));
  const out: CompiledValue = {
    test,
    literals: negate ? null : variants.map((v) => indexLiteral(v, prep.windash)),
  };
  if (
    !negate &&
    !prep.cased &&
    !prep.windash &&
    variants.every((v, i) => isExactLiteral(v, out.literals?.[i]))
  )
    out.exact = true;
  const only = variants[0];
  if (
    !negate &&
    variants.length === 1 &&
    only &&
    only.length === 3 &&
    only[0] === STAR &&
    only[2] === STAR &&
    typeof only[1] === 'string'
  ) {
    out.needle = prep.cased ? only[1] : only[1].toLowerCase();
  }
  return out;
}

/**
 * Whether matching `v` (compiled by compileGlob on lower-cased text) is the same test as the
 * index's `lit`: a pattern without wildcards against `eq`, or `*text*` against `sub`.
 */
function isExactLiteral(v: SigmaPattern, lit: IndexLiteral | undefined): boolean {
  if (lit === undefined) return false;
  // compileGlob lower-cases piece by piece; the literal lower-cases the joined text
  const lowered = v.map((t) => (typeof t === 'string' ? t.toLowerCase() : t));
  if (lit.kind === 'eq') return !hasWildcards(v) && lowered.join('') === lit.text;
  return anchorOf(lowered) === lit.kind && lowered.includes(lit.text);
}

/** `start`, `end` or `sub` for `text*`, `*text` and `*text*`; null for other patterns. */
function anchorOf(v: SigmaPattern): IndexLiteral['kind'] | null {
  const [a, b, c] = v;
  if (v.length === 2 && typeof a === 'string' && b === STAR) return 'start';
  if (v.length === 2 && a === STAR && typeof b === 'string') return 'end';
  if (v.length === 3 && a === STAR && typeof b === 'string' && c === STAR) return 'sub';
  return null;
}

function indexLiteral(v: SigmaPattern, windash: boolean): IndexLiteral {
  if (!hasWildcards(v) && !windash) return { kind: 'eq', text: v.join('').toLowerCase() };
  const anchor = windash ? null : anchorOf(v);
  // An anchored literal (`text*`, `*text`) lets the index check where the text occurs.
  if (anchor !== null) return { kind: anchor, text: longestLiteral(v).toLowerCase() };
  let best = longestLiteral(v).toLowerCase();
  if (windash) {
    best = '';
    for (const t of v) {
      if (typeof t !== 'string') continue;
      for (const piece of t.toLowerCase().split(new RegExp(`[${WINDASH_CHARS}]`))) {
        if (piece.length > best.length) best = piece;
      }
    }
  }
  return { kind: 'sub', text: best };
}
