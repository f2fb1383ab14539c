// Each partition's history (an ActorContext fed its own events in full and every other event as
// a context-tuple view, in cluster order) gives its events exactly the `warden.*` fields one
// ActorContext over the whole stream gives: the property the cluster's equality with the
// single-process path rests on (new networks seen by anyone, peer means, warm-up).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ActorContext, type ActorEventView } from '../../src/detect/actor-context.ts';
import type { AccessEvent } from '../../src/logs/access-event.ts';
import { contextTuple } from '../../src/scale/context-tuple.ts';
import { partitionOf } from '../../src/scale/topology.ts';
import { writeScenario } from '../../src/scenario/write-scenario.ts';

let events: AccessEvent[] = [];

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-history-'));
  try {
    const s = await writeScenario({ out: dir, customers: 3000, affected: 400, events: 20_000, seed: 11 });
    events = readFileSync(s.accessJsonl, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AccessEvent);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const partitions of [1, 3, 8]) {
  test(`${partitions} partitions, each observing the others' views, give the warden fields of one history`, () => {
    const whole = new ActorContext();
    const parts = Array.from({ length: partitions }, () => new ActorContext());
    let diverged = 0;
    let newNet = 0;
    let peer = 0;
    for (const [i, e] of events.entries()) {
      const t = Date.parse(e.time);
      const expected = whole.observe(e as unknown as ActorEventView, t);
      const own = partitionOf(e.actor.user ?? e.src_ip ?? '', partitions);
      const view = contextTuple(i, e)[1];
      for (const [p, ctx] of parts.entries()) {
        if (p !== own) {
          ctx.observe(view, t);
          continue;
        }
        if (JSON.stringify(ctx.observe(e as unknown as ActorEventView, t)) !== JSON.stringify(expected)) diverged++;
      }
      if (expected.new_src_ip) newNet++;
      if (expected.baseline === 'peer') peer++;
    }
    assert.equal(diverged, 0);
    assert.ok(newNet > 0 && peer > 0, 'the stream exercises the cross-account fields');
  });
}

test('a context tuple survives the JSON round trip through the ctx subject unchanged', () => {
  const e = events.find((x) => x.record_ids && x.result_count !== undefined) as AccessEvent;
  const t = contextTuple(7, e);
  assert.deepEqual(JSON.parse(JSON.stringify(t)), JSON.parse(JSON.stringify([7, { time: e.time, actor: { user: e.actor.user, type: e.actor.type }, src_ip: e.src_ip, action: e.action, result_count: e.result_count, record_ids: e.record_ids }])));
});
