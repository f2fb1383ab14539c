// Session lookups without a session index. An index on (session, time_ms) cost the ingest writer
// about a third of its time (thousands of sessions = thousands of hot B-tree leaves; bench/
// RESULTS.md, 2026-12-02). Instead each batch records, per (session, account), the first and
// last event time: a handful of rows per batch. "What did session S do between T1 and T2" is
// then answered from that small table plus the (actor_user, time_ms) index: for each account
// that used S, its events within S's lifetime and the window, filtered on S. Still an indexed
// lookup, bounded by the session's own span, never a scan of the log.
import type { EventValues } from './event-store.ts';

/** The column positions in EventValues (event-store.ts COLUMNS) this module reads. */
const TIME_MS = 3;
const ACTOR_USER = 4;
const SESSION = 6;

/** An account that never logged in shows as '' here: primary keys cannot hold NULL. */
export const NO_ACCOUNT = '';

export interface SessionSpan {
  session: string;
  actor: string; // the account, or NO_ACCOUNT
  firstMs: number;
  lastMs: number;
}

/** One span per (session, account) of the rows, sorted by key: writers that take row locks in
 * the same order cannot deadlock each other (PostgreSQL scale-out workers upsert concurrently). */
export function sessionSpans(rows: EventValues[]): SessionSpan[] {
  const spans = new Map<string, SessionSpan>();
  for (const r of rows) {
    const session = r[SESSION];
    if (typeof session !== 'string') continue;
    const actor = typeof r[ACTOR_USER] === 'string' ? (r[ACTOR_USER] as string) : NO_ACCOUNT;
    const ms = r[TIME_MS] as number;
    const key = `${session}\u0000${actor}`;
    const s = spans.get(key);
    if (!s) spans.set(key, { session, actor, firstMs: ms, lastMs: ms });
    else if (ms < s.firstMs) s.firstMs = ms;
    else if (ms > s.lastMs) s.lastMs = ms;
  }
  return [...spans.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}

const SPAN_COLUMNS = '(span_session, span_actor, first_ms, last_ms)';
export const SQLITE_SPAN_UPSERT = `insert into event_sessions ${SPAN_COLUMNS} values (?, ?, ?, ?) on conflict (span_session, span_actor) do update set first_ms = min(first_ms, excluded.first_ms), last_ms = max(last_ms, excluded.last_ms)`;
export const PG_SPAN_UPSERT = `insert into event_sessions ${SPAN_COLUMNS} select * from unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) on conflict (span_session, span_actor) do update set first_ms = least(event_sessions.first_ms, excluded.first_ms), last_ms = greatest(event_sessions.last_ms, excluded.last_ms)`;

export function pgSpanParams(spans: SessionSpan[]): unknown[] {
  return [
    spans.map((s) => s.session),
    spans.map((s) => s.actor),
    spans.map((s) => s.firstMs),
    spans.map((s) => s.lastMs),
  ];
}

/** The stored span rows' shape (see the migration 009-session-spans). */
export interface StoredSpan {
  span_session: string;
  span_actor: string;
  first_ms: number | string; // PostgreSQL returns bigint as text
  last_ms: number | string;
}

/** A time range on one account's events (NO_ACCOUNT: events without one), already clipped to
 * the caller's window; empty ranges are dropped. */
export interface AccountRange {
  actor: string;
  fromMs: number;
  toMs: number;
}

export function spanRanges(spans: StoredSpan[], fromMs?: number, toMs?: number): AccountRange[] {
  const out: AccountRange[] = [];
  for (const s of spans) {
    const from = Math.max(Number(s.first_ms), fromMs ?? Number.NEGATIVE_INFINITY);
    const to = Math.min(Number(s.last_ms), toMs ?? Number.POSITIVE_INFINITY);
    if (from <= to) out.push({ actor: s.span_actor, fromMs: from, toMs: to });
  }
  return out;
}
