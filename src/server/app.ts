// Builds the Fastify app: security headers (helmet, strict CSP: no inline script, no CDN),
// cookies, the login rate limit, metrics, every route from routes/index.ts through the one
// authorising chain, the OpenAPI document, and the dashboard with its SPA fallback.
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { resolvePrincipal } from './auth/authenticate.ts';
import { ANY_USER } from './auth/roles.ts';
import { loggerOptions } from './logger.ts';
import { installMetrics } from './metrics.ts';
import { openApiDocument } from './openapi.ts';
import { problemOf, sendProblem } from './problem.ts';
import { registerRoutes } from './register-routes.ts';
import { type AnyRoute, defineRoute, type ServerDeps } from './route-def.ts';
import * as routeFiles from './routes/index.ts';
import { storeVersionOf } from './views/store-version.ts';
import { ViewCache } from './views/view-cache.ts';
import { dashboardBuilt, WEB_DIST } from './web-assets.ts';

export function allRoutes(): AnyRoute[] {
  const routes: AnyRoute[] = Object.values(routeFiles).flat();
  const openapi = defineRoute({
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'this document',
    access: ANY_USER,
    handler: async () => doc,
  });
  const doc = openApiDocument([...routes, openapi]);
  return [...routes, openapi];
}

export interface AppOptions {
  logLevel?: string;
}

export async function buildApp(deps: ServerDeps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const logger = pino(loggerOptions(opts.logLevel ?? 'info') as pino.LoggerOptions, pino.destination(2));
  // The custom logger's type parameter is erased: routes see the base logger interface.
  const app = Fastify({ loggerInstance: logger, bodyLimit: 1024 * 1024, trustProxy: false }) as unknown as FastifyInstance;
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  await app.register(fastifyRateLimit, { global: false });
  const views = new ViewCache(storeVersionOf(deps.store));
  installMetrics(app, views);
  const routes = allRoutes().map((r) =>
    r.url === '/api/login' && deps.loginRateLimit ? { ...r, rateLimit: { max: deps.loginRateLimit, timeWindowMs: 60_000 } } : r,
  );
  registerRoutes(app, routes, { ...deps, views });

  app.setErrorHandler((err, req, reply) => {
    const p = problemOf(err, req.url.split('?')[0]);
    if (p.status >= 500) req.log.error({ err }, 'request failed');
    return sendProblem(reply, p);
  });

  const web = dashboardBuilt();
  if (web) await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', index: ['index.html'], wildcard: true });
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path === '/api') {
      // Unknown API paths answer as protected routes do: anonymous callers learn nothing.
      const who = await resolvePrincipal(deps.store, req).catch(() => undefined);
      return sendProblem(reply, problemOf(Object.assign(new Error(who ? 'no such route' : 'log in or send an API token'), { statusCode: who ? 404 : 401 }), path));
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && web && !/\.\w+$/.test(path)) return reply.type('text/html').sendFile('index.html');
    if (!web && path === '/') return reply.type('text/plain').send('Warden API is running; the dashboard is not built (npm run build:web).');
    return sendProblem(reply, problemOf(Object.assign(new Error('not found'), { statusCode: 404 }), path));
  });
  return app;
}
