// User administration for admins: list, add, reset a password, issue an API token (the
// token is in this one answer and nowhere else). `warden users` is the CLI face of the same.
import { z } from 'zod';
import { createApiToken, deleteSessionsOf } from '../auth/session-store.ts';
import { ROLES } from '../auth/roles.ts';
import { createUser, getUser, listUsers, MIN_PASSWORD, resetPassword } from '../auth/user-store.ts';
import { fail } from '../problem.ts';
import { defineRoute } from '../route-def.ts';
import { IdParams } from './schemas.ts';

const ADMIN = ['admin'] as const;

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/api/users',
    summary: 'local users',
    access: ADMIN,
    handler: async (req) => listUsers(req.deps.store),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users',
    summary: 'add a user',
    access: ADMIN,
    body: z.object({ username: z.string().min(1).max(64), password: z.string().min(MIN_PASSWORD).max(1000), role: z.enum(ROLES), vendor_id: z.string().min(1).max(200).optional() }),
    audit: 'users.add',
    handler: async (req) => createUser(req.deps.store, { username: req.body.username, password: req.body.password, role: req.body.role, vendorId: req.body.vendor_id }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/users/:id/password',
    summary: "reset a user's password (ends its sessions)",
    access: ADMIN,
    params: IdParams,
    body: z.object({ password: z.string().min(MIN_PASSWORD).max(1000) }),
    audit: 'users.reset_password',
    handler: async (req) => {
      const u = (await getUser(req.deps.store, req.params.id)) ?? fail('not_found', `no user '${req.params.id}'`, 'user');
      const updated = await resetPassword(req.deps.store, u.username, req.body.password);
      await deleteSessionsOf(req.deps.store, u.id);
      return updated;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/tokens',
    summary: 'issue an API token for a user (shown once)',
    access: ADMIN,
    params: IdParams,
    body: z.object({ name: z.string().min(1).max(100) }),
    audit: 'users.token',
    handler: async (req) => {
      const u = (await getUser(req.deps.store, req.params.id)) ?? fail('not_found', `no user '${req.params.id}'`, 'user');
      const t = await createApiToken(req.deps.store, u.id, req.body.name);
      return { id: t.id, token: t.token, username: u.username };
    },
  }),
];
