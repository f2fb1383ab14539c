// `warden ship`: publishes a log's raw lines to the source's subject on the raw stream in
// chunks aligned on line numbers, each with a message id derived from its lines' event ids
// (JetStream drops a resent chunk within the duplicate window), a bounded number in flight.
// After a crash it resumes at the last chunk the stream holds for this file, re-sending the
// in-flight window before it (those are deduplicated), so nothing is skipped or doubled.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { JetStreamClient, JetStreamManager, PubAck } from 'nats';
import { headers } from 'nats';
import { WardenError } from '../errors.ts';
import { adapterFor, sniffFormat } from '../logs/adapters/registry.ts';
import { withBackoff } from './backoff.ts';
import { CHUNK_LINES, chunkMessageId, H_CSV_HEADER, H_FILE, H_FORMAT, H_LINE } from './raw-line.ts';
import type { Topology } from './topology.ts';

export interface ShipOptions {
  source: string;
  input: string; // path or '-'
  format?: string; // 'auto' default
  inFlight?: number; // chunks
  onProgress?: (lines: number) => void;
}

export interface ShipResult {
  lines: number;
  chunks: number;
  duplicates: number;
  skipped: number;
  format: string;
}

/** First line number of the next chunk to send for this file (1 when nothing is there). */
async function resumeLine(jsm: JetStreamManager, topo: Topology, subject: string, file: string): Promise<number> {
  try {
    const last = await jsm.streams.getMessage(topo.rawStream, { last_by_subj: subject });
    if (last.header.get(H_FILE) !== file) return 1;
    const first = Number(last.header.get(H_LINE) || 1);
    return Math.floor((first - 1) / CHUNK_LINES) * CHUNK_LINES + CHUNK_LINES + 1;
  } catch {
    return 1; // nothing shipped on this subject yet
  }
}

export async function shipFile(js: JetStreamClient, jsm: JetStreamManager, topo: Topology, o: ShipOptions): Promise<ShipResult> {
  const subject = topo.rawSubject(o.source);
  const file = o.input === '-' ? 'stdin' : basename(o.input);
  const inFlight = o.inFlight ?? 64;
  const resumeAt = Math.max(1, (await resumeLine(jsm, topo, subject, file)) - inFlight * CHUNK_LINES);
  // the reader opens only now: lines read while we awaited above would be lost by readline
  const input = o.input === '-' ? process.stdin : createReadStream(o.input, { highWaterMark: 1 << 20 });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const r: ShipResult = { lines: 0, chunks: 0, duplicates: 0, skipped: 0, format: o.format ?? 'auto' };
  if (r.format !== 'auto') adapterFor(r.format);
  const head: string[] = [];
  let csvHeader: string | undefined;
  let chunk: string[] = [];
  let chunkFirst = 0;
  const window: Array<Promise<PubAck | undefined>> = [];

  const publish = (first: number, text: string[]) => {
    const h = headers();
    h.set(H_FORMAT, r.format);
    h.set(H_LINE, String(first));
    h.set(H_FILE, file);
    if (csvHeader !== undefined) h.set(H_CSV_HEADER, csvHeader);
    const msgID = chunkMessageId(o.source, text);
    const payload = text.join('\n');
    return withBackoff(() => js.publish(subject, payload, { msgID, headers: h, timeout: 20_000 }), { maxMs: 5000 });
  };
  const settle = async (p: Promise<PubAck | undefined>) => {
    const ack = await p;
    if (ack?.duplicate) r.duplicates++;
  };
  const endChunk = async () => {
    if (chunk.length === 0) return;
    r.chunks++;
    window.push(publish(chunkFirst, chunk));
    chunk = [];
    if (window.length >= inFlight) await settle(window.shift() as Promise<PubAck | undefined>);
  };
  const add = async (line: number, text: string) => {
    if (line === 1 && r.format === 'csv') {
      csvHeader = text;
      return;
    }
    if (line < resumeAt) {
      r.skipped++;
      return;
    }
    if (chunk.length === 0) chunkFirst = line;
    chunk.push(text);
    if (line % CHUNK_LINES === 0) await endChunk();
  };
  const fixFormat = async () => {
    if (r.format === 'auto') {
      const found = sniffFormat(head);
      if (!found) throw new WardenError('bad_input', 'cannot tell the log format from its first lines: pass --format', o.input);
      r.format = found.format;
    }
    for (const [i, text] of head.entries()) await add(i + 1, text);
    head.length = 0;
  };

  for await (const text of lines) {
    r.lines++;
    if (r.lines <= 5) {
      head.push(text);
      if (r.lines === 5) await fixFormat();
      continue;
    }
    await add(r.lines, text);
    if (r.lines % 50_000 === 0) o.onProgress?.(r.lines);
  }
  if (head.length > 0) await fixFormat();
  await endChunk();
  while (window.length > 0) await settle(window.shift() as Promise<PubAck | undefined>);
  return r;
}
