// Sigma string values: the spec's wildcards (`*`, `?`) and its backslash escaping, parsed into
// literal runs and wildcard tokens. Matching lives in glob-match.ts; this module only reads the
// notation, so every consumer (matcher, index, encodings) agrees on what a value means.

export const STAR = 0;
export const QMARK = 1;
/** A parsed Sigma string: literal text runs and wildcard tokens, in order. */
export type SigmaToken = string | typeof STAR | typeof QMARK;
export type SigmaPattern = SigmaToken[];

/**
 * Parses a value as the spec's Escaping section says: `\` escapes `*`, `?` and `\` itself; a
 * backslash before any other character (or at the end) is a plain backslash. So `\\*` is a
 * backslash then a wildcard, `\\\*` a backslash then a star, and three or four backslashes both
 * mean two.
 */
export function parseSigmaString(raw: string): SigmaPattern {
  const out: SigmaPattern = [];
  let lit = '';
  let escaped = false;
  for (const c of raw) {
    if (escaped) {
      lit += c === '*' || c === '?' || c === '\\' ? c : `\\${c}`;
      escaped = false;
    } else if (c === '\\') {
      escaped = true;
    } else if (c === '*' || c === '?') {
      if (lit) out.push(lit);
      lit = '';
      out.push(c === '*' ? STAR : QMARK);
    } else {
      lit += c;
    }
  }
  if (escaped) lit += '\\';
  if (lit) out.push(lit);
  return out;
}

/** A pattern that is all literal text (no wildcards). */
export function literalPattern(text: string): SigmaPattern {
  return text ? [text] : [];
}

export function hasWildcards(p: SigmaPattern): boolean {
  return p.some((t) => typeof t !== 'string');
}

export function patternText(p: SigmaPattern): string {
  return p.map((t) => (t === STAR ? '*' : t === QMARK ? '?' : t)).join('');
}

/** `contains` / `startswith` / `endswith`: wrap the value in `*` as the spec says. */
export function wrapWildcards(p: SigmaPattern, before: boolean, after: boolean): SigmaPattern {
  const out = [...p];
  if (before && out[0] !== STAR) out.unshift(STAR);
  if (after && out[out.length - 1] !== STAR) out.push(STAR);
  return out;
}

/** Applies a text transformation to each literal run, keeping wildcards where they are. */
export function mapLiterals(p: SigmaPattern, f: (s: string) => string): SigmaPattern {
  return p.map((t) => (typeof t === 'string' ? f(t) : t));
}

/** The longest literal run: what the rule index can look for inside a field value. */
export function longestLiteral(p: SigmaPattern): string {
  let best = '';
  for (const t of p) if (typeof t === 'string' && t.length > best.length) best = t;
  return best;
}
