// The literal a regular expression requires must be in every text the expression matches: the
// matcher rejects texts without it before running the regex, and the rule index files `re`
// rules under it, so a wrong literal hides real matches.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { requiredRegexLiteral } from '../../src/sigma/regex-literal.ts';

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
        if (lit === null) return true;
        for (const t of texts) if (re.test(t)) assert.ok(t.includes(lit), `/${p}/ matched ${t}`);
        return true;
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
