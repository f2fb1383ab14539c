// Login, logout and who-am-I. Login sets an HTTP-only SameSite=Strict session cookie and
// returns the session's CSRF token, which the dashboard echoes on state-changing requests.
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { attemptLogin } from '../auth/login.ts';
import { ANY_USER } from '../auth/roles.ts';
import { createSession, deleteSession, SESSION_TTL_MS } from '../auth/session-store.ts';
import { fail } from '../problem.ts';
import { defineRoute } from '../route-def.ts';

const LoginBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });

export const routes = [
  defineRoute({
    method: 'POST',
    url: '/api/login',
    summary: 'log in with a username and password; sets the session cookie',
    access: 'public',
    body: LoginBody,
    response: z.object({ username: z.string(), role: z.string(), csrf: z.string() }),
    rateLimit: { max: 20, timeWindowMs: 60_000 },
    handler: async (req, reply) => {
      const user = await attemptLogin(req.deps.store, req.body.username, req.body.password, req.ip);
      if (!user) fail('unauthenticated', 'wrong username or password', 'login');
      const s = await createSession(req.deps.store, user.id);
      reply.setCookie(SESSION_COOKIE, s.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.deps.secureCookies === true,
        path: '/',
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return { username: user.username, role: user.role, vendor_id: user.vendor_id, csrf: s.csrf };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/logout',
    summary: 'end the session',
    access: ANY_USER,
    audit: 'auth.logout',
    handler: async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(req.deps.store, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/me',
    summary: 'the calling user, and the CSRF token of its session',
    access: ANY_USER,
    response: z.object({ username: z.string(), role: z.string(), vendor_id: z.string().nullable(), csrf: z.string().nullable() }),
    handler: async (req) => {
      const p = req.principal!;
      return { username: p.username, role: p.role, vendor_id: p.vendorId, csrf: p.csrf ?? null };
    },
  }),
];
