// Matching observed names against brands: exact look-alikes name their fuzzer (also under a
// subdomain or another suffix), near misses score `similar`, official names never match.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { buildBrandIndex, matchHost, normalizeHost } from '../../src/brandwatch/brand-matcher.ts';
import { generateLookalikes } from '../../src/brandwatch/generate-lookalikes.ts';
import {
  anchoredDistance,
  approximateSubstringDistance,
  prefixDistance,
  substringDistanceMatcher,
} from '../../src/brandwatch/similarity.ts';
import { skeleton } from '../../src/brandwatch/skeleton.ts';

const index = buildBrandIndex(['nissan.co.jp', 'nissan-global.com']);
const match = (h: string) => matchHost(index, normalizeHost(h));

describe('matcher', () => {
  test('an exact look-alike names its fuzzer and its brand', () => {
    assert.deepEqual(match('nisan.co.jp'), { domain: 'nisan.co.jp', brand: 'nissan.co.jp', match: 'omission' });
    assert.deepEqual(match('xn--nssan-global-14b.com'), {
      domain: 'xn--nssan-global-14b.com',
      brand: 'nissan-global.com',
      match: 'homoglyph',
    });
  });

  test('a name under a look-alike matches it, wildcards stripped', () => {
    assert.equal(match('login.secure.nisan.co.jp')?.match, 'omission');
    assert.equal(match('*.nissan-global.net')?.domain, 'nissan-global.net');
  });

  test('a look-alike label under another public suffix keeps its fuzzer', () => {
    assert.deepEqual(match('nissan-support.jp'), { domain: 'nissan-support.jp', brand: 'nissan.co.jp', match: 'dictionary' });
  });

  test('the official domains and their subdomains never match', () => {
    for (const h of ['nissan.co.jp', 'www.nissan.co.jp', 'NISSAN-GLOBAL.COM.', 'a.b.nissan-global.com']) {
      assert.equal(match(h), null, h);
    }
  });

  test('near misses mixed with words score as similar', () => {
    const a = match('nissan-kokyaku-shien.com');
    assert.equal(a?.match, 'similar');
    assert.equal(a?.score, 1);
    const b = match('nlssan-kokyaku.net');
    assert.equal(b?.match, 'similar');
    assert.ok((b?.score ?? 0) >= 0.8 && (b?.score ?? 1) < 1);
    assert.equal(match('nissan.co.jp.secure-login.com')?.match, 'similar');
  });

  test('unrelated names do not match', () => {
    for (const h of ['example.com', 'nasa.gov', 'sanitas.de', 'nice-shop.jp']) assert.equal(match(h), null, h);
  });

  test('a stricter threshold drops weaker near misses', () => {
    const strict = buildBrandIndex(['nissan.co.jp'], { threshold: 0.95 });
    assert.equal(matchHost(strict, 'nlssan-kokyaku.net'), null);
    assert.equal(matchHost(strict, 'nissan-hoge.net')?.match, 'similar');
  });

  test('every generated look-alike matches back to its brand and fuzzer', () => {
    // One brand: with two, a name both generate (nissan-global.co.jp) is credited to the first.
    const single = buildBrandIndex(['nissan-global.com']);
    for (const l of generateLookalikes('nissan-global.com').slice(1)) {
      const hit = matchHost(single, l.domain);
      assert.equal(hit?.brand, 'nissan-global.com', l.domain);
      assert.equal(hit?.match, l.fuzzer, l.domain);
    }
  });

  test('a name two brands both generate is credited to the brand listed first', () => {
    assert.equal(match('nissan-global.co.jp')?.brand, 'nissan.co.jp');
  });
});

describe('skeleton and distance', () => {
  test('the skeleton folds confusables, diacritics and separators', () => {
    assert.equal(skeleton('xn--nssan-global-14b'), 'nissanglobal');
    assert.equal(skeleton('g00gle'), 'google');
    assert.equal(skeleton('nïssän'), 'nissan');
    assert.equal(skeleton('m'), skeleton('rn'));
  });

  test('approximate substring distance is the best edit distance to any stretch', () => {
    assert.equal(approximateSubstringDistance('nissan', 'xxnissanyy', 2), 0);
    assert.equal(approximateSubstringDistance('nissan', 'nlssankokyaku', 2), 1);
    assert.equal(approximateSubstringDistance('nissan', 'abcdef', 2), 3); // capped at limit + 1
  });

  test('distance to any text never exceeds the distance to its own copy with one edit', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 3, maxLength: 10 }), fc.nat(9), fc.string({ maxLength: 5 }), (p, i, pad) => {
        const k = i % p.length;
        const edited = `${pad}${p.slice(0, k)}${p.slice(k + 1)}${pad}`;
        assert.ok(approximateSubstringDistance(p, edited, 5) <= 1);
      }),
    );
  });
});

describe('bit-parallel distance', () => {
  test("Myers' bit-parallel search gives the same distance as the table", () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    const text = fc.stringMatching(/^[a-z0-9ıé]{0,24}$/);
    fc.assert(
      fc.property(word, text, fc.nat(3), (p, t, limit) => {
        assert.equal(substringDistanceMatcher(p)(t, limit), approximateSubstringDistance(p, t, limit));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('anchored distance', () => {
  test('a near miss counts only where it starts or ends the token', () => {
    assert.equal(anchoredDistance('honda', 'hondaz'), 0);
    assert.equal(anchoredDistance('honda', 'zhonda'), 0);
    assert.equal(anchoredDistance('honda', 'xhopdax'), 2); // xhopda: drop x, p→n; more than one edit
    assert.equal(prefixDistance('nissan', 'nlssankokyaku'), 1);
  });
});
