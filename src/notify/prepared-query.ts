// Runs a Kysely query that returns rows (a select, or a write with RETURNING) on a SQLite file as
// a cached prepared statement: the send's hot paths (a claim and a read per window) skip
// preparing the same SQL text on every call. Kysely still builds and compiles the query, so
// there is one definition for both databases; on PostgreSQL it simply executes.
import type { Statement } from 'better-sqlite3';
import type { Compilable } from 'kysely';
import type { Store } from '../store/open-store.ts';
import type { SqliteHandle } from '../store/sqlite/sqlite-dialect.ts';

const statements = new WeakMap<SqliteHandle, Map<string, Statement<unknown[]>>>();

export async function executeCached<R>(
  store: Store,
  query: Compilable<R> & { execute(): Promise<R[]> },
): Promise<R[]> {
  const raw = store.sqlite;
  if (!raw) return query.execute();
  const compiled = query.compile();
  const cache = statements.get(raw) ?? new Map<string, Statement<unknown[]>>();
  // A handful of texts in practice (IN lists of a few window sizes); bounded all the same.
  if (cache.size > 64) cache.clear();
  statements.set(raw, cache);
  const stmt = cache.get(compiled.sql) ?? raw.prepare<unknown[]>(compiled.sql);
  cache.set(compiled.sql, stmt);
  // Under Kysely's connection lock, so the statement never joins another query's open transaction.
  return store.db.connection().execute(async () => stmt.all(...compiled.parameters) as R[]);
}
