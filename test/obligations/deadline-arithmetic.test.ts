// Deadline arithmetic: property tests over hours, calendar days and business days in a fixed
// offset, plus the holiday calendars it leans on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addBusinessDays,
  addCalendarDays,
  addHours,
  formatOffsetTime,
  localDate,
  parseOffsetTime,
} from '../../src/obligations/deadline-arithmetic.ts';
import { holidaysIn } from '../../src/obligations/holiday-calendar.ts';

const offsetTimeArb = fc
  .record({
    ms: fc.integer({ min: Date.parse('2016-01-01'), max: Date.parse('2031-01-01') }),
    off: fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
  })
  .map(({ ms, off }) => formatOffsetTime({ epochMs: Math.floor(ms / 1000) * 1000, offsetMin: off, utc: false }));

const REGIONS = [{ country: 'BR' }, { country: 'US', state: 'CA' }, { country: 'JP' }, { country: 'CO' }, { country: 'XX' }];

test('formatting a parsed offset time gives back the same text', () => {
  fc.assert(fc.property(offsetTimeArb, (iso) => assert.equal(formatOffsetTime(parseOffsetTime(iso)), iso)));
});

test('hours and calendar days move the instant exactly and keep the offset', () => {
  fc.assert(
    fc.property(offsetTimeArb, fc.integer({ min: 1, max: 2000 }), (iso, n) => {
      const t = parseOffsetTime(iso);
      assert.equal(addHours(t, n).epochMs - t.epochMs, n * 3_600_000);
      const later = formatOffsetTime(addCalendarDays(t, n));
      assert.equal(later.slice(10), iso.slice(10), 'same local time and offset');
    }),
  );
});

test('business days land on a weekday that is no holiday, with exactly n business days passed', () => {
  fc.assert(
    fc.property(offsetTimeArb, fc.integer({ min: 1, max: 25 }), fc.constantFrom(...REGIONS), (iso, n, region) => {
      const start = parseOffsetTime(iso);
      const end = addBusinessDays(start, n, region);
      assert.equal(formatOffsetTime(end).slice(10), iso.slice(10));
      let count = 0;
      for (let t = addCalendarDays(start, 1); t.epochMs <= end.epochMs; t = addCalendarDays(t, 1)) {
        const day = new Date(t.epochMs + t.offsetMin * 60_000).getUTCDay();
        const date = localDate(t);
        const off = day === 0 || day === 6 || holidaysIn(region, Number(date.slice(0, 4))).has(date);
        if (!off) count += 1;
        if (t.epochMs === end.epochMs) assert.ok(!off, `${date} is a business day`);
      }
      assert.equal(count, n);
    }),
    { numRuns: 100 },
  );
});

test('holiday calendars: Brazil closes on 20 Nov 2026, California on Thanksgiving, unknown regions never', () => {
  assert.ok(holidaysIn({ country: 'BR' }, 2026).has('2026-11-20'));
  assert.ok(holidaysIn({ country: 'US', state: 'CA' }, 2026).has('2026-11-26'));
  assert.equal(holidaysIn({ country: 'XX' }, 2026).size, 0);
});

test('an ISO time without an offset is refused', () => {
  assert.throws(() => parseOffsetTime('2026-11-20T09:00:00'), /offset/);
});
