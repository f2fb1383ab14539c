// Conformance: wildcards `*` and `?` and the spec's backslash escaping (rules specification,
// "Escaping"), with fast-check properties against a reference regular expression.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileGlob } from '../../src/sigma/glob-match.ts';
import { parseSigmaString, QMARK, type SigmaPattern, STAR } from '../../src/sigma/sigma-string.ts';
import { matcher } from './support/harness.ts';

const escapeSigma = (s: string) => s.replace(/[\\*?]/g, (c) => `\\${c}`);

function referenceRegex(p: SigmaPattern): RegExp {
  const body = p
    .map((t) => (t === STAR ? '.*' : t === QMARK ? '.' : t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'su');
}

describe('escaping, as the spec summarises it', () => {
  it('a plain backslash not followed by a wildcard is written \\ or \\\\', () => {
    assert.deepEqual(parseSigmaString('C:\\Windows'), ['C:\\Windows']);
    assert.deepEqual(parseSigmaString('C:\\\\Windows'), ['C:\\Windows']);
  });
  it('\\* and \\? are plain characters', () => {
    assert.deepEqual(parseSigmaString('a\\*b\\?'), ['a*b?']);
  });
  it('\\\\* is a backslash followed by a wildcard', () => {
    assert.deepEqual(parseSigmaString('a\\\\*'), ['a\\', STAR]);
  });
  it('\\\\\\* is a backslash followed by a plain star', () => {
    assert.deepEqual(parseSigmaString('a\\\\\\*'), ['a\\*']);
  });
  it('three or four backslashes both mean two', () => {
    assert.deepEqual(parseSigmaString('a\\\\\\b'), ['a\\\\b']);
    assert.deepEqual(parseSigmaString('a\\\\\\\\b'), ['a\\\\b']);
  });
  it('a trailing backslash stays a backslash', () => {
    assert.deepEqual(parseSigmaString('C:\\'), ['C:\\']);
  });
  it('in a rule: an escaped star matches only a star', () => {
    const m = matcher(`sel:\n  F: 'a\\*b'\ncondition: sel`);
    assert.equal(m({ F: 'a*b' }), true);
    assert.equal(m({ F: 'axb' }), false);
  });
  it('in a rule: ? matches exactly one character', () => {
    const m = matcher(`sel:\n  F: 'prog?.exe'\ncondition: sel`);
    assert.equal(m({ F: 'progA.exe' }), true);
    assert.equal(m({ F: 'prog.exe' }), false);
    assert.equal(m({ F: 'progAB.exe' }), false);
  });
  it('in a rule: * matches any run, including an empty one', () => {
    const m = matcher(`sel:\n  F: 'antivirus_V*.exe'\ncondition: sel`);
    assert.equal(m({ F: 'antivirus_V.exe' }), true);
    assert.equal(m({ F: 'antivirus_V21.2.1.exe' }), true);
    assert.equal(m({ F: 'antivirus_X1.exe' }), false);
  });
});

describe('wildcard properties', () => {
  it('escaping any text and parsing it back gives the text as one literal', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        assert.deepEqual(parseSigmaString(escapeSigma(s)), s === '' ? [] : [s]);
      }),
    );
  });
  it('an escaped literal matches itself and nothing that differs by one appended character', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 1 }), (s, c) => {
        const test = compileGlob(parseSigmaString(escapeSigma(s)), true);
        assert.equal(test(s), true);
        assert.equal(test(s + c), false);
      }),
    );
  });
  it('glob matching agrees with a reference regular expression', () => {
    const pattern = fc
      .array(fc.constantFrom('a', 'b', '*', '?', '\\', 'A'), { maxLength: 8 })
      .map((a) => a.join(''));
    const value = fc
      .array(fc.constantFrom('a', 'b', 'A', '\\', '*', '?'), { maxLength: 10 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(pattern, value, fc.boolean(), (raw, v, cased) => {
        const parsed = parseSigmaString(raw);
        const input = cased ? v : v.toLowerCase();
        const ref = referenceRegex(
          cased ? parsed : parsed.map((t) => (typeof t === 'string' ? t.toLowerCase() : t)),
        );
        assert.equal(compileGlob(parsed, cased)(input), ref.test(input), `${raw} vs ${v}`);
      }),
      { numRuns: 2000 },
    );
  });
  it('contains matches exactly when the value holds the escaped needle', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, needle, c) => {
        const test = compileGlob([STAR, ...parseSigmaString(escapeSigma(needle)), STAR], false);
        assert.equal(test(`${a}${needle}${c}`.toLowerCase()), true);
      }),
    );
  });
});
