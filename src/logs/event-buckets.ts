// Events matching an incident's indicators, counted per time bucket and actor in the database:
// what the incident timeline draws. Memory stays at the number of buckets however many events
// the indicators match (an incident over millions of events must not load them all to count
// them). Each indicator kind is looked up on its own index; an event matched by two kinds
// (its account and its IP) is counted once.
import { sql } from 'kysely';
import type { Store } from '../store/open-store.ts';
import { type EventSelector, indicatorQueries } from './event-store.ts';

export interface EventBucket {
  startMs: number;
  actor: string; // the account, else the source IP, else 'unknown'
  events: number;
  records: number; // customer records touched: listed ids, else the reported result count
}

export async function bucketEventsByIndicators(
  store: Store,
  sel: EventSelector,
  bucketMs: number,
): Promise<EventBucket[]> {
  if (!Number.isInteger(bucketMs) || bucketMs <= 0)
    throw new Error(`bucket width must be a positive whole number of ms, got ${bucketMs}`);
  const parts = (await indicatorQueries(store, sel)).map((q) => q.select('id'));
  const [first, ...rest] = parts;
  if (!first) return [];
  const ids = rest.reduce((u, q) => u.union(q), first);
  // The width is a literal, not a parameter: SQLite binds JS numbers as REAL, which would turn
  // the integer division into a real one. It is a checked integer from our own code.
  const width = sql.lit(bucketMs);
  const rows = await store.db
    .selectFrom('events')
    .where('id', 'in', ids)
    .select([
      sql<string | number>`(time_ms / ${width}) * ${width}`.as('start_ms'),
      sql<string>`coalesce(actor_user, src_ip, 'unknown')`.as('actor'),
      sql<string | number>`count(*)`.as('events'),
      sql<
        string | number
      >`sum(case when record_ids is not null then record_count else coalesce(result_count, 0) end)`.as(
        'records',
      ),
    ])
    .groupBy([sql`(time_ms / ${width}) * ${width}`, sql`coalesce(actor_user, src_ip, 'unknown')`])
    .execute();
  // PostgreSQL returns bigint aggregates as strings.
  return rows.map((r) => ({
    startMs: Number(r.start_ms),
    actor: r.actor,
    events: Number(r.events),
    records: Number(r.records),
  }));
}
