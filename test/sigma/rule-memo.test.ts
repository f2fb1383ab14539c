// The whole-rule memo (rule-memo.ts) must answer exactly as the rule it wraps: per field it
// tells an absent field, a field without scalars and each text apart, runs the rule itself for
// several scalars or long texts, and stays right after its bound empties it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { beginEvent, fieldSlot, scalarsAt } from '../../src/sigma/event-scratch.ts';
import { memoByFields } from '../../src/sigma/rule-memo.ts';
import { compileYaml, ruleYaml } from './support/harness.ts';

/** A seeded generator (mulberry32): the same events every run, without an LCG's short low bits. */
function random(seed: number) {
  return (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** A value for a field: absent, null, [], {}, a text, a number, or several scalars. */
function value(rnd: (n: number) => number, pool: string[]): unknown {
  switch (rnd(8)) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return rnd(2) ? [] : {};
    case 3:
      return 5;
    case 4:
      return [pool[rnd(pool.length)], pool[rnd(pool.length)]];
    default:
      return pool[rnd(pool.length)];
  }
}

function eventOf(rnd: (n: number) => number, pool: string[]): Record<string, unknown> {
  const ev: Record<string, unknown> = {};
  for (const f of ['Image', 'Device', 'User']) {
    const v = value(rnd, pool);
    if (v !== undefined) ev[f] = v;
  }
  return ev;
}

describe('rule memo', () => {
  it('answers as the rule on every combination of absent, empty, single and several scalars', () => {
    const fields = ['Image', 'Device', 'User'];
    const slots = fields.map(fieldSlot);
    // rules decided by the fields' states and texts: each keeps one bit of a hash of them all,
    // so any two states or texts the memo confused would differ in some rule
    const signature = (ev: Record<string, unknown>, n: number) => {
      const sig = JSON.stringify(
        slots.slice(0, n).map((s) => {
          const sc = scalarsAt(ev, s);
          return [sc.missing, sc.texts];
        }),
      );
      let h = 0;
      for (let i = 0; i < sig.length; i++) h = (Math.imul(h, 31) + sig.charCodeAt(i)) | 0;
      return h;
    };
    const rnd = random(11);
    // a small pool, so that events differing in one field's state alone are common
    const pool = ['a', '1:a', '', 'x'.repeat(1500)];
    for (const n of [1, 2, 3])
      for (let bit = 0; bit < 12; bit++) {
        const direct = (ev: Record<string, unknown>) => ((signature(ev, n) >>> bit) & 1) === 1;
        const memo = memoByFields(direct, fields.slice(0, n));
        const events = Array.from({ length: 200 }, () => eventOf(rnd, pool));
        // twice: first filling the memo, then answering from it
        for (const pass of [1, 2])
          for (const ev of events) {
            beginEvent();
            const want = direct(ev);
            beginEvent();
            assert.equal(
              memo(ev),
              want,
              `${n} fields, bit ${bit}, pass ${pass}: ${JSON.stringify(ev)}`,
            );
          }
      }
  });

  it('stays right past its bound and while sampling, and recovers when texts repeat', () => {
    let calls = 0;
    const direct = (ev: Record<string, unknown>) => {
      calls++;
      return String(ev.Image).length % 3 === 0;
    };
    const memo = memoByFields(direct, ['Image', 'Device']);
    // unique texts: the bound empties the tree, the low hit rate turns sampling on
    for (let i = 0; i < 40_000; i++) {
      const ev = { Image: `img-${i}`, Device: 'disk' };
      beginEvent();
      assert.equal(memo(ev), direct(ev));
    }
    // one text again and again: found on the sampled calls, so sampling ends
    const again = { Image: 'img-again', Device: 'disk' };
    const want = direct(again);
    for (let i = 0; i < 20_000; i++) {
      beginEvent();
      assert.equal(memo(again), want);
    }
    calls = 0;
    beginEvent();
    memo(again);
    assert.equal(calls, 0, 'a repeated text is answered from the memo');
  });

  it('an always-tried rule with `all`, null and list filters matches as written', () => {
    const set = compileYaml(
      ruleYaml(
        'f1: {Image|contains: cmd}\nf2: {User: null}\nf3: {Image|contains|all: [a, b]}\nf4: {Device: [x, y, z, w]}\ncondition: not 1 of f*',
      ),
    );
    const rule = set.rules[0] as {
      requirements: unknown[];
      test(e: Record<string, unknown>): boolean;
    };
    assert.equal(rule.requirements.length, 0, 'tried on every event (so memoised)');
    const texts = (v: unknown) =>
      (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
        .filter((x) => typeof x === 'string' || typeof x === 'number')
        .map((x) => String(x).toLowerCase());
    const oracle = (ev: Record<string, unknown>) => {
      const image = texts(ev.Image);
      const f1 = image.some((t) => t.includes('cmd'));
      const f2 = ev.User === undefined || ev.User === null;
      const f3 = image.some((t) => t.includes('a')) && image.some((t) => t.includes('b'));
      const f4 = texts(ev.Device).some((t) => ['x', 'y', 'z', 'w'].includes(t));
      return !(f1 || f2 || f3 || f4);
    };
    const rnd = random(5);
    const pool = ['Cmd.exe', 'ab', 'a', 'B', 'x', 'W', 'q', 'bcmd'];
    const events = Array.from({ length: 400 }, () => eventOf(rnd, pool));
    for (const pass of [1, 2])
      for (const ev of events) {
        beginEvent();
        assert.equal(rule.test(ev), oracle(ev), `pass ${pass}: ${JSON.stringify(ev)}`);
      }
  });
});
