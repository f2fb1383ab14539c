// Request shapes shared by several route files (ids in paths, paging), defined once.
import { z } from 'zod';

export const IdParams = z.object({ id: z.string().min(1).max(200) });
export const AffectedCounts = z.object({ confirmed: z.number(), inferred: z.number(), total: z.number() });
export const IncidentHead = z.object({ id: z.string(), title: z.string(), aware_at: z.string(), affected: AffectedCounts });
export const IsoTime = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time');

/** Drops keys whose value is undefined (zod's optional keys vs exactOptionalPropertyTypes). */
export function definedOnly<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
