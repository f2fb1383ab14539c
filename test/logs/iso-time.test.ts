// Event time strings read by hand must give exactly what Date.parse gives, for the usual RFC 3339
// shape and for every near miss (bad ranges, rolled-over days, odd offsets, fractions, case).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isoDateTimeMs, rfc3339Ms, timeTextMs } from '../../src/logs/iso-time.ts';

/** Mostly in the field's range (`lo`..`hi`), sometimes anything up to `max`. */
const digits = (width: number, lo: number, hi: number, max: number) =>
  fc
    .oneof(
      { weight: 5, arbitrary: fc.integer({ min: lo, max: hi }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max }) },
    )
    .map((v) => String(v).padStart(width, '0'));
const mostly = (usual: string, ...others: string[]) =>
  fc.oneof({ weight: others.length, arbitrary: fc.constant(usual) }, fc.constantFrom(...others));
const nearRfc3339 = fc
  .tuple(
    digits(4, 1900, 2100, 9999),
    digits(2, 1, 12, 14),
    digits(2, 1, 31, 33),
    digits(2, 0, 23, 25),
    digits(2, 0, 59, 61),
    digits(2, 0, 59, 61),
    fc.constantFrom('', '.', '.5', '.12', '.123', '.1234', '.999999', '.x'),
    fc.constantFrom('Z', '+', '-', 'z', '', ' '),
    digits(2, 0, 23, 25),
    digits(2, 0, 59, 61),
    mostly(':', '', 'x'),
    mostly('T', 't', ' '),
  )
  .map(([y, mo, d, h, mi, s, frac, zone, oh, om, sep, t]) => {
    const offset = zone === '+' || zone === '-' ? `${zone}${oh}${sep}${om}` : zone;
    return `${y}-${mo}-${d}${t}${h}:${mi}:${s}${frac}${offset}`;
  });

test('an RFC 3339 time is read as Date.parse reads it, near misses included', () => {
  let readByHand = 0;
  fc.assert(
    fc.property(nearRfc3339, (s) => {
      const byHand = rfc3339Ms(s);
      if (!Number.isNaN(byHand)) {
        readByHand++;
        assert.equal(byHand, Date.parse(s), s);
      }
      assert.ok(Object.is(timeTextMs(s), Date.parse(s)), s);
    }),
    { numRuns: 20_000 },
  );
  assert.ok(readByHand > 2_000, `only ${readByHand} read by hand`);
});

test('other time texts go to Date.parse', () => {
  for (const s of [
    '2026-10-04T24:00:00Z',
    '2026-10-04T02:01Z',
    '2026-10-04T02:01:13+0900',
    'Oct 4 2026 10:00 GMT',
    '',
    '2026-10-04',
    '+002026-10-04T02:01:13Z',
  ]) {
    assert.ok(Number.isNaN(rfc3339Ms(s)), s);
    assert.ok(Object.is(timeTextMs(s), Date.parse(s)), s);
  }
});

test('isoDateTimeMs is NaN unless the text starts YYYY-MM-DDT and Date.parse reads it', () => {
  assert.equal(isoDateTimeMs('2026-10-04T02:01:13+09:00'), Date.parse('2026-10-04T02:01:13+09:00'));
  assert.equal(isoDateTimeMs('2026-10-04T02:01Z'), Date.parse('2026-10-04T02:01Z'));
  assert.equal(isoDateTimeMs('2026-02-30T00:00:00Z'), Date.parse('2026-03-02T00:00:00Z'));
  for (const s of [
    'Oct 4 2026 10:00 GMT',
    '2026-10-04',
    '2026-10-04T25:00:00Z',
    '2026-13-04T00:00:00Z',
    '',
  ]) {
    assert.ok(Number.isNaN(isoDateTimeMs(s)), s);
  }
  // The remembered last text must not leak into the next answer.
  assert.ok(Number.isNaN(isoDateTimeMs('Oct 4 2026 10:00 GMT')));
  assert.equal(timeTextMs('Oct 4 2026 10:00 GMT'), Date.parse('Oct 4 2026 10:00 GMT'));
  assert.ok(Number.isNaN(isoDateTimeMs('Oct 4 2026 10:00 GMT')));
});
