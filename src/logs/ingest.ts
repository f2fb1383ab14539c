// Streams a log file into the store: lines -> adapter -> normalized events, stored in batches
// (one transaction each, idempotent by event id), malformed lines quarantined with file:line
// and reason, and every event handed to the sinks (detection) in order. A crash mid-file loses
// nothing: rerunning the same command stores what was missing and duplicates nothing.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import type { AccessEvent } from './access-event.ts';
import { adapterFor, sniffFormat } from './adapters/registry.ts';
import type { QuarantinedLine } from './event-store.ts';
import { openEventWriter } from './event-writer.ts';
import type { FieldMapping, LogAdapter } from './log-adapter.ts';

export interface EventSink {
  onEvents(batch: Array<{ event: AccessEvent; line: number }>): Promise<void>;
  finish(): Promise<void>;
}

export interface IngestOptions {
  source: string;
  file: string; // a path, or '-' for stdin
  format?: string; // 'auto' by default
  mapping?: FieldMapping | undefined;
  sinks?: EventSink[];
  batchSize?: number;
  onProblem?: (where: string, reason: string) => void;
  onProgress?: (bytes: number, total: number) => void;
}

export interface IngestResult {
  format: string;
  lines: number;
  events: number;
  stored: number;
  duplicates: number;
  malformed: number;
  quarantined: number;
}

export async function ingestFile(store: Store, opts: IngestOptions): Promise<IngestResult> {
  const total =
    opts.file === '-'
      ? 0
      : (
          await stat(opts.file).catch(() => {
            throw new WardenError('bad_input', 'cannot read input file', opts.file);
          })
        ).size;
  const input =
    opts.file === '-' ? process.stdin : createReadStream(opts.file, { highWaterMark: 1 << 20 });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const result: IngestResult = {
    format: opts.format ?? 'auto',
    lines: 0,
    events: 0,
    stored: 0,
    duplicates: 0,
    malformed: 0,
    quarantined: 0,
  };
  // One writer transaction per batch: at 20,000 events SQLite writes half the WAL pages it did at
  // 5,000 (hot index leaves are rewritten once per commit; bench/RESULTS.md, 2026-12-02).
  const batchSize = opts.batchSize ?? 20_000;
  const where = opts.file === '-' ? 'stdin' : opts.file;

  let adapter: LogAdapter | undefined =
    opts.format && opts.format !== 'auto' ? adapterFor(opts.format) : undefined;
  let parser = adapter?.open({ source: opts.source, mapping: opts.mapping });
  const pending: string[] = []; // lines read before the format is known
  let events: Array<{ event: AccessEvent; line: number }> = [];
  let bad: QuarantinedLine[] = [];

  // Batch k is stored (on the writer thread, for SQLite files) while batch k+1 is parsed; the
  // sinks see batch k only once it is stored, and batches reach them in order.
  const writer = openEventWriter(store);
  let previous: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = events;
    const quarantined = bad;
    events = [];
    bad = [];
    const written = writer.write(
      batch.map((b) => b.event),
      quarantined,
    );
    written.catch(() => undefined); // awaited below, after the batch before it
    const before = previous;
    previous = (async () => {
      await before;
      const w = await written;
      result.stored += w.stored;
      result.duplicates += batch.length - w.stored;
      result.quarantined += w.quarantined;
      for (const sink of opts.sinks ?? []) await sink.onEvents(batch);
      opts.onProgress?.((input as { bytesRead?: number }).bytesRead ?? 0, total);
    })();
    previous.catch(() => undefined); // surfaced by the next await of `previous`
    await before;
  };

  const handle = (text: string, lineNo: number) => {
    const r = (parser as NonNullable<typeof parser>).parse(text, lineNo);
    if (r.ok === 'skip') return;
    if (r.ok) {
      result.events++;
      events.push({ event: r.event, line: lineNo });
    } else {
      result.malformed++;
      opts.onProblem?.(`${where}:${lineNo}`, r.reason);
      bad.push({ source: opts.source, file: where, line: lineNo, reason: r.reason, raw: text });
    }
  };

  try {
    for await (const text of lines) {
      result.lines++;
      if (!parser) {
        pending.push(text);
        if (pending.length < 5) continue;
        adapter = detect(pending, where);
        parser = adapter.open({ source: opts.source, mapping: opts.mapping });
        for (const [i, l] of pending.entries()) handle(l, i + 1);
        pending.length = 0;
        continue;
      }
      handle(text, result.lines);
      if (events.length + bad.length >= batchSize) await flush();
    }
    if (!parser && pending.length > 0) {
      adapter = detect(pending, where);
      parser = adapter.open({ source: opts.source, mapping: opts.mapping });
      for (const [i, l] of pending.entries()) handle(l, i + 1);
    }
    await flush();
    await previous;
  } finally {
    await previous.catch(() => undefined);
    await writer.close();
  }
  for (const sink of opts.sinks ?? []) await sink.finish();
  result.format = adapter?.format ?? result.format;
  return result;
}

function detect(firstLines: string[], where: string): LogAdapter {
  const found = sniffFormat(firstLines);
  if (!found)
    throw new WardenError(
      'bad_input',
      'cannot tell the log format from its first lines: pass --format',
      where,
    );
  return found;
}
