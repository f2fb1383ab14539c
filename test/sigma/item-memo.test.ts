// Costly items (regular expressions, long value lists, windash, cased, keyword lists) memoise
// their result by the field's text. The memo must never change an answer: the same text in
// another field or item, another case, a number or a string, a warm or a just-cleared memo,
// and items that must not be memoised (numeric and time comparisons, fieldref).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemMemo, worthMemo } from '../../src/sigma/item-memo.ts';
import { matcher } from './support/harness.ts';

const CASES: Array<[string, string, Array<[Record<string, unknown>, boolean]>]> = [
  [
    'regex',
    "sel: {CommandLine|re: '^a.*z$'}\ncondition: sel",
    [
      [{ CommandLine: 'abcz' }, true],
      [{ CommandLine: 'ABCZ' }, false],
      [{ Image: 'abcz' }, false],
      [{ CommandLine: 'abcz' }, true],
    ],
  ],
  [
    'list',
    'sel: {Image|endswith: [a.exe, b.exe, c.exe, d.exe]}\ncondition: sel',
    [
      [{ Image: 'X\\A.EXE' }, true],
      [{ Image: 'x\\a.exe' }, true],
      [{ Image: 'x\\e.exe' }, false],
      [{ Image: ['x\\e.exe', 'x\\d.exe'] }, true],
      [{ Parent: 'x\\a.exe' }, false],
    ],
  ],
  [
    'two items, same texts',
    'a: {Image|endswith: [a, b, c, d]}\nb: {User|endswith: [x, y, z, w]}\ncondition: a and b',
    [
      [{ Image: 'a', User: 'a' }, false],
      [{ Image: 'x', User: 'x' }, false],
      [{ Image: 'a', User: 'x' }, true],
    ],
  ],
  [
    'cased',
    'sel: {Image|cased|endswith: [A.exe]}\ncondition: sel',
    [
      [{ Image: 'A.exe' }, true],
      [{ Image: 'a.exe' }, false],
      [{ Image: 'A.exe' }, true],
    ],
  ],
  [
    'windash',
    'sel: {CommandLine|windash|contains: [-enc]}\ncondition: sel',
    [
      [{ CommandLine: 'ps /enc x' }, true],
      [{ CommandLine: 'ps enc x' }, false],
      [{ CommandLine: 'ps \u2013enc x' }, true],
    ],
  ],
  [
    'keywords',
    'kw: [alpha, beta, gamma, delta, eps]\ncondition: kw',
    [
      [{ a: 'x', b: 'BETA' }, true],
      [{ a: 'x' }, false],
      [{ c: 'x', d: { e: 'gamma ray' } }, true],
    ],
  ],
  [
    'time part (not memoised)',
    'sel: {t|hour: [5, 6, 7, 8]}\ncondition: sel',
    [
      [{ t: '2024-01-01T05:00:00' }, true],
      [{ t: 1704085200000 }, true], // epoch ms of 2024-01-01T05:00Z
      [{ t: '1704085200000' }, false],
    ],
  ],
];

describe('item memo', () => {
  for (const [name, detection, events] of CASES) {
    it(`${name}: the same answers cold, warm and after a clear`, () => {
      const match = matcher(detection);
      for (let round = 0; round < 4; round++) {
        if (round === 2) itemMemo.clear();
        for (const [ev, want] of events)
          assert.equal(match(ev), want, `round ${round}: ${JSON.stringify(ev)}`);
      }
    });
  }

  it('memoises costly items only', () => {
    assert.ok(worthMemo(['re'], 1));
    assert.ok(worthMemo(['endswith'], 4));
    assert.ok(!worthMemo(['endswith'], 1));
    assert.ok(!worthMemo(['hour'], 5));
    assert.ok(!worthMemo(['gte'], 5));
    assert.ok(!worthMemo(['fieldref'], 5));
    assert.ok(!worthMemo(['all', 'contains'], 5));
  });
});
