// Prometheus metrics of one worker (events in/out, alerts, errors, lag per partition) on its
// own registry, served at /metrics when the worker is given a port. Nothing else listens.
import { createServer, type Server } from 'node:http';
import { Counter, Gauge, Registry } from 'prom-client';

export class WorkerMetrics {
  readonly registry = new Registry();
  readonly eventsIn = new Counter({ name: 'warden_worker_events_in_total', help: 'raw lines (ingest) or events (detect) taken in', labelNames: ['role'], registers: [this.registry] });
  readonly eventsOut = new Counter({ name: 'warden_worker_events_out_total', help: 'events stored and published (ingest) or detected over (detect)', labelNames: ['role'], registers: [this.registry] });
  readonly malformed = new Counter({ name: 'warden_worker_malformed_total', help: 'raw lines quarantined', registers: [this.registry] });
  readonly alerts = new Counter({ name: 'warden_worker_alert_hits_total', help: 'alert hits written (created or merged)', registers: [this.registry] });
  readonly errors = new Counter({ name: 'warden_worker_errors_total', help: 'failed steps (retried with backoff)', labelNames: ['role'], registers: [this.registry] });
  readonly lag = new Gauge({ name: 'warden_worker_partition_lag', help: 'raw-stream messages not yet detected, per owned partition', labelNames: ['partition'], registers: [this.registry] });
  readonly owned = new Gauge({ name: 'warden_worker_partitions_owned', help: 'partitions this worker holds the lease of', registers: [this.registry] });

  serve(port: number, host = '127.0.0.1'): Promise<Server> {
    const server = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
  }
}
