// CSV access logs: a header row, then one event per line. Columns are named by the normalized
// event's dotted paths (`actor.user`, `record_ids` as `a;b;c`) or mapped by a mapping file.
import type { FieldMapping, LogAdapter, ParseResult } from '../log-adapter.ts';
import { applyMapping } from '../field-mapping.ts';
import { checkAccessEvent } from '../validate-event.ts';
import { splitCsvLine } from './csv-line.ts';
import { lineId } from './event-builder.ts';

function identityMapping(header: string[]): FieldMapping {
  return { fields: Object.fromEntries(header.map((h) => [h, h])) };
}

export const csvMappedAdapter: LogAdapter = {
  format: 'csv',
  sniff(lines) {
    const head = lines[0] ?? '';
    return !head.trimStart().startsWith('{') && /(^|,)"?time"?(,|$)/.test(head) && /(^|,)"?action"?(,|$)/.test(head);
  },
  open({ source, mapping }) {
    let header: string[] | undefined;
    let effective: FieldMapping | undefined = mapping;
    return {
      parse(line): ParseResult {
        if (line.trim() === '') return { ok: 'skip' };
        const cells = splitCsvLine(line.replace(/\r$/, ''));
        if (!cells) return { ok: false, reason: 'csv: unbalanced quotes' };
        if (!header) {
          header = cells.map((c) => c.trim());
          effective ??= identityMapping(header);
          return { ok: 'skip' };
        }
        if (cells.length !== header.length) {
          return { ok: false, reason: `csv: expected ${header.length} columns, found ${cells.length}` };
        }
        const record = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
        const obj = applyMapping(record, effective as FieldMapping);
        if (obj.id === undefined) obj.id = lineId(source, line);
        const checked = checkAccessEvent(obj, source);
        return checked.ok ? { ok: true, event: checked.event } : checked;
      },
    };
  },
};
