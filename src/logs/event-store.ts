// Access events in the store: idempotent batch writes keyed by event id (a line ingested twice
// is stored once), quarantine of malformed lines keyed by their content, and the indexed
// lookups scoping needs ("what did these actors/IPs/sessions touch between T1 and T2").
import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type { Store } from '../store/open-store.ts';
import type { SqliteHandle } from '../store/sqlite/sqlite-dialect.ts';
import type { EventTable, QuarantineTable } from '../store/schema.ts';
import type { AccessEvent } from './access-event.ts';
import {
  NO_ACCOUNT,
  PG_SPAN_UPSERT,
  pgSpanParams,
  SQLITE_SPAN_UPSERT,
  sessionSpans,
  spanRanges,
} from './session-spans.ts';

export function toEventRow(e: AccessEvent): EventTable {
  const values = toEventValues(e);
  return Object.fromEntries(COLUMNS.map((c, i) => [c, values[i]])) as unknown as EventTable;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

const COLUMNS = [
  'id',
  'source',
  'time',
  'time_ms',
  'actor_user',
  'actor_type',
  'session',
  'src_ip',
  'action',
  'object',
  'query',
  'result_count',
  'record_ids',
  'record_count',
  'fields',
  'outcome',
  'extra',
] as const;
const SQLITE_INSERT = `insert into events (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')}) on conflict (id) do nothing`;
const QUARANTINE_COLUMNS = ['id', 'source', 'file', 'line', 'reason', 'raw', 'at'] as const;
const SQLITE_QUARANTINE = `insert into quarantine (${QUARANTINE_COLUMNS.join(', ')}) values (${QUARANTINE_COLUMNS.map(() => '?').join(', ')}) on conflict (id) do nothing`;

/** An event row as positional values: cheap to hand to another thread and to bind. */
export type EventValues = unknown[];

/** Built as one array literal in COLUMNS order (the ingest hot path: no row object, no lookups by
 * column name). */
export function toEventValues(e: AccessEvent): EventValues {
  const record_ids = e.record_ids;
  const hasRaw = !isEmpty(e.raw);
  return [
    e.id,
    e.source,
    e.time,
    Date.parse(e.time),
    e.actor.user ?? null,
    e.actor.type,
    e.actor.session ?? null,
    e.src_ip ?? null,
    e.action,
    e.object ?? null,
    e.query ?? null,
    e.result_count ?? null,
    record_ids ? JSON.stringify(record_ids) : null,
    record_ids?.length ?? 0,
    JSON.stringify(e.fields),
    e.outcome,
    e.user_agent || hasRaw
      ? JSON.stringify({ user_agent: e.user_agent, raw: hasRaw ? e.raw : undefined })
      : null,
  ];
}

export type QuarantineRow = QuarantineTable;

export function toQuarantineRows(lines: QuarantinedLine[]): QuarantineRow[] {
  const at = new Date().toISOString();
  return lines.map((l) => ({
    id: quarantineId(l.source, l.raw),
    ...l,
    raw: l.raw.slice(0, 65536),
    at,
  }));
}

export type SqliteBatchWrite = (
  events: EventValues[],
  quarantine: QuarantineRow[],
) => { stored: number; quarantined: number };
const prepared = new WeakMap<object, SqliteBatchWrite>();

/** SQLite's hot path: prepared statements in one transaction, bypassing the query builder. */
export function sqliteBatchWriter(raw: SqliteHandle): SqliteBatchWrite {
  let fn = prepared.get(raw);
  if (!fn) {
    const events = raw.prepare(SQLITE_INSERT);
    const quarantine = raw.prepare(SQLITE_QUARANTINE);
    const span = raw.prepare(SQLITE_SPAN_UPSERT);
    fn = raw.transaction((rows: EventValues[], bad: QuarantineRow[]) => {
      let stored = 0;
      let quarantined = 0;
      for (const r of rows) stored += events.run(r).changes;
      for (const s of sessionSpans(rows)) span.run(s.session, s.actor, s.firstMs, s.lastMs);
      for (const q of bad)
        quarantined += quarantine.run(QUARANTINE_COLUMNS.map((c) => q[c])).changes;
      return { stored, quarantined };
    }).immediate; // takes the write lock up front (see sqlite-dialect.ts)
    prepared.set(raw, fn);
  }
  return fn;
}

/** Inserts events not yet stored; returns how many were new. */
export async function insertEvents(store: Store, events: AccessEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  if (store.sqlite) return sqliteBatchWriter(store.sqlite)(events.map(toEventValues), []).stored;
  return insertEventsOnPostgres(store, events.map(toEventValues));
}

// PostgreSQL's types for COLUMNS, in order: each column travels as one array parameter.
const PG_TYPES = [
  'text',
  'text',
  'text',
  'bigint',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'integer',
  'text',
  'integer',
  'text',
  'text',
  'text',
];
const PG_INSERT = `insert into events (${COLUMNS.join(', ')}) select * from unnest(${PG_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) on conflict (id) do nothing`;

// One statement per batch however large, with one array parameter per column (unnest), instead
// of a VALUES list with a parameter per cell: the server parses 17 parameters, not 15,000, and
// the client builds no query tree. Measured on the scale-out ingest path (bench/scale-lag.ts).
async function insertEventsOnPostgres(store: Store, rows: EventValues[]): Promise<number> {
  // Spans first, in their own statement: a crash between the two leaves a span wider than the
  // stored events (harmless: lookups filter on the session), never an event no span covers.
  const spans = sessionSpans(rows);
  if (spans.length > 0)
    await store.db.executeQuery(CompiledQuery.raw(PG_SPAN_UPSERT, pgSpanParams(spans)));
  const columns = COLUMNS.map((_, c) => rows.map((r) => r[c]));
  const r = await store.db.executeQuery(CompiledQuery.raw(PG_INSERT, columns));
  return Number(r.numAffectedRows ?? 0n);
}

export interface QuarantinedLine {
  source: string;
  file: string;
  line: number;
  reason: string;
  raw: string;
}

export function quarantineId(source: string, raw: string): string {
  return createHash('sha256').update(source).update('\n').update(raw).digest('hex').slice(0, 32);
}

/** Quarantines malformed lines; the same line (by content) is kept once. Returns new ones. */
export async function quarantineLines(store: Store, lines: QuarantinedLine[]): Promise<number> {
  if (lines.length === 0) return 0;
  const rows = toQuarantineRows(lines);
  if (store.sqlite) return sqliteBatchWriter(store.sqlite)([], rows).quarantined;
  const r = await store.db
    .insertInto('quarantine')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n);
}

export interface StoredEvent {
  id: string;
  time: string;
  time_ms: number;
  actor_user: string | null;
  src_ip: string | null;
  session: string | null;
  action: string;
  outcome: string;
  query: string | null;
  result_count: number | null;
  record_ids: string[] | null;
  fields: string[];
  source: string;
}

export interface EventSelector {
  actors?: string[];
  ips?: string[];
  sessions?: string[];
  fromMs?: number;
  toMs?: number;
}

/** One query per indicator kind given (accounts, IPs, sessions), each on an index, within the
 * selector's window; callers choose the columns. An event may match more than one. Accounts and
 * IPs have their own (column, time_ms) index; sessions go through their recorded spans to the
 * account index (session-spans.ts). */
export async function indicatorQueries(store: Store, sel: EventSelector) {
  const fromEvents = () => store.db.selectFrom('events');
  const byColumn = (column: 'actor_user' | 'src_ip', values: string[]) => {
    let q = fromEvents().where(column, 'in', values);
    if (sel.fromMs !== undefined) q = q.where('time_ms', '>=', sel.fromMs);
    if (sel.toMs !== undefined) q = q.where('time_ms', '<=', sel.toMs);
    return q;
  };
  const queries = [];
  if (sel.actors?.length) queries.push(byColumn('actor_user', sel.actors));
  if (sel.ips?.length) queries.push(byColumn('src_ip', sel.ips));
  const sessions = sel.sessions ?? [];
  if (sessions.length > 0) {
    const spans = await store.db
      .selectFrom('event_sessions')
      .selectAll()
      .where('span_session', 'in', sessions)
      .execute();
    const ranges = spanRanges(spans, sel.fromMs, sel.toMs);
    // Each range is one OR term on the account index; SQLite nests ORs one level per term and
    // caps expression depth at 1000, so a long list goes in several queries.
    for (let i = 0; i < ranges.length; i += 100) {
      const chunk = ranges.slice(i, i + 100);
      queries.push(
        fromEvents()
          .where('session', 'in', sessions)
          .where((eb) =>
            eb.or(
              chunk.flatMap((r) =>
                // Events without an account: stored as NULL (or ''), spanned as NO_ACCOUNT.
                (r.actor === NO_ACCOUNT ? [null, NO_ACCOUNT] : [r.actor]).map((actor) =>
                  eb.and([
                    actor === null ? eb('actor_user', 'is', null) : eb('actor_user', '=', actor),
                    eb('time_ms', '>=', r.fromMs),
                    eb('time_ms', '<=', r.toMs),
                  ]),
                ),
              ),
            ),
          ),
      );
    }
  }
  return queries;
}

/** Events matching any indicator within the window, each lookup on its own index. */
export async function findEventsByIndicators(
  store: Store,
  sel: EventSelector,
): Promise<StoredEvent[]> {
  const seen = new Map<string, StoredEvent>();
  for (const lookup of await indicatorQueries(store, sel)) {
    const q = lookup.select([
      'id',
      'time',
      'time_ms',
      'actor_user',
      'src_ip',
      'session',
      'action',
      'outcome',
      'query',
      'result_count',
      'record_ids',
      'fields',
      'source',
    ]);
    for (const r of await q.execute()) {
      if (seen.has(r.id)) continue;
      seen.set(r.id, {
        ...r,
        time_ms: Number(r.time_ms),
        record_ids: r.record_ids ? (JSON.parse(r.record_ids) as string[]) : null,
        fields: JSON.parse(r.fields) as string[],
      });
    }
  }
  return [...seen.values()].sort((a, b) => a.time_ms - b.time_ms);
}
