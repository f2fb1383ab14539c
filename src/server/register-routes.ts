// Mounts route definitions on Fastify as one chain per route: authenticate → authorise by
// the route's declared roles → CSRF → validate with its zod schemas → handler → audit, and
// after any state-changing request the view cache is cleared. Nothing else authorises; a
// route without `access` cannot be declared.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { appendAudit } from '../audit/audit-log.ts';
import { WardenError } from '../errors.ts';
import { csrfOk, resolvePrincipal } from './auth/authenticate.ts';
import { allows } from './auth/roles.ts';
import type { Principal } from './auth/session-store.ts';
import { sendProblem, problemOf } from './problem.ts';
import { type AnyRoute, type AppDeps, isStateChanging, type RouteRequest, type ServerDeps } from './route-def.ts';

function parsePart(schema: z.ZodType | undefined, value: unknown, part: string): unknown {
  if (!schema) return value ?? {};
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.length ? `${part}.${issue.path.join('.')}` : part;
  throw new WardenError('bad_input', issue?.message ?? 'invalid', path);
}

export function actorOf(p: Principal | undefined): string {
  return p ? `user:${p.username}` : 'anonymous';
}

async function guard(route: AnyRoute, deps: ServerDeps, req: FastifyRequest): Promise<Principal | undefined> {
  // Public routes (health, login) never need to know who calls: no session lookup.
  if (route.access === 'public') return undefined;
  const principal = await resolvePrincipal(deps.store, req);
  if (!principal) throw new WardenError('unauthenticated', 'log in or send an API token', req.url.split('?')[0]);
  if (!allows(route.access, principal.role)) throw new WardenError('forbidden', `role '${principal.role}' may not call this route`, `${route.method} ${route.url}`);
  if (isStateChanging(route.method) && !csrfOk(principal, req)) throw new WardenError('forbidden', 'missing or wrong CSRF token (x-csrf-token)', 'x-csrf-token');
  return principal;
}

export function registerRoutes(app: FastifyInstance, routes: readonly AnyRoute[], deps: AppDeps): void {
  for (const route of routes) {
    const config = route.rateLimit ? { rateLimit: { max: route.rateLimit.max, timeWindow: route.rateLimit.timeWindowMs } } : {};
    app.route({
      method: route.method,
      url: route.url,
      config,
      handler: async (req: FastifyRequest, reply: FastifyReply) => {
        const instance = req.url.split('?')[0];
        let handled = false;
        try {
          const principal = await guard(route, deps, req);
          const request: RouteRequest<unknown, unknown, unknown> = {
            params: parsePart(route.params, req.params, 'params'),
            query: parsePart(route.query, req.query, 'query'),
            body: parsePart(route.body, req.body, 'body'),
            principal,
            deps,
            ip: req.ip,
            cookies: req.cookies,
            audit: async (action, target, details) => {
              await appendAudit(deps.store, { actor: actorOf(principal), action, target, details: details ?? {} });
            },
          };
          handled = true;
          const result = await route.handler(request as never, reply);
          if (route.audit && reply.statusCode < 400) {
            const id = (request.params as { id?: unknown }).id;
            await request.audit(route.audit, typeof id === 'string' ? id : String(instance));
          }
          if (reply.sent) return reply;
          return result;
        } catch (err) {
          const p = problemOf(err, instance);
          if (p.status >= 500) req.log.error({ err }, 'route failed');
          return sendProblem(reply, p);
        } finally {
          // Whatever a write route's handler did, even half of it before failing, no view
          // outlives it. Refused requests wrote nothing, so they cannot flush the cache.
          if (handled && isStateChanging(route.method)) deps.views.clear();
        }
      },
    });
  }
}
