// Where ingest's batches go. On a SQLite file the inserts run on a writer thread with its own
// connection, so parsing the next batch (one core) overlaps storing this one (the other core):
// SQLite's index maintenance is most of ingest's cost, and it no longer adds to the parse time.
// Elsewhere (PostgreSQL, in-memory SQLite) the batch is written through the store directly.
import type { Worker } from 'node:worker_threads';
import { WardenError } from '../errors.ts';
import { startTsWorker } from '../runtime/ts-worker.ts';
import type { Store } from '../store/open-store.ts';
import type { AccessEvent } from './access-event.ts';
import {
  type EventValues,
  insertEvents,
  type QuarantinedLine,
  type QuarantineRow,
  quarantineLines,
  toEventValues,
  toQuarantineRows,
} from './event-store.ts';

export interface BatchWritten {
  stored: number;
  quarantined: number;
}

export interface EventWriter {
  /** Stores a batch idempotently; batches are written in the order they were given. */
  write(events: AccessEvent[], bad: QuarantinedLine[]): Promise<BatchWritten>;
  close(): Promise<void>;
}

export type WriterRequest =
  | { seq: number; events: EventValues[]; quarantine: QuarantineRow[] }
  | { seq: number; close: true };
export type WriterReply =
  | { seq: number; stored: number; quarantined: number }
  | { seq: number; error: string }
  | { seq: number; closed: true };

export function openEventWriter(store: Store): EventWriter {
  const file = store.sqlite && !store.sqlite.memory ? store.sqlite.name : undefined;
  return file ? new ThreadWriter(file) : directWriter(store);
}

function directWriter(store: Store): EventWriter {
  return {
    async write(events, bad) {
      const stored = await insertEvents(store, events);
      return { stored, quarantined: await quarantineLines(store, bad) };
    },
    async close() {},
  };
}

class ThreadWriter implements EventWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve: (r: WriterReply) => void; reject: (e: Error) => void }
  >();
  private seq = 0;
  private failure: Error | undefined;

  constructor(file: string) {
    this.worker = startTsWorker(new URL('./event-writer-thread.ts', import.meta.url), { file });
    this.worker.on('message', (reply: WriterReply) => {
      const p = this.pending.get(reply.seq);
      this.pending.delete(reply.seq);
      if (!p) return;
      if ('error' in reply) p.reject(new WardenError('store', `writing events: ${reply.error}`));
      else p.resolve(reply);
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', (err) =>
      fail(new WardenError('store', `event writer thread failed: ${describe(err)}`)),
    );
    this.worker.on('exit', (code) =>
      fail(new WardenError('store', `event writer thread exited (code ${code})`)),
    );
  }

  private send(req: WriterRequest): Promise<WriterReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(req.seq, { resolve, reject });
      this.worker.postMessage(req);
    });
  }

  async write(events: AccessEvent[], bad: QuarantinedLine[]): Promise<BatchWritten> {
    const reply = await this.send({
      seq: ++this.seq,
      events: events.map(toEventValues),
      quarantine: toQuarantineRows(bad),
    });
    const { stored, quarantined } = reply as BatchWritten;
    return { stored, quarantined };
  }

  async close(): Promise<void> {
    if (!this.failure) await this.send({ seq: ++this.seq, close: true }).catch(() => undefined);
    await this.worker.terminate();
  }
}

// Errors thrown on the thread can arrive as plain objects (a SqliteError is cloned, not kept).
function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'message' in err)
    return String((err as { message: unknown }).message);
  return JSON.stringify(err);
}
