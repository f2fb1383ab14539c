// Who is calling: an `Authorization: Bearer` API token, else the session cookie. And the
// CSRF rule: a state-changing request on a cookie session must echo the session's token in
// `x-csrf-token` (API tokens are not ambient credentials, so they need none).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Store } from '../../store/open-store.ts';
import { type Principal, sessionPrincipal, tokenPrincipal } from './session-store.ts';

export const SESSION_COOKIE = 'warden_session';
export const CSRF_HEADER = 'x-csrf-token';

export async function resolvePrincipal(store: Store, req: FastifyRequest): Promise<Principal | undefined> {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) return tokenPrincipal(store, auth.replace(/^Bearer\s+/i, '').trim());
  const cookie = req.cookies[SESSION_COOKIE];
  if (cookie) return sessionPrincipal(store, cookie);
  return undefined;
}

export function csrfOk(principal: Principal, req: FastifyRequest): boolean {
  if (principal.via === 'token') return true;
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !principal.csrf) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(principal.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}
