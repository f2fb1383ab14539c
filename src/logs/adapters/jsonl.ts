// JSON Lines: already-normalized access events, or any JSON objects with a field mapping.
// Blank lines are skipped; a line that is not JSON or not an event is malformed (with why).
import type { LogAdapter, ParseResult } from '../log-adapter.ts';
import { applyMapping } from '../field-mapping.ts';
import { checkAccessEvent } from '../validate-event.ts';
import { lineId } from './event-builder.ts';
import { firstJsonObject } from './first-json-line.ts';

export const jsonlAdapter: LogAdapter = {
  format: 'jsonl',
  sniff(lines) {
    const o = firstJsonObject(lines);
    return typeof o?.action === 'string' && typeof o.time === 'string';
  },
  open({ source, mapping }) {
    return {
      parse(line): ParseResult {
        // A line that opens an object is not blank: no trim (a copy scan) on the usual line.
        if (line.charCodeAt(0) !== 123 && line.trim() === '') return { ok: 'skip' };
        let obj: unknown;
        try {
          obj = JSON.parse(line);
        } catch (err) {
          return { ok: false, reason: `not JSON: ${(err as Error).message}` };
        }
        if (mapping) {
          if (typeof obj !== 'object' || obj === null) return { ok: false, reason: 'not a JSON object' };
          obj = applyMapping(obj as Record<string, unknown>, mapping);
        }
        const o = obj as Record<string, unknown>;
        if (o && typeof o === 'object' && (o.id === undefined || o.id === '')) o.id = lineId(source, line);
        return checkAccessEvent(obj, source);
      },
    };
  },
};
