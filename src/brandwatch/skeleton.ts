// The confusable skeleton of a host name: each character replaced by its UTS #39 prototype
// (so `nıssan`, `nlssan`→ stays, `0`→`o`, `m`→`rn`), diacritics dropped, lower case, and label
// separators removed, so look-alikes compare equal or close. Pure.
import { domainToUnicode } from 'node:url';
import { SKELETON_PROTOTYPES } from './data/confusable-tables.ts';

const SEPARATORS = /[-.]/g;
const ASCII_HOST = /^[a-z0-9.-]*$/;
const ASCII_CONFUSABLE = /[01m]/;
const charCache = new Map<string, string>();

function charSkeleton(c: string): string {
  let s = charCache.get(c);
  if (s === undefined) {
    const proto = SKELETON_PROTOTYPES[c];
    s = proto ?? c.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (charCache.size < 10_000) charCache.set(c, s);
  }
  return s;
}

function asciiSkeleton(s: string): string {
  const bare = s.replace(SEPARATORS, '');
  if (!ASCII_CONFUSABLE.test(bare)) return bare;
  return bare.replaceAll('0', 'o').replaceAll('1', 'l').replaceAll('m', 'rn');
}

/** Skeleton of a host or label (ASCII or Unicode; `xn--` labels are decoded first). */
export function skeleton(host: string): string {
  const lower = host.toLowerCase();
  if (ASCII_HOST.test(lower) && !lower.includes('xn--')) return asciiSkeleton(lower);
  const unicode = lower.includes('xn--') ? domainToUnicode(lower) || lower : lower;
  let out = '';
  for (const c of unicode) out += c === '-' || c === '.' ? '' : charSkeleton(c);
  return out;
}
