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

// Shapes a log line can have: extra keys at the top and in actor, explicit undefined values
// (from a field mapping), defaults present or not, values of the wrong type.
const extraKey = fc.constantFrom('extra', 'warden', 'Time', 'constructor', '__proto__', 'ip');
const looseEventArb = fc
  .record(
    {
      id: sometimesWrong(fc.constantFrom('ev-1', 'x')),
      time: sometimesWrong(fc.constantFrom('2026-11-02T02:13:05+09:00', '2026-11-02T00:00:00.5Z', '2026-11-02', 'Nov 2 2026')),
      source: maybe(sometimesWrong(fc.constantFrom('dealer-crm', ''))),
      actor: maybe(
        sometimesWrong(
          fc.record(
            {
              user: maybe(sometimesWrong(fc.constant('u@example.com'))),
              type: maybe(fc.constantFrom(...ACTOR_TYPES, 'robot')),
              session: maybe(fc.constant('s-1')),
              [`x`]: fc.constant(1),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
      src_ip: maybe(sometimesWrong(fc.constant('198.51.100.23'))),
      user_agent: maybe(sometimesWrong(fc.constant('curl/8'))),
      action: sometimesWrong(fc.constantFrom(...ACTIONS)),
      object: maybe(sometimesWrong(fc.constant('customer'))),
      record_ids: maybe(sometimesWrong(fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }))),
      query: maybe(sometimesWrong(fc.constant("unit = 'u-1'"))),
      result_count: maybe(sometimesWrong(fc.constantFrom(0, 3, 2.5, -1))),
      fields: maybe(sometimesWrong(fc.array(fc.constantFrom(...DATA_CATEGORIES, 'shoe_size'), { maxLength: 3 }))),
      outcome: maybe(fc.constantFrom('success', 'failure', 'maybe')),
      raw: maybe(sometimesWrong(fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }))),
    },
    { requiredKeys: [] },
  )
  .chain((e) => fc.record({ e: fc.constant(e), extra: fc.option(fc.tuple(extraKey, fc.jsonValue()), { nil: undefined }), viaJson: fc.boolean() }))
  .map(({ e, extra, viaJson }) => {
    const o: Record<string, unknown> = { ...e };
    if (extra) Object.defineProperty(o, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
    // A parsed line has no undefined values; a mapped record may.
    return viaJson ? (JSON.parse(JSON.stringify(o)) as unknown) : o;
  });

const jsonShape = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

test('the event kept in place or copied is what AccessEventSchema makes of it: defaults filled, nothing else kept', () => {
  fc.assert(
    fc.property(looseEventArb, (input) => {
      const zod = AccessEventSchema.safeParse(structuredClone(input));
      const fast = checkAccessEvent(input);
      assert.equal(fast.ok, zod.success, `fast=${JSON.stringify(fast)} zod=${zod.success ? 'ok' : zod.error.issues[0]?.message}`);
      if (!fast.ok || !zod.success) return;
      assert.deepEqual(jsonShape(fast.event), jsonShape(zod.data));
      // Every key is an event key with a value: the engine walks the keys it is given.
      const keys = new Set(Object.keys(AccessEventSchema.shape));
      for (const [k, v] of Object.entries(fast.event)) assert.ok(keys.has(k) && v !== undefined, `key ${k}`);
      for (const [k, v] of Object.entries(fast.event.actor)) assert.ok(['user', 'type', 'session'].includes(k) && v !== undefined, `actor key ${k}`);
    }),
    { numRuns: 3000 },
  );
});

test('a parsed line already in the event shape is kept, its defaults filled in place; one with extra keys is copied', () => {
  const line = { id: 'ev-1', time: '2026-11-02T00:00:00Z', action: 'view', actor: { user: 'u' }, record_ids: ['C1'] };
  const kept = checkAccessEvent(line, 'crm');
  assert.ok(kept.ok);
  assert.equal(kept.event, line);
  assert.deepEqual(kept.event, { id: 'ev-1', time: '2026-11-02T00:00:00Z', action: 'view', actor: { user: 'u', type: 'unknown' }, record_ids: ['C1'], source: 'crm', fields: [], outcome: 'success', raw: {} });

  const extra = { id: 'ev-1', time: '2026-11-02T00:00:00Z', source: 's', action: 'view', note: 'x' };
  const copied = checkAccessEvent(extra);
  assert.ok(copied.ok);
  assert.notEqual(copied.event, extra);
  assert.equal('note' in copied.event, false);

  const actorExtra = { id: 'ev-1', time: '2026-11-02T00:00:00Z', source: 's', action: 'view', actor: { user: 'u', team: 'a' } };
  const copiedActor = checkAccessEvent(actorExtra);
  assert.ok(copiedActor.ok);
  assert.deepEqual(copiedActor.event.actor, { type: 'unknown', user: 'u' });

  const undefinedValue = { id: 'ev-1', time: '2026-11-02T00:00:00Z', source: 's', action: 'view', query: undefined };
  const copiedUndefined = checkAccessEvent(undefinedValue);
  assert.ok(copiedUndefined.ok);
  assert.equal(Object.hasOwn(copiedUndefined.event, 'query'), false);
});

test('a value whose String() throws ({"toString": null} in a line) is refused, never thrown', () => {
  const base = { id: 'x', time: '2026-11-02T02:13:05+09:00', source: 'crm', action: 'search' };
  const line = (field: string) => ({ ...base, ...JSON.parse(`{${field}}`) });
  const bad = '{"toString":null}';
  const cases: Array<[string, RegExp]> = [
    [`"action":${bad}`, /^action: unknown action '\[object Object\]'/],
    [`"actor":{"type":${bad}}`, /^actor\.type: unknown type '\[object Object\]'/],
    [`"fields":[${bad}]`, /^fields: unknown data category '\[object Object\]'/],
  ];
  for (const [field, reason] of cases) {
    const r = checkAccessEvent(line(field));
    assert.equal(r.ok, false, field);
    assert.match((r as { reason: string }).reason, reason, field);
  }
});
