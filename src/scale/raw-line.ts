// The message a shipper publishes per raw line: the line as the payload, and headers naming
// its format, its 1-based line number and (for CSV) the header row the line is read against.
// The message id is derived from the line's event id so JetStream drops a resent line. Pure.
import { createHash } from 'node:crypto';
import { lineId } from '../logs/adapters/event-builder.ts';

export const H_FORMAT = 'Warden-Format';
export const H_LINE = 'Warden-Line';
export const H_CSV_HEADER = 'Warden-Csv-Header';
export const H_FILE = 'Warden-File';

/** The event id a line will get (its own `"id"` for JSON lines, else the adapters' line hash). */
export function messageIdFor(source: string, line: string): string {
  const m = /^\s*\{.*?"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(line);
  const id = m?.[1] ?? lineId(source, line);
  return createHash('sha256').update(source).update('\n').update(id).digest('hex').slice(0, 40);
}
