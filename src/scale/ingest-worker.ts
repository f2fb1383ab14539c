// The ingest role: a member of the shared durable consumer on the raw stream (any number run
// side by side). Per batch it normalizes lines with the adapters, stores events (idempotent by
// id) and quarantines malformed lines in PostgreSQL, publishes each event to its actor's
// partition and the batch's context tuples (one message per partition per batch), and acks the
// raw messages only after all of that. A redelivered batch repeats idempotent effects only.
import type { JetStreamClient, JetStreamManager, JsMsg } from 'nats';
import type { AccessEvent } from '../logs/access-event.ts';
import { adapterFor } from '../logs/adapters/registry.ts';
import { insertEvents, type QuarantinedLine, quarantineLines } from '../logs/event-store.ts';
import type { LineParser } from '../logs/log-adapter.ts';
import type { Store } from '../store/open-store.ts';
import { type ContextTuple, contextTuple } from './context-tuple.ts';
import type { WorkerMetrics } from './metrics.ts';
import { H_CSV_HEADER, H_FILE, H_FORMAT, H_LINE, positionOf } from './raw-line.ts';
import { partitionOf, type Topology } from './topology.ts';

export interface IngestDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  store: Store;
  topo: Topology;
  partitions: number;
  metrics: WorkerMetrics;
  batch?: number;
  log?: (line: string) => void;
}

export class IngestWorker {
  private readonly parsers = new Map<string, LineParser>();
  constructor(private readonly d: IngestDeps) {}

  private parserFor(source: string, format: string, csvHeader: string | undefined): LineParser {
    const key = `${source}\n${format}\n${csvHeader ?? ''}`;
    let p = this.parsers.get(key);
    if (!p) {
      p = adapterFor(format).open({ source });
      if (csvHeader !== undefined) p.parse(csvHeader, 1);
      this.parsers.set(key, p);
    }
    return p;
  }

  /** Fetches and processes one batch; returns how many raw messages it handled. */
  async step(): Promise<number> {
    const consumer = await this.d.js.consumers.get(this.d.topo.rawStream, this.d.topo.ingestConsumer);
    const msgs: JsMsg[] = [];
    const it = await consumer.fetch({ max_messages: this.d.batch ?? 4, expires: 1000 });
    for await (const m of it) msgs.push(m);
    if (msgs.length === 0) return 0;
    await this.handle(msgs);
    for (const m of msgs) m.ack();
    // acks are fire-and-forget; the last one is confirmed so the ack floor moves before we go on
    await msgs[msgs.length - 1]?.ackAck().catch(() => false);
    return msgs.length;
  }

  private async handle(msgs: JsMsg[]): Promise<void> {
    const events: Array<{ pos: number; line: number; event: AccessEvent }> = [];
    const bad: QuarantinedLine[] = [];
    let lines = 0;
    for (const m of msgs) {
      const source = m.subject.slice(m.subject.lastIndexOf('.') + 1);
      const h = m.headers;
      const format = h?.get(H_FORMAT) || 'jsonl';
      const first = Number(h?.get(H_LINE) || 1);
      const parser = this.parserFor(source, format, h?.get(H_CSV_HEADER) || undefined);
      for (const [i, text] of m.string().split('\n').entries()) {
        lines++;
        const line = first + i;
        let r: ReturnType<LineParser['parse']>;
        try {
          r = parser.parse(text, line);
        } catch (err) {
          r = { ok: false, reason: `${format}: ${String(err)}` };
        }
        if (r.ok === 'skip') continue;
        if (r.ok) events.push({ pos: positionOf(m.seq, i), line, event: r.event });
        else bad.push({ source, file: h?.get(H_FILE) || `nats:${m.subject}`, line, reason: r.reason, raw: text });
      }
    }
    this.d.metrics.eventsIn.inc({ role: 'ingest' }, lines);
    await insertEvents(this.d.store, events.map((e) => e.event));
    this.d.metrics.malformed.inc(await quarantineLines(this.d.store, bad));
    const byPartition = new Map<number, PartitionEntry[]>();
    const tuples: ContextTuple[] = [];
    for (const { pos, line, event } of events) {
      const p = partitionOf(event.actor.user ?? event.src_ip ?? '', this.d.partitions);
      const list = byPartition.get(p) ?? [];
      if (list.length === 0) byPartition.set(p, list);
      list.push([pos, line, event]);
      tuples.push(contextTuple(pos, event));
    }
    const span = `${(msgs[0] as JsMsg).seq}-${(msgs[msgs.length - 1] as JsMsg).seq}`;
    const acks: Array<Promise<unknown>> = [];
    for (const [p, list] of byPartition) {
      acks.push(this.d.js.publish(this.d.topo.partitionSubject(p), JSON.stringify(list), { msgID: `e${span}-${p}`, timeout: 20_000 }));
    }
    if (tuples.length > 0) acks.push(this.d.js.publish(this.d.topo.ctxSubject, JSON.stringify(tuples), { msgID: `c${span}`, timeout: 20_000 }));
    await Promise.all(acks);
    this.d.metrics.eventsOut.inc({ role: 'ingest' }, events.length);
  }
}

/** [position, line number, normalized event]: what a partition message carries, in order. */
export type PartitionEntry = [number, number, AccessEvent];
