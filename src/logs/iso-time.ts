// Epoch milliseconds of event time strings, always equal to `Date.parse`, without its cost on the
// detect and ingest hot paths: the usual RFC 3339 shape (`2026-10-04T02:01:13+09:00`, `…Z`, with
// or without a fraction) is read by hand and anything else goes to `Date.parse`. The last string
// read is remembered: the event validator and the detection runner read the same one. Pure.

const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}T/;

let lastText: string | undefined;
let lastMs = Number.NaN;
let lastIso = false;

/** The value of `Date.parse(s)`. */
export function timeTextMs(s: string): number {
  if (s !== lastText) remember(s);
  return lastMs;
}

/** `Date.parse(s)` when `s` starts `YYYY-MM-DDT` (an ISO 8601 date-time), else NaN. */
export function isoDateTimeMs(s: string): number {
  if (s !== lastText) remember(s);
  return lastIso ? lastMs : Number.NaN;
}

function remember(s: string): void {
  const fast = rfc3339Ms(s);
  lastText = s;
  if (Number.isNaN(fast)) {
    lastMs = Date.parse(s);
    lastIso = ISO_PREFIX.test(s);
  } else {
    lastMs = fast;
    lastIso = true;
  }
}

/** `0`–`9` at `i` as a number, else -1000 (so any sum with it stays negative). */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * `YYYY-MM-DDTHH:mm:ss(.f+)?(Z|±HH:mm)` in the ranges where `Date.parse` reads it plainly, else
 * NaN (the caller then asks `Date.parse`, which also knows the rarer forms: hour 24, no seconds…).
 */
export function rfc3339Ms(s: string): number {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84)
    return Number.NaN;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Number.NaN;
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return Number.NaN;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    // A fraction: its first three digits are the milliseconds, the rest is cut off.
    i++;
    const from = i;
    while (i < n && digit(s, i) >= 0) {
      if (i - from < 3) ms = ms * 10 + digit(s, i);
      i++;
    }
    if (i === from) return Number.NaN;
    for (let k = i - from; k < 3; k++) ms *= 10;
  }
  let offsetMin = 0;
  const z = s.charCodeAt(i);
  if (z === 90 && i + 1 === n) offsetMin = 0;
  else if ((z === 43 || z === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else return Number.NaN;
  return (
    (daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offsetMin) * 60_000 +
    second * 1000 +
    ms
  );
}

/** Days since 1970-01-01 of a proleptic Gregorian date; a day past the month's end rolls over, as in `Date.UTC`. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
