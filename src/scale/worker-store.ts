// The store a worker uses: the same Kysely schema and migrations as openStore, on a pg pool
// whose every client has an error listener, so PostgreSQL dropping a connection (restart,
// pg_terminate_backend) fails the step in progress (retried with backoff) instead of crashing
// the process with an unhandled 'error' event.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../store/migrate.ts';
import type { Store } from '../store/open-store.ts';
import type { Database } from '../store/schema.ts';

pg.types.setTypeParser(20, (v) => Number(v));

export async function openWorkerStore(url: string, log: (line: string) => void): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  pool.on('error', (err) => log(`postgres (idle client): ${err.message}`));
  pool.on('connect', (client) => client.on('error', (err) => log(`postgres: ${err.message}`)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, dialect: 'postgres', url, close: () => db.destroy() };
}
