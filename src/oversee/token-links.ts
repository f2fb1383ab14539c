// Portal access without an account: a single-use, expiring link token (stored hashed) that, when
// opened, becomes a portal session bound to ONE assessment of ONE vendor. Every portal call
// resolves the session and must name that same assessment; anything else is not found (404:
// an invalid or spent capability URL reveals nothing, and needs no login to be told so).
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { odb } from './oversee-db.ts';
import { hashToken, newToken } from './token-secret.ts';

export const DEFAULT_LINK_DAYS = 14;

export interface PortalSession {
  assessment_id: string;
  vendor_id: string;
  expires_at: string;
}

export async function issueLink(store: Store, assessmentId: string, options: { now?: Date; days?: number } = {}): Promise<{ token: string; expires_at: string }> {
  const now = options.now ?? new Date();
  const a = await odb(store).selectFrom('oversee_assessments').select(['id', 'vendor_id', 'status']).where('id', '=', assessmentId).executeTakeFirst();
  if (!a) throw new WardenError('not_found', `no assessment '${assessmentId}'`, 'assessment');
  if (a.status === 'submitted' || a.status === 'scored') throw new WardenError('conflict', 'the assessment was already submitted', 'assessment');
  const token = newToken();
  const expires_at = new Date(now.getTime() + (options.days ?? DEFAULT_LINK_DAYS) * 86_400_000).toISOString();
  await odb(store)
    .insertInto('oversee_tokens')
    .values({ hash: hashToken(token), kind: 'link', assessment_id: a.id, vendor_id: a.vendor_id, created_at: now.toISOString(), expires_at, used_at: null, revoked_at: null })
    .execute();
  return { token, expires_at };
}

/** Exchanges a link for a session: works once, before expiry. The same answer for every failure. */
export async function redeemLink(store: Store, token: string, now = new Date()): Promise<{ session: string } & PortalSession> {
  const fail = () => new WardenError('not_found', 'this link is invalid, expired or already used', 'portal');
  if (typeof token !== 'string' || token.length < 20 || token.length > 200) throw fail();
  const db = odb(store);
  const hash = hashToken(token);
  const at = now.toISOString();
  // The conditional update is the single-use guarantee: two racing opens cannot both succeed.
  const res = await db
    .updateTable('oversee_tokens')
    .set({ used_at: at })
    .where('hash', '=', hash)
    .where('kind', '=', 'link')
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw fail();
  const link = await db.selectFrom('oversee_tokens').selectAll().where('hash', '=', hash).executeTakeFirstOrThrow();
  const session = newToken();
  await db
    .insertInto('oversee_tokens')
    .values({ hash: hashToken(session), kind: 'session', assessment_id: link.assessment_id, vendor_id: link.vendor_id, created_at: at, expires_at: link.expires_at, used_at: null, revoked_at: null })
    .execute();
  return { session, assessment_id: link.assessment_id, vendor_id: link.vendor_id, expires_at: link.expires_at };
}

/** The session's scope, checked against the assessment the request names. */
export async function portalSession(store: Store, session: string | undefined, assessmentId: string, now = new Date()): Promise<PortalSession> {
  if (!session) throw new WardenError('not_found', 'open the link from your invitation', 'portal');
  const row = await odb(store)
    .selectFrom('oversee_tokens')
    .selectAll()
    .where('hash', '=', hashToken(session))
    .where('kind', '=', 'session')
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) throw new WardenError('not_found', 'your session has ended; ask for a new link', 'portal');
  if (row.assessment_id !== assessmentId) throw new WardenError('not_found', 'no such assessment', 'portal');
  return { assessment_id: row.assessment_id, vendor_id: row.vendor_id, expires_at: row.expires_at };
}

export async function endPortalSessions(store: Store, assessmentId: string, now = new Date()): Promise<void> {
  await odb(store)
    .updateTable('oversee_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('assessment_id', '=', assessmentId)
    .where('revoked_at', 'is', null)
    .execute();
}
