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
  pair: Array<readonly string[] | undefined>;
}

const indexes = new WeakMap<GlyphMap, GlyphIndex>();

function indexOf(glyphs: GlyphMap): GlyphIndex {
  let idx = indexes.get(glyphs);
  if (idx) return idx;
  idx = { single: new Array(128).fill(undefined), pair: new Array(128 * 128).fill(undefined) };
  for (const [k, gs] of glyphs) {
    const a = k.charCodeAt(0);
    const b = k.charCodeAt(1);
    if (k.length === 1 && a < 128) idx.single[a] = gs;
    else if (k.length === 2 && a < 128 && b < 128) idx.pair[a * 128 + b] = gs;
  }
  indexes.set(glyphs, idx);
  return idx;
}

/** One substitution step: every glyph at every position, then every two-character window. */
function mix(d: string, idx: GlyphIndex, out: Set<string>): void {
  const { single, pair } = idx;
  const n = d.length;
  for (let i = 0; i < n; i++) {
    const code = d.charCodeAt(i);
    const gs = code < 128 ? single[code] : undefined;
    if (!gs) continue;
    const pre = d.slice(0, i);
    const suf = d.slice(i + 1);
    for (const g of gs) out.add(pre + g + suf);
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
    if (twin) for (const g of twin) out.add(pre + g + g + suf);
    if (pg) for (const g of pg) out.add(pre + g + suf);
  }
}

export function homoglyph(d: string, emit: Emit, glyphs: GlyphMap): void {
  const idx = indexOf(glyphs);
  const first = new Set<string>();
  mix(d, idx, first);
  const second = new Set<string>(first);
  for (const r of first) mix(r, idx, second);
  for (const r of second) emit(r);
}
