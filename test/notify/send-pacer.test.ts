// The pacer that meters SMS gateway requests: never more than `concurrency` at once, starts at
// least 1/rate s apart, and a failing task frees its place.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPacer } from '../../src/notify/send-pacer.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('send pacer', () => {
  test('at most `concurrency` tasks run at once, and all of them run', async () => {
    const pace = createPacer({ concurrency: 3 });
    let running = 0;
    let peak = 0;
    const done = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pace(async () => {
          running++;
          peak = Math.max(peak, running);
          await sleep(5);
          running--;
          return i;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.deepEqual(
      done,
      Array.from({ length: 12 }, (_, i) => i),
    );
  });

  test('with a rate, starts are spaced 1/rate seconds apart on average, none bunched', async () => {
    const pace = createPacer({ concurrency: 10, rate: 20 });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () => pace(async () => starts.push(performance.now()))),
    );
    const span = (starts.at(-1) ?? 0) - (starts[0] ?? 0);
    // Timers may fire a few ms off; without pacing the five would start within a millisecond.
    assert.ok(span >= 185, `5 starts at 20/s took ${span.toFixed(1)} ms`);
    for (let i = 1; i < starts.length; i++)
      assert.ok((starts[i] ?? 0) - (starts[i - 1] ?? 0) >= 25, `gap ${i}`);
  });

  test('a task that throws passes the error on and frees its place', async () => {
    const pace = createPacer({ concurrency: 1 });
    await assert.rejects(
      pace(async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await pace(async () => 'next'), 'next');
  });
});
