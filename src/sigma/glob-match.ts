// Compiles a parsed Sigma pattern into a string predicate. Plain values compare by equality,
// `*`-only patterns by prefix/suffix/indexOf, and patterns with `?` by a two-pointer matcher
// whose cost is bounded by value length x pattern length (no backtracking blow-up).
import { QMARK, type SigmaPattern, STAR } from './sigma-string.ts';

export type StringTest = (value: string) => boolean;

/** `cased: false` means both sides are compared lower-cased (the value arrives lower-cased). */
export function compileGlob(pattern: SigmaPattern, cased: boolean): StringTest {
  const p = cased ? pattern : pattern.map((t) => (typeof t === 'string' ? t.toLowerCase() : t));
  if (p.length === 0) return (v) => v === '';
  if (p.includes(QMARK)) return questionGlob(p);
  const segments: string[] = [];
  let cur = '';
  for (const t of p) {
    if (t === STAR) {
      segments.push(cur);
      cur = '';
    } else cur += t as string;
  }
  segments.push(cur);
  if (segments.length === 1) {
    const exact = segments[0] ?? '';
    return (v) => v === exact;
  }
  const head = segments[0] ?? '';
  const tail = segments[segments.length - 1] ?? '';
  const middle = segments.slice(1, -1).filter((s) => s !== '');
  if (middle.length === 0) {
    if (head === '' && tail === '') return () => true;
    if (head === '') return (v) => v.endsWith(tail);
    if (tail === '') return (v) => v.startsWith(head);
    return (v) => v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
  }
  if (head === '' && tail === '' && middle.length === 1) {
    const needle = middle[0] ?? '';
    return (v) => v.includes(needle);
  }
  return (v) => {
    if (!v.startsWith(head)) return false;
    let at = head.length;
    for (const m of middle) {
      const i = v.indexOf(m, at);
      if (i < 0) return false;
      at = i + m.length;
    }
    return v.length - tail.length >= at && v.endsWith(tail);
  };
}

/** Classic wildcard matching with `?` (one character) and `*` (any run), iterative. */
function questionGlob(p: SigmaPattern): StringTest {
  const chars: Array<string | typeof STAR | typeof QMARK> = [];
  for (const t of p) {
    if (typeof t === 'string') for (const c of t) chars.push(c);
    else chars.push(t);
  }
  return (value) => {
    const v = Array.from(value);
    let vi = 0;
    let pi = 0;
    let starP = -1;
    let starV = 0;
    while (vi < v.length) {
      const pc = chars[pi];
      if (pi < chars.length && (pc === QMARK || pc === v[vi])) {
        vi++;
        pi++;
      } else if (pi < chars.length && pc === STAR) {
        starP = pi++;
        starV = vi;
      } else if (starP >= 0) {
        pi = starP + 1;
        vi = ++starV;
      } else return false;
    }
    while (pi < chars.length && chars[pi] === STAR) pi++;
    return pi === chars.length;
  };
}
