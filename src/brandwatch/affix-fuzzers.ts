// Fuzzers that add to a name rather than mistype it: dictionary words joined to the name (or
// replacing one hyphenated part), another suffix (tld-swap), and dnstwist's `various` forms
// (suffix folded into the name, subdomain folded in). Pure.
import type { Emit } from './typo-fuzzers.ts';

export function dictionary(d: string, words: Iterable<string>, emit: Emit): void {
  const parts = d.includes('-') ? d.split('-') : undefined;
  for (const w of words) {
    if (!(d.startsWith(w) && d.endsWith(w))) {
      emit(`${d}-${w}`);
      emit(d + w);
      emit(`${w}-${d}`);
      emit(w + d);
    }
    if (parts) {
      emit(`${parts.slice(0, -1).join('-')}-${w}`);
      emit(`${w}-${parts.slice(1).join('-')}`);
    }
  }
}

function joinNonEmpty(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('.');
}

/** The same name under other suffixes (the own suffix left out). */
export function tldSwap(s: string, d: string, t: string, tlds: Iterable<string>, emit: Emit): void {
  for (const tld of tlds) if (tld !== t) emit(joinNonEmpty(s, d, tld));
}

/** Whole names: the suffix folded into the label, `.com` variants, the subdomain folded in. */
export function various(s: string, d: string, t: string, emit: Emit): void {
  if (t.includes('.')) {
    emit(joinNonEmpty(s, d, t.slice(t.lastIndexOf('.') + 1)));
    emit(joinNonEmpty(s, d + t));
  } else {
    emit(joinNonEmpty(s, d + t, t));
    if (t !== 'com') {
      emit(joinNonEmpty(s, `${d}-${t}`, 'com'));
      emit(joinNonEmpty(s, d + t, 'com'));
    }
  }
  if (s) {
    emit(`${s}${d}.${t}`);
    emit(`${s.replaceAll('.', '')}${d}.${t}`);
    emit(`${s}-${d}.${t}`);
    emit(`${s.replaceAll('.', '-')}-${d}.${t}`);
  }
}
