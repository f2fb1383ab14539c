// The port every log format implements: a raw line in, a normalized access event out (or a
// reason it is malformed). Adapters are stateful only where the format is (a CSV header), so
// each input file gets a fresh parser from `open()`. Pure: no I/O here or in adapters.
import type { AccessEvent } from './access-event.ts';

export type ParseResult =
  | { ok: true; event: AccessEvent }
  | { ok: false; reason: string }
  | { ok: 'skip' }; // a header or blank line: not an event, not an error

export interface LineParser {
  parse(line: string, lineNo: number): ParseResult;
}

export interface LogAdapter {
  /** The `--format` name. */
  readonly format: string;
  /** True when the first lines of a file look like this format (for `--format auto`). */
  sniff(firstLines: string[]): boolean;
  /** A parser for one input; `source` names the system the lines come from. */
  open(options: { source: string; mapping?: FieldMapping | undefined }): LineParser;
}

/** Optional mapping from a source's own field names onto the normalized event's dotted paths. */
export interface FieldMapping {
  fields: Record<string, string>; // normalized path -> source field (dotted)
  actions?: Record<string, string>; // source action value -> normalized action
  actor_types?: Record<string, string>;
  defaults?: Record<string, unknown>;
}
