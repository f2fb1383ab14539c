// The memos behind the rule index and costly items must stay bounded: the pool empties every
// memo at once when its entry or character budget is spent, never stores over-long keys, and a
// memo whose texts do not repeat stores only a sample of its misses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MemoPool } from '../../src/sigma/bounded-memo.ts';

describe('memo pool', () => {
  it('clears every memo when the entry budget is spent', () => {
    const pool = new MemoPool<number>({ maxEntries: 3, maxChars: 1000, maxKeyLength: 100 });
    const a = pool.newMemo();
    const b = pool.newMemo();
    a.set('x', 1);
    b.set('x', 2);
    a.set('y', 3);
    assert.equal(pool.size, 3);
    assert.equal(b.get('x'), 2, 'memos are separate: equal keys do not collide');
    assert.equal(a.get('x'), 1);
    b.set('z', 4); // the fourth entry empties the pool first
    assert.equal(pool.clears, 1);
    assert.equal(pool.size, 1);
    assert.equal(a.size, 0);
    assert.equal(b.get('z'), 4);
  });

  it('counts key characters and skips over-long keys', () => {
    const pool = new MemoPool<number>({ maxEntries: 100, maxChars: 10, maxKeyLength: 6 });
    const m = pool.newMemo();
    m.set('abcdefg', 1); // longer than maxKeyLength: not stored
    assert.equal(m.size, 0);
    m.set('abcdef', 1);
    m.set('ghij', 2); // 10 characters: still fits
    assert.equal(pool.clears, 0);
    m.set('k', 3); // 11 > 10: cleared first
    assert.equal(pool.clears, 1);
    assert.deepEqual([...m.keys()], ['k']);
  });

  it('stays within its budget on an endless stream of unique keys', () => {
    const pool = new MemoPool<number>({ maxEntries: 1000, maxChars: 50_000, maxKeyLength: 100 });
    const memos = [pool.newMemo(), pool.newMemo()];
    for (let i = 0; i < 100_000; i++) {
      const m = memos[i % 2] as (typeof memos)[number];
      const key = `value-${i}`;
      if (m.get(key) === undefined) m.set(key, i);
      assert.ok(pool.size <= 1000);
      assert.ok((memos[0]?.size ?? 0) + (memos[1]?.size ?? 0) <= 1000);
    }
    assert.ok(pool.clears >= 5);
  });

  it('samples its misses while its texts do not repeat, and recovers when they do', () => {
    const pool = new MemoPool<number>();
    const m = pool.newMemo();
    let stored = 0;
    for (let i = 0; i < 10_000; i++) {
      const key = `unique-${i}`;
      if (m.get(key) === undefined) m.set(key, i);
      if (i === 4_095) stored = m.size;
    }
    assert.ok(m.sampling, 'no hits: sampling');
    assert.ok(
      m.size - stored <= (10_000 - 4_096) / 8 + 1,
      `${m.size - stored} stored while sampling`,
    );
    // a small set of repeated values gets in through the sample and is then answered
    let hits = 0;
    for (let i = 0; i < 40_000; i++) {
      const key = `image-${i % 10}`;
      if (m.get(key) === undefined) m.set(key, i);
      else hits++;
    }
    assert.ok(!m.sampling, 'repeating texts: storing every miss again');
    assert.ok(hits > 20_000, `${hits} hits`);
  });

  it('does not keep the memos of dropped rule sets alive', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const pool = new MemoPool<number>();
    const kept = pool.newMemo();
    for (let i = 0; i < 5_000; i++) pool.newMemo().set(`k${i}`, i); // dropped at once
    await new Promise((r) => setImmediate(r)); // weak targets are kept until the job ends
    gc();
    for (let i = 0; i < 3_500; i++) pool.newMemo(); // crossing 8,192 prunes the dead references
    assert.ok(pool.registered < 5_000, `${pool.registered} still registered`);
    kept.set('x', 1);
    assert.equal(kept.get('x'), 1);
  });
});
