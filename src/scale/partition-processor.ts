// Detection of one owned partition. Reads the partition's events and every event's history view
// from JetStream, and releases them in raw-stream order only up to the ingest consumer's
// ack floor (everything at or below it has been published), so each partition sees its actors'
// events in exactly the order one process would. State is rebuilt by replaying the retained
// stream; hits at or below the PostgreSQL checkpoint were committed before and are not written
// again; newer hits are upserted (idempotent by (rule, group, window)) and then the checkpoint.
import type { Consumer, JetStreamClient, JetStreamManager } from 'nats';
import { AckPolicy, DeliverPolicy } from 'nats';
import { type AlertHit, coalesceHits, DEFAULT_MERGE_GAP_MS } from '../detect/alert-merge.ts';
import { upsertAlerts } from '../detect/alert-store.ts';
import type { CompiledRuleSet } from '../sigma/index.ts';
import type { Store } from '../store/open-store.ts';
import { readCheckpoint, writeCheckpoint } from './checkpoint-store.ts';
import type { ContextTuple } from './context-tuple.ts';
import type { PartitionEntry } from './ingest-worker.ts';
import type { WorkerMetrics } from './metrics.ts';
import { PartitionDetector } from './partition-detector.ts';
import { SequenceBuffer } from './sequence-buffer.ts';
import type { Topology } from './topology.ts';

const MAX_SEQS_PER_STEP = 16; // raw chunks (of up to 256 lines) released per step: ~100 ms of detection

export interface ProcessorDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  store: Store;
  topo: Topology;
  ruleSet: CompiledRuleSet;
  owner: string;
  metrics: WorkerMetrics;
  gapMs?: number;
}


export class PartitionProcessor {
  private readonly detector: PartitionDetector;
  private done = 0;
  private committed = 0;
  private readonly next = { ctx: 1, ev: 1 };
  private readonly consumers: { ctx?: Consumer | undefined; ev?: Consumer | undefined } = {};
  private readonly ctxBuf = new SequenceBuffer<ContextTuple>();
  private readonly evBuf = new SequenceBuffer<PartitionEntry>();
  private pending: AlertHit[] = [];
  private dirty = false;

  constructor(
    readonly part: number,
    private readonly d: ProcessorDeps,
  ) {
    this.detector = new PartitionDetector(d.ruleSet);
  }

  async start(): Promise<void> {
    this.committed = await readCheckpoint(this.d.store, this.d.topo.prefix, this.part);
    for (const g of await this.d.store.db.selectFrom('grants').select(['account', 'last_used']).execute()) {
      const ms = g.last_used ? Date.parse(g.last_used) : Number.NaN;
      if (!Number.isNaN(ms)) this.detector.context.seedLastSeen(g.account, ms);
    }
  }

  /** After a lease comes back: another owner may have committed further meanwhile. */
  async refresh(): Promise<void> {
    this.committed = Math.max(this.committed, await readCheckpoint(this.d.store, this.d.topo.prefix, this.part));
  }

  /** Raw sequence through which this partition's effects are committed. */
  get committedThrough(): number {
    return this.committed;
  }

  /** One round: commit what is pending, else release what ingest has finished. Returns events released. */
  async step(): Promise<number> {
    if (this.pending.length > 0 || this.dirty) {
      await this.commit();
      return 0;
    }
    const info = await this.d.jsm.consumers.info(this.d.topo.rawStream, this.d.topo.ingestConsumer);
    const floor = info.ack_floor.stream_seq;
    this.d.metrics.lag.set({ partition: String(this.part) }, Math.max(0, info.delivered.stream_seq + info.num_pending - this.done));
    if (floor <= this.done) return 0;
    await this.drain('ctx');
    await this.drain('ev');
    // bounded, so the event loop stays free for lease renewals and NATS pings
    const released = this.release(Math.min(floor, this.done + MAX_SEQS_PER_STEP));
    await this.commit();
    return released;
  }

  /** Releases every position of raw sequences up to `floor`, in order. */
  private release(floor: number): number {
    let n = 0;
    for (let seq = this.done + 1; seq <= floor; seq++) {
      const tuples = this.ctxBuf.take(seq);
      const entries = this.evBuf.take(seq);
      if (!tuples) continue; // a raw message with no events (blank or malformed lines only)
      let j = 0;
      for (const tuple of tuples) {
        const m = entries?.[j];
        if (m && m[0] === tuple[0]) {
          j++;
          n++;
          const hits = this.detector.push(m[2], m[1]);
          if (seq > this.committed) for (const h of hits) this.pending.push(h);
        } else this.detector.observe(tuple[1]);
      }
    }
    this.done = floor;
    this.dirty = floor > this.committed;
    this.d.metrics.eventsIn.inc({ role: 'detect' }, n);
    return n;
  }

  private async commit(): Promise<void> {
    if (this.pending.length > 0) {
      const gapMs = this.d.gapMs ?? DEFAULT_MERGE_GAP_MS;
      const r = await upsertAlerts(this.d.store, coalesceHits(this.pending, gapMs), { gapMs });
      this.d.metrics.alerts.inc(r.created + r.updated);
      this.pending = [];
    }
    if (this.dirty) {
      await writeCheckpoint(this.d.store, this.d.topo.prefix, this.part, this.done, this.d.owner);
      this.committed = Math.max(this.committed, this.done);
      this.dirty = false;
    }
  }

  /** An ephemeral pull consumer of our own (no acks), from the next sequence we need. */
  private async consumer(kind: 'ctx' | 'ev'): Promise<Consumer> {
    let c = this.consumers[kind];
    if (!c) {
      const subject = kind === 'ctx' ? this.d.topo.ctxSubject : this.d.topo.partitionSubject(this.part);
      const ci = await this.d.jsm.consumers.add(this.d.topo.eventStream, {
        filter_subject: subject,
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: this.next[kind],
        ack_policy: AckPolicy.None,
        inactive_threshold: 300_000 * 1_000_000, // ns: survives a loaded machine's pauses
        mem_storage: true,
      });
      c = await this.d.js.consumers.get(this.d.topo.eventStream, ci.name);
      this.consumers[kind] = c;
    }
    return c;
  }

  /** Fetches everything the subject holds now; on any failure the consumer is recreated next time. */
  private async drain(kind: 'ctx' | 'ev'): Promise<void> {
    try {
      const c = await this.consumer(kind);
      for (;;) {
        const pending = (await c.info(false)).num_pending;
        if (pending === 0) return;
        const batch = await c.fetch({ max_messages: Math.min(pending, 256), expires: 5000 });
        for await (const m of batch) {
          if (m.seq < this.next[kind]) continue; // a recreated consumer may repeat a message
          this.next[kind] = m.seq + 1;
          this.accept(kind, m.string());
        }
      }
    } catch (err) {
      await this.dropConsumer(kind);
      throw err;
    }
  }

  private async dropConsumer(kind: 'ctx' | 'ev'): Promise<void> {
    const c = this.consumers[kind];
    this.consumers[kind] = undefined;
    await c?.delete().catch(() => false);
  }

  private accept(kind: 'ctx' | 'ev', text: string): void {
    if (kind === 'ctx') this.ctxBuf.accept(JSON.parse(text) as ContextTuple[], this.done);
    else this.evBuf.accept(JSON.parse(text) as PartitionEntry[], this.done);
  }

  /** Commits what is pending (graceful drain / lease release). */
  async stop(): Promise<void> {
    if (this.pending.length > 0 || this.dirty) await this.commit();
    await this.dropConsumer('ctx');
    await this.dropConsumer('ev');
  }
}

