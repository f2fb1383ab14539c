// SQLite through better-sqlite3 (v12: v13 crashes on Node 20): the embedded default.
// WAL so the dashboard can read while ingest writes; NORMAL sync is durable across a process
// crash (kill -9), which is the failure the ingest contract cares about.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

export type SqliteHandle = Sqlite.Database;

export function createSqliteDialect(path: string): {
  dialect: SqliteDialect;
  raw: Sqlite.Database;
} {
  const raw = openSqliteFile(path);
  return { dialect: new SqliteDialect({ database: raw }), raw };
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
