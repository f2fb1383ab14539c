// PostgreSQL through node-postgres: the multi-node store. bigint columns come back as numbers
// (Warden's bigints are epoch milliseconds and sequence numbers, far below 2^53).
import { PostgresDialect } from 'kysely';
import pg from 'pg';

pg.types.setTypeParser(20, (v) => Number(v));

export function createPostgresDialect(url: string): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // A terminated backend errors on its checked-out client too; the query fails, the process lives.
  pool.on('connect', (client) => client.on('error', () => {}));
  return { dialect: new PostgresDialect({ pool }), pool };
}
