// Typing-error fuzzers over one label, each as dnstwist defines it (same positions, same
// characters), emitting candidate labels; duplicates are left to the caller's first-wins set.
// Pure string work: no I/O, no validation (punycode.ts decides what may be output).
import type { KeyboardLayout } from './keyboard-layouts.ts';
import { neighbourTables } from './keyboard-layouts.ts';

export type Emit = (label: string) => void;

const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';
const BIT_CHARS = new Set(`${ALNUM}-`);
const VOWELS = 'aeiou';

/** One character appended, and (for hyphenated names) one before each hyphen. */
export function addition(d: string, emit: Emit): void {
  if (d.includes('-')) {
    const parts = d.split('-');
    for (let p = 1; p < parts.length; p++) {
      const head = parts.slice(0, p).join('-');
      const tail = parts.slice(p).join('-');
      for (const c of ALNUM) emit(`${head}${c}-${tail}`);
    }
  }
  for (const c of ALNUM) emit(d + c);
}

/** One bit flipped in one character, kept when the result is a hostname character. */
export function bitsquatting(d: string, emit: Emit): void {
  for (let i = 0; i < d.length; i++) {
    const code = d.charCodeAt(i);
    for (let mask = 1; mask <= 128; mask <<= 1) {
      const b = String.fromCharCode(code ^ mask);
      if (BIT_CHARS.has(b)) emit(d.slice(0, i) + b + d.slice(i + 1));
    }
  }
}

export function hyphenation(d: string, emit: Emit): void {
  for (let i = 1; i < d.length; i++) emit(`${d.slice(0, i)}-${d.slice(i)}`);
}

/** A neighbouring key typed before or after a character (not after the last one). */
export function insertion(d: string, emit: Emit, layouts: readonly KeyboardLayout[]): void {
  const tables = neighbourTables(layouts);
  for (let i = 0; i < d.length - 1; i++) {
    const pre = d.slice(0, i);
    const c = d.charAt(i);
    const suf = d.slice(i + 1);
    for (const t of tables) {
      for (const k of t[c] ?? '') {
        emit(pre + k + c + suf);
        emit(pre + c + k + suf);
      }
    }
  }
}

export function omission(d: string, emit: Emit): void {
  for (let i = 0; i < d.length; i++) emit(d.slice(0, i) + d.slice(i + 1));
}

export function repetition(d: string, emit: Emit): void {
  for (let i = 0; i < d.length; i++) emit(d.slice(0, i) + d.charAt(i) + d.slice(i));
}

/** A character replaced by a neighbouring key. */
export function replacement(d: string, emit: Emit, layouts: readonly KeyboardLayout[]): void {
  const tables = neighbourTables(layouts);
  for (let i = 0; i < d.length; i++) {
    const pre = d.slice(0, i);
    const suf = d.slice(i + 1);
    for (const t of tables) for (const k of t[d.charAt(i)] ?? '') emit(pre + k + suf);
  }
}

/** A dot inside the name, never next to a hyphen or dot. */
export function subdomain(d: string, emit: Emit): void {
  for (let i = 1; i < d.length - 1; i++) {
    if ('-.'.includes(d.charAt(i)) || '-.'.includes(d.charAt(i - 1))) continue;
    emit(`${d.slice(0, i)}.${d.slice(i)}`);
  }
}

export function transposition(d: string, emit: Emit): void {
  for (let i = 0; i < d.length - 1; i++) {
    emit(d.slice(0, i) + d.charAt(i + 1) + d.charAt(i) + d.slice(i + 2));
  }
}

export function vowelSwap(d: string, emit: Emit): void {
  for (let i = 0; i < d.length; i++) {
    if (!VOWELS.includes(d.charAt(i))) continue;
    for (const v of VOWELS) emit(d.slice(0, i) + v + d.slice(i + 1));
  }
}

/** An `s` (or `es` after s, x, z) after a character from the third to the third-last. */
export function plural(d: string, emit: Emit): void {
  for (let i = 2; i < d.length - 2; i++) {
    const c = d.charAt(i);
    emit(d.slice(0, i + 1) + ('sxz'.includes(c) ? 'es' : 's') + d.slice(i + 1));
  }
}
