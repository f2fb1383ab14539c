// Sessions and API tokens: the secret goes to the client once; the store keeps only its
// SHA-256. A session carries its CSRF token; an API token stands for its user until deleted.
import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/open-store.ts';
import { authDb } from './auth-db.ts';
import { randomSecret, sha256 } from './passwords.ts';
import type { Role } from './roles.ts';
import { toUser } from './user-store.ts';

export const SESSION_TTL_MS = 12 * 3600_000;

export interface Principal {
  userId: string;
  username: string;
  role: Role;
  vendorId: string | null;
  via: 'session' | 'token';
  csrf?: string;
}

export async function createSession(store: Store, userId: string, now = Date.now()): Promise<{ token: string; csrf: string; expiresMs: number }> {
  const token = randomSecret();
  const csrf = randomSecret();
  const expiresMs = now + SESSION_TTL_MS;
  await authDb(store)
    .insertInto('sessions')
    .values({ id_hash: sha256(token), user_id: userId, csrf, created_at: new Date(now).toISOString(), expires_ms: expiresMs })
    .execute();
  return { token, csrf, expiresMs };
}

export async function sessionPrincipal(store: Store, token: string, now = Date.now()): Promise<Principal | undefined> {
  const r = await authDb(store)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf', 'sessions.expires_ms'])
    .where('sessions.id_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!r || Number(r.expires_ms) <= now) return undefined;
  const u = toUser(r, now);
  return { userId: u.id, username: u.username, role: u.role, vendorId: u.vendor_id, via: 'session', csrf: r.csrf };
}

export async function deleteSession(store: Store, token: string): Promise<void> {
  await authDb(store).deleteFrom('sessions').where('id_hash', '=', sha256(token)).execute();
}

export async function deleteSessionsOf(store: Store, userId: string): Promise<void> {
  await authDb(store).deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Issues an API token; the returned secret is shown once and never stored. */
export async function createApiToken(store: Store, userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = randomSecret('wdn_');
  const id = `t-${randomUUID().slice(0, 12)}`;
  await authDb(store)
    .insertInto('api_tokens')
    .values({ id, token_hash: sha256(token), user_id: userId, name, created_at: new Date().toISOString() })
    .execute();
  return { id, token };
}

export async function tokenPrincipal(store: Store, token: string): Promise<Principal | undefined> {
  const r = await authDb(store)
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .where('api_tokens.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!r) return undefined;
  const u = toUser(r);
  return { userId: u.id, username: u.username, role: u.role, vendorId: u.vendor_id, via: 'token' };
}
