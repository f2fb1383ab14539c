// Public holidays per jurisdiction for business-day deadlines, from date-holidays. Building a
// calendar is slow (~10 ms) and date-holidays' isHoliday is slower still, so each calendar's
// holiday dates are computed once per year and kept as a set of YYYY-MM-DD strings. No I/O.
import Holidays from 'date-holidays';

export interface HolidayRegion {
  country: string;
  state?: string | undefined;
}

/** Public and bank holidays count; observances and optional days do not close offices. */
const CLOSED_TYPES = new Set(['public', 'bank']);
const calendars = new Map<string, Holidays | null>();
const years = new Map<string, ReadonlySet<string>>();

function calendarOf(region: HolidayRegion): Holidays | null {
  const key = `${region.country}/${region.state ?? ''}`;
  let cal = calendars.get(key);
  if (cal === undefined) {
    const known = new Holidays().getCountries();
    if (!known[region.country]) cal = null;
    else {
      const states = new Holidays().getStates(region.country) ?? {};
      const state = region.state && states[region.state] ? region.state : undefined;
      cal = state ? new Holidays(region.country, state) : new Holidays(region.country);
    }
    calendars.set(key, cal);
  }
  return cal;
}

/** Holiday dates (local YYYY-MM-DD) in `year`; empty when date-holidays lacks the region. */
export function holidaysIn(region: HolidayRegion, year: number): ReadonlySet<string> {
  const key = `${region.country}/${region.state ?? ''}/${year}`;
  let set = years.get(key);
  if (!set) {
    const cal = calendarOf(region);
    const days = cal ? cal.getHolidays(year).filter((h) => CLOSED_TYPES.has(h.type)) : [];
    set = new Set(days.map((h) => h.date.slice(0, 10)));
    years.set(key, set);
  }
  return set;
}

export function hasCalendar(region: HolidayRegion): boolean {
  return calendarOf(region) !== null;
}

/** The region whose holidays a jurisdiction code observes: US-CA → US/CA, JP → JP. */
export function holidayRegionOf(code: string): HolidayRegion {
  const [country, state] = code.split('-');
  return state ? { country: country ?? code, state } : { country: country ?? code };
}
