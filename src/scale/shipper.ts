// `warden ship`: publishes a log's raw lines to the source's subject on the raw stream, each
// with a message id derived from its event id (JetStream drops a resent line within the
// duplicate window), a bounded number in flight. After a crash it resumes from the last line
// the stream holds for this file, re-sending the in-flight window before it (deduplicated).
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { JetStreamClient, JetStreamManager, PubAck } from 'nats';
import { headers } from 'nats';
import { WardenError } from '../errors.ts';
import { adapterFor, sniffFormat } from '../logs/adapters/registry.ts';
import { withBackoff } from './backoff.ts';
import { H_CSV_HEADER, H_FILE, H_FORMAT, H_LINE, messageIdFor } from './raw-line.ts';
import type { Topology } from './topology.ts';

export interface ShipOptions {
  source: string;
  input: string; // path or '-'
  format?: string; // 'auto' default
  inFlight?: number;
  onProgress?: (lines: number) => void;
}

export interface ShipResult {
  lines: number;
  published: number;
  duplicates: number;
  skipped: number;
  format: string;
}

async function resumeLine(jsm: JetStreamManager, topo: Topology, subject: string, file: string): Promise<number> {
  try {
    const last = await jsm.streams.getMessage(topo.rawStream, { last_by_subj: subject });
    return last.header.get(H_FILE) === file ? Number(last.header.get(H_LINE) || 0) : 0;
  } catch {
    return 0; // nothing shipped on this subject yet
  }
}

export async function shipFile(js: JetStreamClient, jsm: JetStreamManager, topo: Topology, o: ShipOptions): Promise<ShipResult> {
  const subject = topo.rawSubject(o.source);
  const file = o.input === '-' ? 'stdin' : basename(o.input);
  const inFlight = o.inFlight ?? 1000;
  const input = o.input === '-' ? process.stdin : createReadStream(o.input, { highWaterMark: 1 << 20 });
  input.on('error', () => {});
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const resumeAt = Math.max(0, (await resumeLine(jsm, topo, subject, file)) - inFlight);
  const r: ShipResult = { lines: 0, published: 0, duplicates: 0, skipped: 0, format: o.format ?? 'auto' };
  let head: string[] | undefined = r.format === 'auto' ? [] : undefined;
  let queued: Array<{ line: number; text: string }> = [];
  let csvHeader: string | undefined;
  const window: Array<Promise<PubAck | undefined>> = [];

  const publish = (line: number, text: string) => {
    const h = headers();
    h.set(H_FORMAT, r.format);
    h.set(H_LINE, String(line));
    h.set(H_FILE, file);
    if (csvHeader !== undefined) h.set(H_CSV_HEADER, csvHeader);
    const msgID = messageIdFor(o.source, text);
    return withBackoff(() => js.publish(subject, text, { msgID, headers: h, timeout: 10_000 }), { maxMs: 5000 });
  };
  const settle = async (p: Promise<PubAck | undefined>) => {
    const ack = await p;
    if (ack?.duplicate) r.duplicates++;
    else r.published++;
  };
  const send = async (line: number, text: string) => {
    if (line === 1 && r.format === 'csv') csvHeader = text;
    if (line <= resumeAt || (csvHeader !== undefined && line === 1)) {
      r.skipped++;
      return;
    }
    window.push(publish(line, text));
    if (window.length >= inFlight) await settle(window.shift() as Promise<PubAck | undefined>);
  };
  const fixFormat = async () => {
    const found = sniffFormat(head ?? []);
    if (!found) throw new WardenError('bad_input', 'cannot tell the log format from its first lines: pass --format', o.input);
    r.format = found.format;
    head = undefined;
    for (const q of queued) await send(q.line, q.text);
    queued = [];
  };
  if (r.format !== 'auto') adapterFor(r.format);

  for await (const text of lines) {
    r.lines++;
    if (head) {
      head.push(text);
      queued.push({ line: r.lines, text });
      if (head.length >= 5) await fixFormat();
      continue;
    }
    await send(r.lines, text);
    if (r.lines % 10_000 === 0) o.onProgress?.(r.lines);
  }
  if (head && head.length > 0) await fixFormat();
  while (window.length > 0) await settle(window.shift() as Promise<PubAck | undefined>);
  return r;
}
