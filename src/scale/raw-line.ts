// The message a shipper publishes: a chunk of consecutive raw lines (aligned on line numbers, so
// a resend after a crash reproduces the same chunks) joined by newlines, with headers naming the
// format, the first line's number and (for CSV) the header row. Its message id is derived from
// its lines' event ids, so JetStream drops a resent chunk. Each line's place in the cluster's
// total order is (raw stream sequence, index in chunk): `positionOf`. Pure.
import { createHash } from 'node:crypto';
import { lineId } from '../logs/adapters/event-builder.ts';

export const H_FORMAT = 'Warden-Format';
export const H_LINE = 'Warden-Line'; // number of the chunk's first line
export const H_CSV_HEADER = 'Warden-Csv-Header';
export const H_FILE = 'Warden-File';

/** Lines per chunk; a chunk index fits in POSITION_SPAN. */
export const CHUNK_LINES = 256;
export const POSITION_SPAN = 4096;

export function positionOf(rawSeq: number, index: number): number {
  return rawSeq * POSITION_SPAN + index;
}
export function seqOfPosition(pos: number): number {
  return Math.floor(pos / POSITION_SPAN);
}

/** The event id a line will get (its own `"id"` for JSON lines, else the adapters' line hash). */
export function eventIdOfLine(source: string, line: string): string {
  const m = /^\s*\{.*?"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(line);
  return m?.[1] ?? lineId(source, line);
}

export function chunkMessageId(source: string, lines: string[]): string {
  const h = createHash('sha256').update(source);
  for (const l of lines) h.update('\n').update(eventIdOfLine(source, l));
  return h.digest('hex').slice(0, 40);
}
