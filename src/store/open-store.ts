// Opens the store named by a URL (`sqlite:PATH` or `postgres://…`), migrated to the latest
// version. Capabilities receive a Store and reach tables through their own repository modules.
import { Kysely, sql } from 'kysely';
import { WardenError } from '../errors.ts';
import { migrateToLatest } from './migrate.ts';
import { createPostgresDialect } from './postgres/postgres-dialect.ts';
import type { Database } from './schema.ts';
import { createSqliteDialect, type SqliteHandle } from './sqlite/sqlite-dialect.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly url: string;
  /** The raw SQLite handle, for the few hot paths that use prepared statements directly. */
  readonly sqlite?: SqliteHandle;
  close(): Promise<void>;
}

export async function openStore(url: string, options: { migrate?: boolean } = {}): Promise<Store> {
  let db: Kysely<Database>;
  let dialect: DialectName;
  let sqlite: SqliteHandle | undefined;
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (!path) throw new WardenError('bad_usage', 'sqlite URL needs a path', '--db');
    const created = createSqliteDialect(path);
    sqlite = created.raw;
    db = new Kysely<Database>({ dialect: created.dialect });
    dialect = 'sqlite';
  } else if (/^postgres(ql)?:\/\//.test(url)) {
    db = new Kysely<Database>({ dialect: createPostgresDialect(url).dialect });
    dialect = 'postgres';
    try {
      await sql`select 1`.execute(db);
    } catch (err) {
      await db.destroy();
      throw new WardenError('store', `cannot reach PostgreSQL: ${String(err)}`, '--db');
    }
  } else {
    throw new WardenError('bad_usage', `unknown store URL '${url}' (sqlite:PATH or postgres://…)`, '--db');
  }
  // Kysely's migrator takes an advisory lock on PostgreSQL, so workers starting at once are safe.
  if (options.migrate !== false) await migrateToLatest(db);
  return { db, dialect, url, ...(sqlite ? { sqlite } : {}), close: () => db.destroy() };
}
