// Builds the app on a store with one user per role (and a vendor user of each vendor), and
// logs them in through the API, returning cookies, CSRF tokens and API tokens for each;
// `startWorldApp` does all of it on a fresh store holding the test world (world.ts).
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { ROLES, type Role } from '../../src/server/auth/roles.ts';
import { createApiToken } from '../../src/server/auth/session-store.ts';
import { createUser } from '../../src/server/auth/user-store.ts';
import type { Keyring } from '../../src/crypto/keyring.ts';
import type { Store } from '../../src/store/open-store.ts';
import { type DialectName, freshStore, type TestStore } from '../support/dialects.ts';
import { buildWorld, type World } from './world.ts';

export const PASSWORD = 'correct horse battery';

export interface Caller {
  username: string;
  role: Role;
  token: string;
  cookie: string;
  csrf: string;
}

export async function startApp(store: Store, keyring: Keyring, opts: { loginRateLimit?: number } = {}): Promise<FastifyInstance> {
  const app = await buildApp({ store, keyring, loginRateLimit: opts.loginRateLimit ?? 1000 }, { logLevel: 'silent' });
  await app.ready();
  return app;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<{ status: number; cookie: string; csrf: string; body: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/login', payload: { username, password } });
  const set = res.headers['set-cookie'];
  const raw = Array.isArray(set) ? (set[0] ?? '') : (set ?? '');
  const cookie = raw.split(';')[0] ?? '';
  const csrf = res.statusCode === 200 ? (res.json() as { csrf: string }).csrf : '';
  return { status: res.statusCode, cookie, csrf, body: res.body };
}

/** One user per role; the vendor user belongs to crm-vendor. */
export async function usersForRoles(app: FastifyInstance, store: Store): Promise<Map<Role, Caller>> {
  const out = new Map<Role, Caller>();
  for (const role of ROLES) {
    const username = `${role}-user`;
    const u = await createUser(store, { username, password: PASSWORD, role, vendorId: role === 'vendor' ? 'crm-vendor' : undefined });
    const { token } = await createApiToken(store, u.id, 'test');
    const s = await login(app, username, PASSWORD);
    out.set(role, { username, role, token, cookie: s.cookie, csrf: s.csrf });
  }
  return out;
}

export interface WorldApp {
  t: TestStore;
  world: World;
  app: FastifyInstance;
  users: Map<Role, Caller>;
  close(): Promise<void>;
}

/** A fresh store holding the test world, the app on it, and one logged-in caller per role. */
export async function startWorldApp(dialect: DialectName): Promise<WorldApp> {
  const t = await freshStore(dialect);
  const world = await buildWorld(t.store);
  const app = await startApp(t.store, world.keyring);
  const users = await usersForRoles(app, t.store);
  const close = async () => {
    await app.close();
    await t.drop();
  };
  return { t, world, app, users, close };
}
