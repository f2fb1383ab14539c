// The generator against dnstwist's own output (fixtures), public suffixes, registry IDN policy,
// the UTS #39 additions, keyboard choice, and punycode validity of everything it outputs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { domainToASCII, domainToUnicode } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { LATIN_CONFUSABLES } from '../../src/brandwatch/data/confusable-tables.ts';
import { UNICODE_GLYPHS } from '../../src/brandwatch/dnstwist-glyphs.ts';
import { splitDomain } from '../../src/brandwatch/domain-parts.ts';
import { generateLookalikes, type LookalikeOptions } from '../../src/brandwatch/generate-lookalikes.ts';
import type { KeyboardLayout } from '../../src/brandwatch/keyboard-layouts.ts';
import { punycodeEncode } from '../../src/brandwatch/punycode.ts';

const FIX = new URL('./fixtures/', import.meta.url);

function fixture(name: string): Map<string, string> {
  const text = gunzipSync(readFileSync(new URL(name, FIX))).toString('utf8').trim();
  return new Map(text.split('\n').map((l) => l.split('\t')).map(([f, d]) => [d ?? '', f ?? '']));
}

function lines(file: string): string[] {
  return readFileSync(new URL(file, FIX), 'utf8').trim().split('\n');
}

const CASES: Array<{ domain: string; file: string; count?: number; options?: LookalikeOptions }> = [
  { domain: 'nissan.co.jp', file: 'dnstwist-nissan.co.jp.tsv.gz', count: 190 },
  { domain: 'nissan-global.com', file: 'dnstwist-nissan-global.com.tsv.gz', count: 9926 },
  {
    domain: 'portal.toyota.co.jp',
    file: 'dnstwist-portal.toyota.co.jp-dict-tld.tsv.gz',
    options: { dictionary: lines('words.txt'), tlds: lines('tlds.txt') },
  },
  { domain: 'bäcker-mail.de', file: 'dnstwist-bäcker-mail.de.tsv.gz' },
];

describe('dnstwist equivalence', () => {
  for (const c of CASES) {
    test(`without extras, ${c.domain} gives exactly dnstwist's set, fuzzer for fuzzer`, () => {
      const ref = fixture(c.file);
      const mine = generateLookalikes(c.domain, { ...c.options, extras: false });
      if (c.count !== undefined) assert.equal(mine.length - 1, c.count);
      assert.equal(mine.length, ref.size);
      for (const l of mine) assert.equal(ref.get(l.domain), l.fuzzer, l.domain);
    });

    test(`with Warden's extras, ${c.domain} still contains all of dnstwist's, same credit`, () => {
      const ref = fixture(c.file);
      const mine = new Map(generateLookalikes(c.domain, c.options).map((l) => [l.domain, l.fuzzer]));
      assert.ok(mine.size > ref.size);
      for (const [domain, fuzzer] of ref) assert.equal(mine.get(domain), fuzzer, domain);
    });
  }
});

describe('generator', () => {
  test('the original comes first, credited *original', () => {
    const [first] = generateLookalikes('www.nissan.co.jp');
    assert.deepEqual(first, { fuzzer: '*original', domain: 'www.nissan.co.jp' });
  });

  test('co.jp and com.au are one public suffix', () => {
    assert.deepEqual(
      { ...splitDomain('www.nissan.co.jp'), ascii: undefined },
      { subdomain: 'www', name: 'nissan', suffix: 'co.jp', ascii: undefined },
    );
    assert.equal(splitDomain('https://shop.example.com.au/x').suffix, 'com.au');
    const typos = generateLookalikes('nissan.co.jp').filter((l) => !['tld-swap', 'various'].includes(l.fuzzer));
    for (const l of typos) assert.ok(l.domain.endsWith('.co.jp'), l.domain);
    assert.ok(typos.some((l) => l.domain === 'nisan.co.jp' && l.fuzzer === 'omission'));
  });

  test('a registry without IDN (co.jp) gets ASCII look-alikes only; .com gets Unicode ones', () => {
    const jp = generateLookalikes('nissan.co.jp').filter((l) => l.fuzzer === 'homoglyph');
    assert.ok(jp.length > 0 && jp.every((l) => !l.domain.includes('xn--')));
    const com = generateLookalikes('nissan.com').filter((l) => l.fuzzer === 'homoglyph');
    assert.ok(com.some((l) => l.domain.includes('xn--')));
  });

  test('.com homoglyphs go up to two substitutions and over rn/m and cl/d windows', () => {
    const names = (d: string) => new Map(generateLookalikes(d).map((l) => [domainToUnicode(l.domain), l.fuzzer]));
    const modern = names('modern.com');
    assert.equal(modern.get('rnodern.com'), 'homoglyph'); // m → rn
    assert.equal(modern.get('modem.com'), 'homoglyph'); // rn → m
    assert.equal(names('cloud.com').get('doud.com'), 'homoglyph'); // cl → d
    const two = names('nissan.com');
    assert.equal(two.get('nıssän.com'), 'homoglyph'); // two substitutions
    assert.equal(two.get('nıṡṡän.com'), undefined); // three (ss counts as one window step, ä a second, ı a third)
  });

  test('UTS #39 confusables add glyphs beyond the hand table', () => {
    const extra = (LATIN_CONFUSABLES.o ?? []).find((g) => !(UNICODE_GLYPHS.o ?? []).includes(g));
    assert.ok(extra, 'the confusables data has an o look-alike dnstwist lacks');
    const unicode = generateLookalikes('google.com').map((l) => domainToUnicode(l.domain));
    assert.ok(unicode.includes(`g${extra}ogle.com`));
    const plain = generateLookalikes('google.com', { extras: false }).map((l) => domainToUnicode(l.domain));
    assert.ok(!plain.includes(`g${extra}ogle.com`));
  });

  test('every output is a valid ASCII host name that survives a punycode round trip', () => {
    for (const d of ['nissan-global.com', 'bäcker-mail.de', 'toyota.co.jp']) {
      for (const l of generateLookalikes(d)) {
        assert.match(l.domain, /^[a-z0-9.-]+$/);
        const unicode = domainToUnicode(l.domain);
        assert.ok(unicode, l.domain);
        assert.equal(domainToASCII(unicode), l.domain);
      }
    }
  });

  test('punycodeEncode agrees with the URL standard on arbitrary labels', () => {
    const letter = fc.constantFrom(...'abcxyz09-éäøıñßдżσ日本語ṁ𝒶𠀀'.split(/(?:)/u));
    fc.assert(
      fc.property(fc.array(letter, { minLength: 1, maxLength: 12 }), (chars) => {
        const label = `a${chars.join('')}z`;
        if (label.normalize('NFC') !== label || /[^\0-\x7f]/.test(label) === false) return;
        const viaUrl = domainToASCII(`${label}.com`);
        // skip labels UTS 46 maps (𝒶 → a) or refuses: compare only where it keeps the label
        if (!viaUrl.startsWith('xn--') || domainToUnicode(viaUrl) !== `${label}.com`) return;
        assert.equal(`xn--${punycodeEncode(label)}.com`, viaUrl);
      }),
    );
  });

  test('keyboard layouts restrict the typo fuzzers', () => {
    const only = (keyboards: KeyboardLayout[]) => {
      const all = generateLookalikes('ya.com', { keyboards, extras: false });
      return new Set(all.filter((l) => l.fuzzer === 'replacement').map((l) => l.domain));
    };
    // qwertz has y where qwerty has z: y's neighbours differ (t on qwerty, s on qwertz)
    assert.ok(only(['qwerty']).has('ta.com'));
    assert.ok(!only(['qwertz']).has('ta.com'));
    assert.ok(only(['qwertz']).has('sa.com'));
    assert.ok(!only(['qwerty']).has('sa.com'));
  });

  test('a built-in phishing word and a built-in suffix are paired with the name', () => {
    const m = new Map(generateLookalikes('nissan.co.jp').map((l) => [l.domain, l.fuzzer]));
    assert.equal(m.get('nissan-kokyaku.co.jp'), 'dictionary');
    assert.equal(m.get('shien-nissan.co.jp'), 'dictionary');
    assert.equal(m.get('nissan.com'), 'tld-swap');
    assert.equal(m.get('nissan.jp'), 'various'); // dnstwist's credit kept over the built-in list
  });

  test('bad input is refused with the input named', () => {
    assert.throws(() => generateLookalikes('not a domain'), /not a domain/);
    assert.throws(() => generateLookalikes('co.jp'), /co\.jp/);
  });
});
