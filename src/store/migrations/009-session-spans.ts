// Session lookups move from an index on events(session, time_ms) to a small table of session
// spans (src/logs/session-spans.ts): the index was a third of the ingest writer's time.
// Existing events are summarised into spans before the index goes, so no lookup loses an event.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_sessions')
    .ifNotExists()
    .addColumn('span_session', 'text', (c) => c.notNull())
    .addColumn('span_actor', 'text', (c) => c.notNull())
    .addColumn('first_ms', 'bigint', (c) => c.notNull())
    .addColumn('last_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_sessions_pk', ['span_session', 'span_actor'])
    .execute();
  await sql`insert into event_sessions (span_session, span_actor, first_ms, last_ms)
    select session, coalesce(actor_user, ''), min(time_ms), max(time_ms) from events
    where session is not null group by session, coalesce(actor_user, '')
    on conflict (span_session, span_actor) do nothing`.execute(db);
  await db.schema.dropIndex('events_session_time').ifExists().execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('events_session_time')
    .ifNotExists()
    .on('events')
    .columns(['session', 'time_ms'])
    .execute();
  await db.schema.dropTable('event_sessions').ifExists().execute();
}
