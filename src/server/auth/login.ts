// Password login: one answer for unknown user, wrong password and locked account (each
// path runs a scrypt verification, so timing does not tell them apart); repeated failures
// lock the account. Every attempt is audited (usernames only, never passwords).
import { appendAudit } from '../../audit/audit-log.ts';
import type { Store } from '../../store/open-store.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { clearLoginFailures, findUserRow, recordLoginFailure, toUser, type User } from './user-store.ts';

export async function attemptLogin(store: Store, username: string, password: string, ip: string, now = Date.now()): Promise<User | undefined> {
  const row = await findUserRow(store, username);
  const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
  const locked = row !== undefined && row.locked_until !== null && Number(row.locked_until) > now;
  if (row && ok && !locked) {
    await clearLoginFailures(store, row.id);
    await appendAudit(store, { actor: `user:${row.username}`, action: 'auth.login', target: row.id, details: { ip } });
    return toUser(row, now);
  }
  let lockedNow = false;
  if (row && !locked) lockedNow = await recordLoginFailure(store, row, now);
  await appendAudit(store, {
    actor: 'anonymous',
    action: lockedNow ? 'auth.locked' : 'auth.login_failed',
    target: row ? row.id : 'unknown-user',
    details: { ip, ...(locked ? { while_locked: true } : {}) },
  });
  return undefined;
}
