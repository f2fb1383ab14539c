// Which look-alike characters a suffix gets: dnstwist's ASCII glyphs plus the registry's IDN
// repertoire, and — where the registry takes Latin IDN labels at all — the UTS #39 Latin
// confusables on top. Also the set of non-ASCII characters known to be valid in a label.
import { domainToASCII, domainToUnicode } from 'node:url';
import { LATIN_CONFUSABLES } from './data/confusable-tables.ts';
import {
  ASCII_GLYPHS,
  type GlyphTable,
  IDN_GLYPHS_BY_SUFFIX,
  LATIN_TO_CYRILLIC,
  registryGlyphs,
  UNICODE_GLYPHS,
} from './dnstwist-glyphs.ts';

export type GlyphMap = ReadonlyMap<string, readonly string[]>;

/** Registries whose policy admits no Latin IDN label (Japanese, Chinese, UK, …). */
const NO_LATIN_IDN_TLDS = new Set(['jp', 'cn', 'tw', 'uk', 'ad', 'cz', 'sk', 'nl', 'us', 'edu', 'kr']);

export function acceptsLatinIdn(suffix: string): boolean {
  const tld = suffix.slice(suffix.lastIndexOf('.') + 1);
  return !NO_LATIN_IDN_TLDS.has(tld) && Object.keys(registryGlyphs(suffix)).length > 0;
}

/** ASCII keys also take the confusables of their own prototype (`m` looks like `rn`). */
const PROTOTYPE_OF: Readonly<Record<string, string>> = { m: 'rn', '0': 'o', '1': 'l' };

function merge(target: Map<string, Set<string>>, table: GlyphTable): void {
  for (const [k, gs] of Object.entries(table)) {
    const set = target.get(k) ?? new Set<string>();
    for (const g of gs) set.add(g);
    target.set(k, set);
  }
}

const cache = new Map<string, GlyphMap>();

/** The substitution table for a suffix; `extras` adds the UTS #39 Latin confusables. */
export function glyphMapFor(suffix: string, extras: boolean): GlyphMap {
  const key = `${suffix}|${extras}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const acc = new Map<string, Set<string>>();
  merge(acc, ASCII_GLYPHS);
  merge(acc, registryGlyphs(suffix));
  if (extras && registryGlyphs(suffix) === UNICODE_GLYPHS && acceptsLatinIdn(suffix)) {
    merge(acc, LATIN_CONFUSABLES);
    for (const [k, proto] of Object.entries(PROTOTYPE_OF)) {
      merge(acc, { [k]: LATIN_CONFUSABLES[proto] ?? [] });
    }
  }
  const map: GlyphMap = new Map([...acc].map(([k, v]) => [k, [...v]]));
  cache.set(key, map);
  return map;
}

/** NFC-stable and not a combining mark: such characters never recompose with a neighbour. */
export function isStableLetter(c: string): boolean {
  return c.normalize('NFC') === c && !/\p{M}/u.test(c);
}

let validBmp: Uint8Array | undefined;

/** Whether IDNA maps a table character to itself (every table checked once, on first use). */
export function isKnownValidCodePoint(cp: number): boolean {
  if (!validBmp) {
    validBmp = new Uint8Array(0x10000);
    const tables: GlyphTable[] = [UNICODE_GLYPHS, LATIN_CONFUSABLES, ...IDN_GLYPHS_BY_SUFFIX.values()];
    const chars = new Set<string>(Object.values(LATIN_TO_CYRILLIC));
    for (const t of tables) for (const gs of Object.values(t)) for (const g of gs) chars.add(g);
    for (const c of chars) {
      const ascii = domainToASCII(`a${c}a`);
      const ok = ascii && domainToUnicode(ascii) === `a${c}a` && isStableLetter(c);
      if (ok && c.length === 1) validBmp[c.charCodeAt(0)] = 1;
    }
  }
  return cp < 0x10000 && validBmp[cp] === 1;
}
