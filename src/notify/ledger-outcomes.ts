// Records what became of a claimed window of notices, in one transaction per window: on a
// SQLite file one prepared UPDATE per row inside a single synchronous transaction (the send's
// hot path), on PostgreSQL one `UPDATE … FROM (VALUES …)` statement. Either way a crash leaves
// the whole window `sending`, never half of it recorded.
import { type Kysely, sql } from 'kysely';
import type { Store } from '../store/open-store.ts';
import type { Database } from '../store/schema.ts';
import type { SqliteHandle } from '../store/sqlite/sqlite-dialect.ts';

export interface Outcome {
  id: string;
  state: 'sent' | 'failed' | 'queued';
  attempts: number;
  lastError: string | null;
  /** The server's answer: the SMTP reply for email, the gateway's status and body for SMS. */
  smtpResponse: string | null;
  messageId: string | null;
}

type SqliteRecord = (outcomes: Outcome[], now: string) => void;
const sqliteWriters = new WeakMap<SqliteHandle, SqliteRecord>();

function sqliteRecorder(raw: SqliteHandle): SqliteRecord {
  let fn = sqliteWriters.get(raw);
  if (!fn) {
    const update = raw.prepare('update notices set state = ?, attempts = ?, last_error = ?, smtp_response = ?, message_id = ?, updated_at = ? where id = ?');
    fn = raw.transaction((outcomes: Outcome[], now: string) => {
      for (const o of outcomes) update.run(o.state, o.attempts, o.lastError, o.smtpResponse, o.messageId, now, o.id);
    }).immediate; // takes the write lock up front (see sqlite-dialect.ts)
    sqliteWriters.set(raw, fn);
  }
  return fn;
}

async function recordOnPostgres(db: Kysely<Database>, outcomes: Outcome[], now: string): Promise<void> {
  for (let i = 0; i < outcomes.length; i += 500) {
    const rows = sql.join(outcomes.slice(i, i + 500).map((o) => sql`(${o.id}, ${o.state}, ${String(o.attempts)}, ${o.lastError}, ${o.smtpResponse}, ${o.messageId})`));
    await sql`update notices as n
      set state = v.state, attempts = v.attempts::integer, last_error = v.last_error,
          smtp_response = v.smtp_response, message_id = v.message_id, updated_at = ${now}
      from (values ${rows}) as v(id, state, attempts, last_error, smtp_response, message_id)
      where n.id = v.id`.execute(db);
  }
}

/** Records a window's outcomes atomically. */
export async function recordOutcomes(store: Store, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const now = new Date().toISOString();
  const raw = store.sqlite;
  if (!raw) {
    if (outcomes.length > 500) await store.db.transaction().execute((tx) => recordOnPostgres(tx, outcomes, now));
    else await recordOnPostgres(store.db, outcomes, now);
    return;
  }
  // Holding Kysely's one SQLite connection keeps this transaction out of any other query's
  // open transaction (a statement run beside Kysely would otherwise join it).
  await store.db.connection().execute(async () => sqliteRecorder(raw)(outcomes, now));
}
