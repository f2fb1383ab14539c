// Each fuzzer on small known inputs, the expected sets written from the algorithm's definition.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { dictionary, tldSwap, various } from '../../src/brandwatch/affix-fuzzers.ts';
import { cyrillic, homoglyph } from '../../src/brandwatch/glyph-fuzzers.ts';
import * as typo from '../../src/brandwatch/typo-fuzzers.ts';

type Fuzz = (d: string, emit: (l: string) => void) => void;

function run(f: Fuzz, d: string): Set<string> {
  const out = new Set<string>();
  f(d, (l) => out.add(l));
  return out;
}

const sorted = (s: Iterable<string>) => [...s].sort();

describe('typo fuzzers', () => {
  test('addition appends one letter or digit, and one before each hyphen', () => {
    const out = run(typo.addition, 'ab-cd');
    assert.equal(out.size, 72);
    for (const x of ['ab-cd0', 'ab-cdz', 'ab0-cd', 'abz-cd']) assert.ok(out.has(x), x);
    assert.equal(run(typo.addition, 'ab').size, 36);
  });

  test('bitsquatting flips one bit and keeps hostname characters only', () => {
    // 'a' = 0x61: ^2 c, ^4 e, ^8 i, ^16 q; ^1 '`', ^32 'A', ^64 '!', ^128 are not hostname chars
    assert.deepEqual(sorted(run(typo.bitsquatting, 'a')), ['c', 'e', 'i', 'q']);
    // 'm' = 0x6d ^ 0x40 = '-' is a hostname character
    assert.ok(run(typo.bitsquatting, 'm').has('-'));
  });

  test('hyphenation puts a hyphen between every two characters', () => {
    assert.deepEqual(sorted(run(typo.hyphenation, 'abc')), ['a-bc', 'ab-c']);
  });

  test('insertion types a neighbouring key before or after each character but the last', () => {
    const out = run((d, e) => typo.insertion(d, e, ['qwerty']), 'ab');
    // qwerty neighbours of 'a' are q, w, s, z; 'b' (last) gets none
    assert.deepEqual(sorted(out), sorted(['qab', 'aqb', 'wab', 'awb', 'sab', 'asb', 'zab', 'azb']));
  });

  test('omission drops one character', () => {
    assert.deepEqual(sorted(run(typo.omission, 'abc')), ['ab', 'ac', 'bc']);
  });

  test('repetition doubles one character', () => {
    assert.deepEqual(sorted(run(typo.repetition, 'ab')), ['aab', 'abb']);
  });

  test('replacement swaps a character for a neighbouring key of the chosen layouts', () => {
    assert.deepEqual(sorted(run((d, e) => typo.replacement(d, e, ['qwerty']), 'a')), ['q', 's', 'w', 'z']);
    // azerty: a's neighbours are 2, z, q, 1
    assert.deepEqual(sorted(run((d, e) => typo.replacement(d, e, ['azerty']), 'a')), ['1', '2', 'q', 'z']);
  });

  test('subdomain inserts a dot inside the name, never beside a hyphen', () => {
    assert.deepEqual(sorted(run(typo.subdomain, 'abcd')), ['a.bcd', 'ab.cd']);
    // never before the last character, nor beside the hyphen
    assert.deepEqual(sorted(run(typo.subdomain, 'ab-cd')), ['a.b-cd']);
  });

  test('transposition swaps two neighbours', () => {
    assert.deepEqual(sorted(run(typo.transposition, 'abc')), ['acb', 'bac']);
  });

  test('vowel-swap puts every vowel in place of each vowel', () => {
    assert.deepEqual(sorted(run(typo.vowelSwap, 'ab')), ['ab', 'eb', 'ib', 'ob', 'ub']);
  });

  test('plural adds s (es after s, x, z) after the third to third-last character', () => {
    assert.deepEqual(sorted(run(typo.plural, 'abcdef')), ['abcdsef', 'abcsdef']);
    assert.ok(run(typo.plural, 'foxbox').has('foxesbox'));
  });
});

describe('glyph fuzzers', () => {
  test('cyrillic rewrites a label whose every letter has a Cyrillic twin, else nothing', () => {
    assert.deepEqual([...run(cyrillic, 'toyota')], ['тоуота']);
    assert.equal(run(cyrillic, 'nissan').size, 0); // n has no twin
    assert.equal(run(cyrillic, 'to-yo').size, 0); // the hyphen stays itself
  });

  test('homoglyph substitutes up to two glyphs, doubled letters and two-letter windows', () => {
    const glyphs = new Map<string, readonly string[]>([
      ['o', ['0']],
      ['rn', ['m']],
      ['m', ['rn']],
    ]);
    const out = run((d, e) => homoglyph(d, e, glyphs), 'oo');
    assert.deepEqual(sorted(out), ['00', '0o', 'o0']);
    const win = run((d, e) => homoglyph(d, e, glyphs), 'rno');
    // one step: m·o, rn·0; two steps: m·0, and rn→m→rn gives back the original
    assert.deepEqual(sorted(win), ['m0', 'mo', 'rn0', 'rno']);
  });
});

/** dnstwist's homoglyph step as written: windows of two, each distinct key replaced in it. */
function referenceHomoglyph(d: string, glyphs: Map<string, readonly string[]>): Set<string> {
  const mixOnce = (s: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i < s.length; i++) for (const g of glyphs.get(s.charAt(i)) ?? []) out.push(s.slice(0, i) + g + s.slice(i + 1));
    for (let i = 0; i < s.length - 1; i++) {
      const win = s.slice(i, i + 2);
      for (const c of new Set([win.charAt(0), win.charAt(1), win])) {
        for (const g of glyphs.get(c) ?? []) out.push(s.slice(0, i) + win.replaceAll(c, g) + s.slice(i + 2));
      }
    }
    return out;
  };
  const first = new Set(mixOnce(d));
  const all = new Set(first);
  for (const r of first) for (const x of mixOnce(r)) all.add(x);
  return all;
}

describe('homoglyph against the reference definition', () => {
  test('the two-step set equals dnstwist-as-written on random names and tables', () => {
    const key = fc.constantFrom('a', 'b', 'l', 'm', 'r', 'n', 'rn', 'aa', 'ab');
    const glyph = fc.constantFrom('à', 'ḃ', 'ł', '1', 'l', 'm', 'rn', 'nn', 'ṁ', 'ꜳ', 'a');
    const table = fc.dictionary(key, fc.uniqueArray(glyph, { maxLength: 3 }), { maxKeys: 6 });
    const name = fc.stringMatching(/^[ablmrn-]{1,8}$/);
    fc.assert(
      fc.property(name, table, (d, t) => {
        const glyphs = new Map(Object.entries(t));
        assert.deepEqual(sorted(run((x, e) => homoglyph(x, e, glyphs), d)), sorted(referenceHomoglyph(d, glyphs)));
      }),
      { numRuns: 400 },
    );
  });
});

describe('affix fuzzers', () => {
  test('dictionary joins each word before or after, and replaces an end part of a hyphenated name', () => {
    const out = run((d, e) => dictionary(d, ['x'], e), 'ab-cd');
    assert.deepEqual(sorted(out), sorted(['ab-cd-x', 'ab-cdx', 'x-ab-cd', 'xab-cd', 'ab-x', 'x-cd']));
    // a word that both starts and ends the name is not joined again
    assert.equal(run((d, e) => dictionary(d, ['aba'], e), 'aba').size, 0);
  });

  test('tld-swap offers the other suffixes, never the own one', () => {
    const out = run((d, e) => tldSwap('', d, 'co.jp', ['com', 'co.jp', 'jp'], e), 'nissan');
    assert.deepEqual(sorted(out), ['nissan.com', 'nissan.jp']);
  });

  test('various folds the suffix and the subdomain into the name', () => {
    const multi = run((d, e) => various('', d, 'co.jp', e), 'nissan');
    assert.deepEqual(sorted(multi), ['nissan.jp', 'nissanco.jp']);
    const single = run((d, e) => various('', d, 'de', e), 'shop');
    assert.deepEqual(sorted(single), ['shop-de.com', 'shopde.com', 'shopde.de']);
    const sub = run((d, e) => various('a.b', d, 'com', e), 'x');
    assert.ok(sub.has('a.bx.com') && sub.has('abx.com') && sub.has('a.b-x.com') && sub.has('a-b-x.com'));
  });
});
