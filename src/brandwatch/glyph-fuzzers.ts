// Look-alike-character fuzzers: `cyrillic` rewrites the whole label in Cyrillic look-alikes
// (or not at all); `homoglyph` substitutes up to two glyphs, also over two-character windows
// (`rn`→`m`, `cl`→`d`, or a doubled letter at once), exactly as dnstwist composes them.
import { LATIN_TO_CYRILLIC } from './dnstwist-glyphs.ts';
import type { GlyphMap } from './glyph-repertoire.ts';
import type { Emit } from './typo-fuzzers.ts';

const CYRILLIC_PAIRS = Object.entries(LATIN_TO_CYRILLIC);

export function cyrillic(d: string, emit: Emit): void {
  let c = d;
  for (const [latin, cyr] of CYRILLIC_PAIRS) c = c.replaceAll(latin, cyr);
  for (let i = 0; i < d.length; i++) if (c.charCodeAt(i) === d.charCodeAt(i)) return;
  emit(c);
}

/** A glyph map compiled for the hot loop: keys are ASCII, looked up by char code. */
interface GlyphIndex {
  single: Array<readonly string[] | undefined>;
  /** The glyphs of `single` that are one non-ASCII UTF-16 unit (most of them). */
  plain: Array<readonly string[] | undefined>;
  pair: Array<readonly string[] | undefined>;
}

/** One non-ASCII unit: it is no table key, so a later step can neither replace nor pair it. */
function isPlain(g: string): boolean {
  return g.length === 1 && g.charCodeAt(0) >= 0x80;
}

const indexes = new WeakMap<GlyphMap, GlyphIndex>();

function indexOf(glyphs: GlyphMap): GlyphIndex {
  let idx = indexes.get(glyphs);
  if (idx) return idx;
  idx = {
    single: new Array(128).fill(undefined),
    plain: new Array(128).fill(undefined),
    pair: new Array(128 * 128).fill(undefined),
  };
  for (const [k, gs] of glyphs) {
    const a = k.charCodeAt(0);
    const b = k.charCodeAt(1);
    if (k.length === 1 && a < 128) {
      idx.single[a] = gs;
      idx.plain[a] = gs.filter(isPlain);
    }
    else if (k.length === 2 && a < 128 && b < 128) idx.pair[a * 128 + b] = gs;
  }
  indexes.set(glyphs, idx);
  return idx;
}

type Put = (s: string, plainAt: number) => void;

/**
 * One substitution step: every glyph at every position, then every two-character window.
 * `put` learns, for a single plain glyph, its position (else -1).
 */
function mix(d: string, idx: GlyphIndex, put: Put): void {
  const { single, pair } = idx;
  const n = d.length;
  for (let i = 0; i < n; i++) {
    const code = d.charCodeAt(i);
    const gs = code < 128 ? single[code] : undefined;
    if (!gs) continue;
    const pre = d.slice(0, i);
    const suf = d.slice(i + 1);
    for (const g of gs) put(pre + g + suf, isPlain(g) ? i : -1);
  }
  for (let i = 0; i < n - 1; i++) {
    const a = d.charCodeAt(i);
    const b = d.charCodeAt(i + 1);
    if (a >= 128 || b >= 128) continue;
    const pg = pair[a * 128 + b];
    // A window of two different letters replaced one at a time equals a single substitution,
    // already emitted above; only a doubled letter (both at once) and a pair key are new.
    const twin = a === b ? single[a] : undefined;
    if (!pg && !twin) continue;
    const pre = d.slice(0, i);
    const suf = d.slice(i + 2);
    if (twin) for (const g of twin) put(pre + g + g + suf, -1);
    if (pg) for (const g of pg) put(pre + g + suf, -1);
  }
}

/**
 * Up to two steps of `mix`, as dnstwist composes them. A second step after a single plain
 * glyph at i only needs plain glyphs at positions after i: every other two-step result is also
 * reached from the other first step (the one at the smaller position, or the one that is not a
 * single plain glyph, which gets a full second step). Same set, about half the work.
 */
export function homoglyph(d: string, emit: Emit, glyphs: GlyphMap): void {
  const idx = indexOf(glyphs);
  const first = new Map<string, number>();
  mix(d, idx, (s, at) => {
    const prev = first.get(s);
    first.set(s, prev === undefined || prev === at ? at : -1);
  });
  const second = new Set<string>(first.keys());
  const add = (s: string) => {
    second.add(s);
  };
  for (const [r, at] of first) {
    if (at < 0) {
      mix(r, idx, add);
      continue;
    }
    for (let k = at + 1; k < r.length; k++) {
      const code = r.charCodeAt(k);
      const gs = code < 128 ? idx.plain[code] : undefined;
      if (!gs || gs.length === 0) continue;
      const pre = r.slice(0, k);
      const suf = r.slice(k + 1);
      for (const g of gs) second.add(pre + g + suf);
    }
  }
  for (const r of second) emit(r);
}
