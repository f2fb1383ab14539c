// The first run's admin (CONTRACTS.md): when the store has no users, create `admin` with the
// password from WARDEN_ADMIN_PASSWORD, else a generated one that the caller prints once.
import { appendAudit } from '../audit/audit-log.ts';
import type { Store } from '../store/open-store.ts';
import { generatePassword } from './auth/passwords.ts';
import { countUsers, createUser } from './auth/user-store.ts';

export interface FirstAdmin {
  username: string;
  password: string;
  generated: boolean;
}

export async function ensureFirstAdmin(store: Store, configured?: string): Promise<FirstAdmin | undefined> {
  if ((await countUsers(store)) > 0) return undefined;
  const password = configured ?? generatePassword();
  await createUser(store, { username: 'admin', password, role: 'admin' });
  await appendAudit(store, { actor: 'system', action: 'users.add', target: 'admin', details: { role: 'admin', first_run: true } });
  return { username: 'admin', password, generated: configured === undefined };
}
