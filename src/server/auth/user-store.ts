// Local users: create, find, list, reset passwords, and the lockout counter (after
// MAX_FAILURES consecutive bad passwords the account is locked for LOCK_MS). Never returns or
// logs a password hash outside this module.
import { randomUUID } from 'node:crypto';
import { WardenError } from '../../errors.ts';
import type { Store } from '../../store/open-store.ts';
import { authDb, type UsersTable } from './auth-db.ts';
import { hashPassword } from './passwords.ts';
import { isRole, type Role } from './roles.ts';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
export const MIN_PASSWORD = 12;

export interface User {
  id: string;
  username: string;
  role: Role;
  vendor_id: string | null;
  created_at: string;
  locked: boolean;
}

export function toUser(r: UsersTable, now = Date.now()): User {
  return {
    id: r.id,
    username: r.username,
    role: isRole(r.role) ? r.role : 'auditor',
    vendor_id: r.vendor_id,
    created_at: r.created_at,
    locked: r.locked_until !== null && Number(r.locked_until) > now,
  };
}

function checkUsername(u: string): string {
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(u)) throw new WardenError('bad_input', 'usernames are 1-64 letters, digits or ._@-', 'username');
  return u;
}

function checkPassword(p: string): string {
  if (p.length < MIN_PASSWORD) throw new WardenError('bad_input', `passwords have at least ${MIN_PASSWORD} characters`, 'password');
  return p;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  vendorId?: string | undefined;
}

export async function createUser(store: Store, input: NewUser): Promise<User> {
  checkUsername(input.username);
  checkPassword(input.password);
  if (input.role === 'vendor' && !input.vendorId) throw new WardenError('bad_input', 'a vendor user needs the vendor it belongs to', 'vendor');
  if (input.role !== 'vendor' && input.vendorId) throw new WardenError('bad_input', 'only vendor users belong to a vendor', 'vendor');
  if (await findUserRow(store, input.username)) throw new WardenError('conflict', `user '${input.username}' exists`, 'username');
  const row: UsersTable = {
    id: `u-${randomUUID().slice(0, 12)}`,
    username: input.username,
    password_hash: await hashPassword(input.password),
    role: input.role,
    vendor_id: input.vendorId ?? null,
    failed_logins: 0,
    locked_until: null,
    created_at: new Date().toISOString(),
  };
  await authDb(store).insertInto('users').values(row).execute();
  return toUser(row);
}

export async function findUserRow(store: Store, username: string): Promise<UsersTable | undefined> {
  return authDb(store).selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function getUser(store: Store, id: string): Promise<User | undefined> {
  const r = await authDb(store).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function listUsers(store: Store): Promise<User[]> {
  const rows = await authDb(store).selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map((r) => toUser(r));
}

export async function countUsers(store: Store): Promise<number> {
  const r = await authDb(store).selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Sets a new password and clears any lockout. */
export async function resetPassword(store: Store, username: string, password: string): Promise<User> {
  checkPassword(password);
  const row = await findUserRow(store, username);
  if (!row) throw new WardenError('not_found', `no user '${username}'`, 'username');
  const password_hash = await hashPassword(password);
  await authDb(store).updateTable('users').set({ password_hash, failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
  return toUser({ ...row, failed_logins: 0, locked_until: null });
}

/** Counts a failed login; returns true when this failure locked the account. */
export async function recordLoginFailure(store: Store, row: UsersTable, now = Date.now()): Promise<boolean> {
  const failures = Number(row.failed_logins) + 1;
  const lock = failures >= MAX_FAILURES;
  await authDb(store)
    .updateTable('users')
    .set({ failed_logins: lock ? 0 : failures, locked_until: lock ? now + LOCK_MS : row.locked_until })
    .where('id', '=', row.id)
    .execute();
  return lock;
}

export async function clearLoginFailures(store: Store, userId: string): Promise<void> {
  await authDb(store).updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}
