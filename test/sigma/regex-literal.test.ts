// The literal a regular expression requires must be in every text the expression matches: the
// matcher rejects texts without it before running the regex, and the rule index files `re`
// rules under it, so a wrong literal hides real matches.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { minRegexLength, requiredRegexLiteral } from '../../src/sigma/regex-literal.ts';

describe('required regex literal', () => {
  it('keeps literal runs outside groups, classes and quantified atoms', () => {
    assert.equal(requiredRegexLiteral('\\w+`(\\w+|-|.)`[\\w+|\\s]', false), '`');
    assert.equal(requiredRegexLiteral('"(\\{\\d\\})+"\\s*-f', false), '-f');
    assert.equal(requiredRegexLiteral('(?i)\\$\\{`?e`?n`?v`?\\}', false), '${');
    assert.equal(requiredRegexLiteral('(abc|def)ghij', false), 'ghij');
    assert.equal(requiredRegexLiteral('ab{2,3}cd', false), 'cd');
    assert.equal(requiredRegexLiteral('AbC+x', true), 'ab');
  });

  it('never takes the digits of a repetition or the argument of an escape for text', () => {
    // '[^/]{100,}$' once gave "100,": SigmaHQ's long-filename rule then missed every match
    assert.equal(requiredRegexLiteral('[^/]{100,}$', false), null);
    assert.equal(requiredRegexLiteral('a{100}', false), null);
    assert.equal(requiredRegexLiteral('\\x41BC', false), 'BC');
    assert.equal(requiredRegexLiteral('\\x{263a}yz', false), 'yz');
    assert.equal(requiredRegexLiteral('\\p{Greek}xyz', false), 'xyz');
    assert.equal(requiredRegexLiteral('\\pLxyz', false), 'xyz');
    assert.equal(requiredRegexLiteral('\\012abc', false), 'abc');
    assert.equal(requiredRegexLiteral('\\QA.B\\E', false), null);
  });

  it('gives nothing for a top-level alternation', () => {
    assert.equal(requiredRegexLiteral('abc|def', false), null);
    assert.equal(minRegexLength('abc|def'), 0);
  });

  it('reads a class to its real end (a leading ] is text)', () => {
    assert.equal(requiredRegexLiteral('[]a]bc', false), 'bc');
    assert.equal(requiredRegexLiteral('[^]a]bc', false), 'bc');
    assert.equal(requiredRegexLiteral('([)]abc)x', false), 'x');
    assert.equal(minRegexLength('[]a]x'), 2);
  });

  it('bounds the length of a match from below', () => {
    assert.equal(minRegexLength('.{1000,}'), 1000);
    assert.equal(minRegexLength('[^/]{100,}$'), 100);
    assert.equal(minRegexLength('\\s[a-fA-F0-9]{64}\\s[a-fA-F0-9]{16}'), 82);
    assert.equal(minRegexLength('ab*c'), 2);
    assert.equal(minRegexLength('(abc)+d'), 1);
    assert.equal(minRegexLength('\\bxy\\b'), 2);
    assert.equal(minRegexLength('a{,3}'), 5); // not a repetition: the braces are text
    assert.equal(minRegexLength('a+?'), 0);
  });

  it('every text a random expression matches contains its literal', () => {
    const atom = fc.constantFrom(
      'a',
      'b',
      'ab',
      '\\.',
      '\\{',
      '.',
      '\\d',
      '[ab]',
      '[^/]',
      '(a|b)',
      '(?:ab)',
      '\\x61',
      '\\p{L}',
      '{',
      '1',
      '[]a]',
      '\\b',
      '$',
      '(a{2})?',
    );
    const quant = fc.constantFrom('', '', '', '*', '+', '?', '{2}', '{0,2}', '{1,}');
    const pattern = fc
      .array(fc.tuple(atom, quant), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.map(([a, q]) => a + q).join(''));
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', '.', '{', '1', '/', 'A'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 20, maxLength: 20 }), (p, texts) => {
        let re: RE2JS;
        try {
          re = RE2JS.compile(p);
        } catch {
          return true; // not a valid expression: nothing to check
        }
        const lit = requiredRegexLiteral(p, false);
        const min = minRegexLength(p);
        for (const t of texts) {
          if (!re.test(t)) continue;
          if (lit !== null) assert.ok(t.includes(lit), `/${p}/ matched ${t} without ${lit}`);
          assert.ok(t.length >= min, `/${p}/ matched ${t}, shorter than ${min}`);
        }
        return true;
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
