// Every store test runs on every real database: SQLite in a temp dir, and PostgreSQL in a
// fresh database per suite (WARDEN_TEST_PG, default postgres://postgres@127.0.0.1:5432/test).
// Without PostgreSQL the PG half says so loudly and is skipped, unless WARDEN_TEST_PG_REQUIRED=1.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/open-store.ts';

export const PG_URL = process.env.WARDEN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_REQUIRED = process.env.WARDEN_TEST_PG_REQUIRED === '1';

let pgAvailable: Promise<boolean> | undefined;

export function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (err) {
      if (PG_REQUIRED) throw new Error(`PostgreSQL required but unreachable at ${PG_URL}: ${String(err)}`);
      console.error(`\n!!! PostgreSQL NOT AVAILABLE at ${PG_URL}: PostgreSQL store tests are NOT running !!!\n`);
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgAvailable;
}

export interface TestStore {
  store: Store;
  url: string;
  drop(): Promise<void>;
}

export type DialectName = 'sqlite' | 'postgres';
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

export async function freshUrl(dialect: DialectName): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'warden-test-'));
    return { url: `sqlite:${join(dir, 'warden.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `warden_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A migrated store on a fresh database; `drop()` closes it and removes the database. */
export async function freshStore(dialect: DialectName): Promise<TestStore> {
  const { url, drop } = await freshUrl(dialect);
  const store = await openStore(url);
  return {
    store,
    url,
    drop: async () => {
      await store.close();
      await drop();
    },
  };
}

/** Dialects to run now: sqlite always, postgres when reachable (or required). */
export async function activeDialects(): Promise<DialectName[]> {
  return (await postgresAvailable()) ? DIALECTS : ['sqlite'];
}
