// Prometheus metrics at /metrics (prom-client): request counts and latency by route
// pattern (never the raw URL, which could carry ids), plus the process defaults.
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { ViewCache } from './views/view-cache.ts';

export function installMetrics(app: FastifyInstance, views?: ViewCache): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const latency = new Histogram({
    name: 'warden_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    latency.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  if (views) {
    // Read from the cache's own tallies at scrape time: nothing added to the request path.
    new Counter({
      name: 'warden_view_cache_lookups_total',
      help: 'Incident workspace view lookups by result (hit: served from the cache)',
      labelNames: ['result'],
      registers: [registry],
      collect() {
        this.reset();
        this.inc({ result: 'hit' }, views.stats.hits);
        this.inc({ result: 'miss' }, views.stats.misses);
      },
    });
  }
  app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  return registry;
}
