// The hand-unrolled event checker on the ingest hot path must agree with the zod schema that
// defines the normalized access event: same verdict on generated events, valid and not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ACTIONS, ACTOR_TYPES, AccessEventSchema } from '../../src/logs/access-event.ts';
import { DATA_CATEGORIES } from '../../src/inventory/data-categories.ts';
import { checkAccessEvent } from '../../src/logs/validate-event.ts';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const sometimesWrong = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: fc.anything() });

const eventArb = fc.record(
  {
    id: sometimesWrong(fc.string({ minLength: 1, maxLength: 8 })),
    time: sometimesWrong(fc.constantFrom('2026-11-02T02:13:05+09:00', '2026-11-02T00:00:00Z', 'not a time')),
    source: sometimesWrong(fc.constantFrom('dealer-crm', 'x')),
    actor: sometimesWrong(fc.record({ user: maybe(fc.string()), type: maybe(fc.constantFrom(...ACTOR_TYPES, 'robot')), session: maybe(fc.string()) }, { requiredKeys: [] })),
    src_ip: maybe(sometimesWrong(fc.constant('198.51.100.23'))),
    action: sometimesWrong(fc.constantFrom(...ACTIONS, 'teleport')),
    record_ids: maybe(sometimesWrong(fc.array(fc.string(), { maxLength: 3 }))),
    result_count: maybe(sometimesWrong(fc.integer({ min: -2, max: 10 }))),
    fields: maybe(fc.array(fc.constantFrom(...DATA_CATEGORIES, 'shoe_size'), { maxLength: 3 })),
    outcome: maybe(fc.constantFrom('success', 'failure', 'maybe')),
  },
  { requiredKeys: ['id', 'time', 'action', 'source'] },
);

test('checkAccessEvent accepts exactly what AccessEventSchema accepts', () => {
  fc.assert(
    fc.property(eventArb, (e) => {
      const fast = checkAccessEvent(e);
      const zod = AccessEventSchema.safeParse(e);
      assert.equal(fast.ok, zod.success, `fast=${JSON.stringify(fast)} zod=${zod.success ? 'ok' : zod.error.issues[0]?.message}`);
      if (fast.ok && zod.success) {
        assert.deepEqual(fast.event.fields, zod.data.fields);
        assert.equal(fast.event.actor.type, zod.data.actor.type);
      }
    }),
    { numRuns: 2000 },
  );
});

test('a bad event is refused with the name of the bad field', () => {
  const r = checkAccessEvent({ id: 'x', time: '2026-11-02T00:00:00Z', source: 's', action: 'view', result_count: -1 });
  assert.deepEqual(r, { ok: false, reason: 'result_count: must be a non-negative integer' });
});
