// The lookalike generator: every dnstwist fuzzer over a domain, in dnstwist's order and with
// its first-producer-wins credit, then Warden's additions (UTS #39 glyphs, built-in words and
// suffixes) for names not yet produced. Output in ASCII (punycode), validated. Pure.
import { dictionary, tldSwap, various } from './affix-fuzzers.ts';
import { COMMON_TLDS, PHISHING_WORDS } from './builtin-lists.ts';
import { type DomainParts, splitDomain } from './domain-parts.ts';
import { cyrillic, homoglyph } from './glyph-fuzzers.ts';
import { glyphMapFor, isKnownValidCodePoint } from './glyph-repertoire.ts';
import { KEYBOARD_LAYOUTS, type KeyboardLayout } from './keyboard-layouts.ts';
import { toALabels, toAsciiHostname, type ValidChar } from './punycode.ts';
import * as typo from './typo-fuzzers.ts';

export const FUZZERS = [
  'addition', 'bitsquatting', 'cyrillic', 'homoglyph', 'hyphenation', 'insertion', 'omission',
  'plural', 'repetition', 'replacement', 'subdomain', 'transposition', 'vowel-swap',
  'dictionary', 'tld-swap', 'various',
] as const;
export type FuzzerName = (typeof FUZZERS)[number];
export type LookalikeFuzzer = FuzzerName | '*original';

export interface Lookalike {
  fuzzer: LookalikeFuzzer;
  /** ASCII (punycode) form. */
  domain: string;
}

export interface LookalikeOptions {
  /** Words joined to the name (dnstwist `--dictionary`). */
  dictionary?: readonly string[];
  /** Suffixes to swap in (dnstwist `--tld`). */
  tlds?: readonly string[];
  keyboards?: readonly KeyboardLayout[];
  /** Warden's additions beyond dnstwist (default true): UTS #39 glyphs, built-in lists. */
  extras?: boolean;
}

/**
 * Candidates credited first-wins. Label fuzzers (most of the volume) are keyed by the label
 * between subdomain and suffix, so the bulk never builds whole names; whole-name fuzzers
 * (tld-swap, various) are keyed by name and first checked against the label keys.
 */
class Candidates {
  readonly labels = new Map<string, LookalikeFuzzer>();
  readonly names = new Map<string, LookalikeFuzzer>();
  private readonly head: string;
  private readonly tail: string;

  constructor(readonly parts: DomainParts) {
    this.head = parts.subdomain ? `${parts.subdomain}.` : '';
    this.tail = `.${parts.suffix}`;
  }

  label(f: LookalikeFuzzer): (l: string) => void {
    const labels = this.labels;
    return (l) => {
      if (!labels.has(l)) labels.set(l, f);
    };
  }

  name(f: LookalikeFuzzer): (n: string) => void {
    return (n) => {
      const { head, tail } = this;
      const shaped = n.startsWith(head) && n.endsWith(tail) && n.length > head.length + tail.length;
      if (shaped && this.labels.has(n.slice(head.length, n.length - tail.length))) return;
      if (!this.names.has(n)) this.names.set(n, f);
    };
  }

  toAscii(valid: ValidChar): Lookalike[] {
    const out: Lookalike[] = [];
    // Subdomain and suffix (ASCII already) are the same for every label: check them once.
    const { head, tail } = this;
    if (toAsciiHostname(`${head}x${tail}`, valid) === null) return out;
    for (const [l, fuzzer] of this.labels) {
      const a = toALabels(l, valid);
      if (a === null) continue;
      const domain = head + a + tail;
      if (domain.length >= 4 && domain.length <= 253) out.push({ fuzzer, domain });
    }
    for (const [n, fuzzer] of this.names) {
      const domain = toAsciiHostname(n, valid);
      if (domain !== null) out.push({ fuzzer, domain });
    }
    return out;
  }
}

/** All lookalikes of one domain, the original first, then fuzzer by fuzzer. */
export function generateLookalikes(input: string, options: LookalikeOptions = {}): Lookalike[] {
  const parts = splitDomain(input);
  const { subdomain: s, name: d, suffix: t } = parts;
  const extras = options.extras ?? true;
  const layouts = options.keyboards ?? KEYBOARD_LAYOUTS;
  const c = new Candidates(parts);
  c.label('*original')(d);
  typo.addition(d, c.label('addition'));
  typo.bitsquatting(d, c.label('bitsquatting'));
  cyrillic(d, c.label('cyrillic'));
  homoglyph(d, c.label('homoglyph'), glyphMapFor(t, extras));
  typo.hyphenation(d, c.label('hyphenation'));
  typo.insertion(d, c.label('insertion'), layouts);
  typo.omission(d, c.label('omission'));
  typo.plural(d, c.label('plural'));
  typo.repetition(d, c.label('repetition'));
  typo.replacement(d, c.label('replacement'), layouts);
  typo.subdomain(d, c.label('subdomain'));
  typo.transposition(d, c.label('transposition'));
  typo.vowelSwap(d, c.label('vowel-swap'));
  dictionary(d, options.dictionary ?? [], c.label('dictionary'));
  tldSwap(s, d, t, options.tlds ?? [], c.name('tld-swap'));
  various(s, d, t, c.name('various'));
  if (extras) {
    dictionary(d, PHISHING_WORDS, c.label('dictionary'));
    tldSwap(s, d, t, COMMON_TLDS, c.name('tld-swap'));
  }
  const own = new Set(Array.from(d, (ch) => ch.codePointAt(0) ?? 0));
  return c.toAscii((cp) => own.has(cp) || isKnownValidCodePoint(cp));
}
