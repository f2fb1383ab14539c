// The auth tables' types (migration 005) and a typed view of the store's Kysely for them;
// only the auth repositories (user-store, session-store) use it.
import type { Kysely } from 'kysely';
import type { Store } from '../../store/open-store.ts';

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  vendor_id: string | null;
  failed_logins: number;
  locked_until: number | null;
  created_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf: string;
  created_at: string;
  expires_ms: number;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: string;
}

export interface AuthDb {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}

export function authDb(store: Store): Kysely<AuthDb> {
  return store.db as unknown as Kysely<AuthDb>;
}
