// Deadline arithmetic in the scenario's own UTC offset: hours, calendar days, and business
// days that skip weekends and the jurisdiction's public holidays. Works on epoch ms plus a
// fixed offset (the offset of aware_at), so no time zone database is consulted. Pure.
import { type HolidayRegion, holidaysIn } from './holiday-calendar.ts';

export interface OffsetTime {
  epochMs: number;
  offsetMin: number;
  utc: boolean; // written with Z rather than +00:00
}

const OFFSET_RE = /(Z|[+-]\d{2}:?\d{2})$/i;

export function parseOffsetTime(iso: string): OffsetTime {
  const epochMs = Date.parse(iso);
  const m = OFFSET_RE.exec(iso);
  if (Number.isNaN(epochMs) || !m?.[1]) throw new Error(`not an ISO time with an offset: ${iso}`);
  const off = m[1].toUpperCase();
  if (off === 'Z') return { epochMs, offsetMin: 0, utc: true };
  const sign = off.startsWith('-') ? -1 : 1;
  const digits = off.slice(1).replace(':', '');
  const offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  return { epochMs, offsetMin, utc: false };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatOffsetTime(t: OffsetTime): string {
  const local = new Date(t.epochMs + t.offsetMin * 60_000);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (t.utc) return `${date}T${time}Z`;
  const a = Math.abs(t.offsetMin);
  return `${date}T${time}${t.offsetMin < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** The local calendar date (YYYY-MM-DD) of a time in its own offset. */
export function localDate(t: OffsetTime): string {
  return formatOffsetTime({ ...t, utc: true }).slice(0, 10);
}

export function addHours(t: OffsetTime, hours: number): OffsetTime {
  return { ...t, epochMs: t.epochMs + hours * 3_600_000 };
}

export function addCalendarDays(t: OffsetTime, days: number): OffsetTime {
  return { ...t, epochMs: t.epochMs + days * 86_400_000 };
}

function isBusinessDay(t: OffsetTime, region: HolidayRegion): boolean {
  const local = new Date(t.epochMs + t.offsetMin * 60_000);
  const dow = local.getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !holidaysIn(region, local.getUTCFullYear()).has(localDate(t));
}

/** N business days later, same local time: each step lands on a weekday that is no holiday. */
export function addBusinessDays(t: OffsetTime, days: number, region: HolidayRegion): OffsetTime {
  let cur = t;
  let left = days;
  while (left > 0) {
    cur = addCalendarDays(cur, 1);
    if (isBusinessDay(cur, region)) left -= 1;
  }
  return cur;
}
