// The memo pool behind the rule index must stay bounded: it empties every map at once when the
// entry or character budget is spent, never stores over-long keys, and keeps answering.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoPool } from '../../src/sigma/bounded-memo.ts';

describe('memo pool', () => {
  it('clears every map when the entry budget is spent', () => {
    const pool = new MemoPool<number>({ maxEntries: 3, maxChars: 1000, maxKeyLength: 100 });
    const a = pool.newMap();
    const b = pool.newMap();
    pool.store(a, 'x', 1);
    pool.store(b, 'x', 2);
    pool.store(a, 'y', 3);
    assert.equal(pool.size, 3);
    assert.equal(b.get('x'), 2, 'maps are separate: equal keys do not collide');
    pool.store(b, 'z', 4); // the fourth entry empties the pool first
    assert.equal(pool.clears, 1);
    assert.equal(pool.size, 1);
    assert.equal(a.size, 0);
    assert.equal(b.get('z'), 4);
  });

  it('counts key characters and skips over-long keys', () => {
    const pool = new MemoPool<number>({ maxEntries: 100, maxChars: 10, maxKeyLength: 6 });
    const m = pool.newMap();
    pool.store(m, 'abcdefg', 1); // longer than maxKeyLength: not stored
    assert.equal(m.size, 0);
    pool.store(m, 'abcdef', 1);
    pool.store(m, 'ghij', 2); // 10 characters: still fits
    assert.equal(pool.clears, 0);
    pool.store(m, 'k', 3); // 11 > 10: cleared first
    assert.equal(pool.clears, 1);
    assert.deepEqual([...m.keys()], ['k']);
  });

  it('stays within its budget on an endless stream of unique keys', () => {
    const pool = new MemoPool<number>({ maxEntries: 1000, maxChars: 50_000, maxKeyLength: 100 });
    const maps = [pool.newMap(), pool.newMap()];
    for (let i = 0; i < 100_000; i++) {
      const m = maps[i % 2] as Map<string, number>;
      pool.store(m, `value-${i}`, i);
      assert.ok(pool.size <= 1000);
    }
    assert.ok(
      (maps[0] as Map<string, number>).size + (maps[1] as Map<string, number>).size <= 1000,
    );
    assert.ok(pool.clears >= 99);
  });
});
