// SQLite through better-sqlite3 (v12: v13 crashes on Node 20): the embedded default.
// WAL so the dashboard can read while ingest writes; NORMAL sync is durable across a process
// crash (kill -9), which is the failure the ingest contract cares about.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver } from 'kysely';

export type SqliteHandle = Sqlite.Database;

export function createSqliteDialect(path: string): {
  dialect: SqliteDialect;
  raw: Sqlite.Database;
} {
  const raw = openSqliteFile(path);
  return { dialect: new ImmediateSqliteDialect({ database: raw }), raw };
}

// Every transaction takes the write lock when it begins. Kysely's plain `begin` is deferred: a
// transaction that reads and then writes (the alert upsert, scoping) must upgrade its read lock,
// and under WAL that upgrade fails at once with SQLITE_BUSY when another connection (the ingest
// writer thread) has written meanwhile: busy_timeout never gets a chance to wait. `begin
// immediate` waits for the lock up front, under busy_timeout, so concurrent writers queue.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  private readonly config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
}

/** One connection with Warden's settings; also used by the ingest writer thread. */
export function openSqliteFile(path: string): Sqlite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new Sqlite(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('foreign_keys = ON');
  raw.pragma('cache_size = -65536');
  // Fewer, larger checkpoints: bulk ingest writes hundreds of MB.
  raw.pragma('wal_autocheckpoint = 10000');
  return raw;
}
