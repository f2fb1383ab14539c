// A token that changes whenever a write is committed to the store, by this process or by any
// other (the CLI, `warden ingest`, workers): what the view cache checks before reusing a view.
// It reads no table, so a check costs one trivial statement; it never says which rows changed.
import { sql } from 'kysely';
import type { Store } from '../../store/open-store.ts';

export type StoreVersion = () => Promise<string>;

export function storeVersionOf(store: Store): StoreVersion {
  const raw = store.sqlite;
  if (raw) {
    // data_version moves when another connection commits; total_changes() counts the rows this
    // connection has written, which data_version deliberately ignores. Together: any write.
    const stmt = raw.prepare(
      'select (select data_version from pragma_data_version) as v, total_changes() as c',
    );
    return async () => {
      const r = stmt.get() as { v: number; c: number };
      return `${r.v}:${r.c}`;
    };
  }
  // PostgreSQL: two equal snapshots have the same committed transactions, and every write gets
  // a transaction id, so an unchanged snapshot means nothing was written in between.
  return async () =>
    (await sql<{ s: string }>`select pg_current_snapshot()::text as s`.execute(store.db)).rows[0]
      ?.s ?? '';
}
