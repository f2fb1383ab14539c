// The spec's encoding modifiers (base64, base64offset, utf16le/wide, utf16be, utf16) and the
// windash character class. Values travel as "byte strings" (one char per byte, latin1) once an
// encoding has been applied, which is what a base64 step then encodes.

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'utf16';

/** Text -> bytes in the chosen encoding, as a latin1 string (one char per byte). */
export function encodeText(text: string, encoding: Encoding): string {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8').toString('latin1');
  const le = Buffer.from(text, 'utf16le');
  if (encoding === 'utf16le') return le.toString('latin1');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  if (encoding === 'utf16be') return be.toString('latin1');
  return `\xff\xfe${le.toString('latin1')}`; // utf16: byte order mark, then little-endian
}

export function base64OfBytes(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('base64');
}

/**
 * The three forms a value takes inside a longer base64 string, one per byte offset: encode it
 * after 0, 1 or 2 filler bytes, then drop the characters that depend on the unknown neighbours.
 */
export function base64OffsetVariants(bytes: string): string[] {
  const starts = [0, 2, 3];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const encoded = base64OfBytes(' '.repeat(i) + bytes);
    const endCut = [0, 3, 2][(bytes.length + i) % 3] ?? 0;
    const s = encoded.slice(starts[i], endCut ? encoded.length - endCut : encoded.length);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/** `-`, `/`, en dash, em dash, horizontal bar: the characters windash treats as one. */
export const WINDASH_CHARS = '-/\u2013\u2014\u2015';
const WINDASH_RE = /[-/\u2013\u2014\u2015]/g;

/**
 * Folds every windash character to `-`. Matching the folded value against the folded rule value
 * is exactly "all permutations of the dash characters" without generating them.
 */
export function foldWindash(s: string): string {
  return s.replace(WINDASH_RE, '-');
}
