// Picks a rule's deadline variant for the facts and computes it from aware_at in the
// scenario's offset: the ISO time when the law sets a hard limit, else null with `due` words.
import { type Facts, holds } from './conditions.ts';
import {
  addBusinessDays,
  addCalendarDays,
  addHours,
  formatOffsetTime,
  type OffsetTime,
  parseOffsetTime,
} from './deadline-arithmetic.ts';
import { type HolidayRegion, holidayRegionOf } from './holiday-calendar.ts';
import type { LawRule } from './law-schema.ts';

export interface DueDate {
  deadline: string | null;
  due: string;
}

const CLOCK_WORDS: Record<string, string> = {
  discovery: 'discovery',
  determination: 'determination of the breach',
  occurrence: 'the breach itself',
};

export function decideDeadline(
  rule: LawRule,
  facts: Facts,
  aware: OffsetTime,
  /** the holiday region, or the jurisdiction code it is derived from (only when needed) */
  region: HolidayRegion | string,
  earlier: ReadonlyMap<string, string | null>,
): DueDate {
  const d = rule.deadline.find((x) => !x.when || holds(x.when, facts)) ?? rule.deadline[0];
  if (!d) return { deadline: null, due: 'no deadline in the law data' };
  const clock = CLOCK_WORDS[d.from];
  const due = clock ? `${d.due} (clock runs from ${clock}; computed from aware_at)` : d.due;
  if (d.kind === 'none' || d.amount === undefined) return { deadline: null, due };
  let base = aware;
  if (d.after) {
    const prior = earlier.get(d.after);
    if (!prior) return { deadline: null, due };
    base = parseOffsetTime(prior);
  }
  const at =
    d.kind === 'hours'
      ? addHours(base, d.amount)
      : d.kind === 'calendar_days'
        ? addCalendarDays(base, d.amount)
        : addBusinessDays(base, d.amount, typeof region === 'string' ? holidayRegionOf(region) : region);
  return { deadline: formatOffsetTime(at), due };
}
