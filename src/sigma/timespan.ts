// Correlation timespans: `number + lowercase unit` (s, m, h, d; w accepted as 7d), to ms.

const UNITS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds, or an error message naming the expected form. */
export function parseTimespan(text: string): number | string {
  const m = /^([1-9]\d*)([smhdw])$/.exec(text.trim());
  if (!m) return `bad timespan "${text}": expected a number and a unit s, m, h or d (e.g. 90m)`;
  return Number(m[1]) * (UNITS[m[2] as string] as number);
}
