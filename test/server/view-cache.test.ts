// The view cache on its own, with a store version the test moves by hand: when it computes,
// when it reuses, and what it never keeps.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ViewCache } from '../../src/server/views/view-cache.ts';

function counted<T>(make: (n: number) => T) {
  let calls = 0;
  return { compute: async () => make(++calls), calls: () => calls };
}

describe('view cache', () => {
  test('a view is computed once per store version and recomputed when the version moves', async () => {
    let version = 'v1';
    const cache = new ViewCache(async () => version);
    const view = counted((n) => ({ n }));
    assert.deepEqual(await cache.get('incident:a', view.compute), { n: 1 });
    assert.deepEqual(await cache.get('incident:a', view.compute), { n: 1 });
    assert.equal(view.calls(), 1);
    version = 'v2';
    assert.deepEqual(await cache.get('incident:a', view.compute), { n: 2 });
    assert.equal(view.calls(), 2);
    assert.deepEqual(cache.stats, { hits: 1, misses: 2 }, 'the tallies /metrics reports');
  });

  test('views are kept per key', async () => {
    const cache = new ViewCache(async () => 'v1');
    assert.equal(await cache.get('incident:a', async () => 'a'), 'a');
    assert.equal(await cache.get('incident:b', async () => 'b'), 'b');
    assert.equal(await cache.get('incident:a', async () => 'other'), 'a');
  });

  test('concurrent misses at one version share one computation', async () => {
    const cache = new ViewCache(async () => 'v1');
    const view = counted((n) => n);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => cache.get('timeline:a', view.compute)),
    );
    assert.deepEqual(answers, Array(10).fill(1));
    assert.equal(view.calls(), 1);
  });

  test('clear() forgets every view, including one still being computed', async () => {
    const cache = new ViewCache(async () => 'v1');
    let release!: () => void;
    const slow = cache.get(
      'incident:a',
      () => new Promise<string>((r) => (release = () => r('before'))),
    );
    await new Promise((r) => setImmediate(r));
    cache.clear();
    release();
    assert.equal(await slow, 'before', 'the request already waiting still gets its answer');
    assert.equal(await cache.get('incident:a', async () => 'after'), 'after');
  });

  test('a failed computation is answered but not kept', async () => {
    const cache = new ViewCache(async () => 'v1');
    await assert.rejects(
      cache.get('incident:gone', async () => Promise.reject(new Error('no incident'))),
      /no incident/,
    );
    assert.equal(await cache.get('incident:gone', async () => 'found'), 'found');
  });

  test('a cached view cannot be changed in place by one request for the next', async () => {
    const cache = new ViewCache(async () => 'v1');
    const view = await cache.get('incident:a', async () => ({ buckets: [{ records: 1 }] }));
    assert.throws(() => {
      view.buckets.push({ records: 2 });
    }, TypeError);
    assert.throws(() => {
      (view.buckets[0] as { records: number }).records = 9;
    }, TypeError);
    assert.deepEqual(await cache.get('incident:a', async () => ({ buckets: [] })), {
      buckets: [{ records: 1 }],
    });
  });
});
