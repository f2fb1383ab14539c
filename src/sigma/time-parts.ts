// The time-part modifiers (minute, hour, day, week, month, year): read a date value and return
// one number. As the spec warns, no timezone conversion: an ISO string's own wall-clock digits
// are used; epoch numbers (ms) are read in UTC.

export const TIME_PARTS = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
export type TimePart = (typeof TIME_PARTS)[number];

const ISO_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

export function extractTimePart(value: unknown, part: TimePart): number | null {
  let y: number;
  let mo: number;
  let d: number;
  let h = 0;
  let mi = 0;
  if (typeof value === 'number') {
    const t = new Date(value);
    if (Number.isNaN(t.getTime())) return null;
    [y, mo, d, h, mi] = [
      t.getUTCFullYear(),
      t.getUTCMonth() + 1,
      t.getUTCDate(),
      t.getUTCHours(),
      t.getUTCMinutes(),
    ];
  } else if (typeof value === 'string') {
    const m = ISO_PREFIX.exec(value.trim());
    if (!m) return null;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    h = m[4] === undefined ? 0 : Number(m[4]);
    mi = m[5] === undefined ? 0 : Number(m[5]);
  } else return null;
  switch (part) {
    case 'minute':
      return mi;
    case 'hour':
      return h;
    case 'day':
      return d;
    case 'month':
      return mo;
    case 'year':
      return y;
    case 'week':
      return isoWeek(y, mo, d);
  }
}

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(y: number, mo: number, d: number): number {
  const date = new Date(Date.UTC(y, mo - 1, d));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86400000 + 1) / 7);
}
