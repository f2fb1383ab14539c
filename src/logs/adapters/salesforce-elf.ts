// Salesforce Event Monitoring event log files (EventLogFile CSV): one file per event type, a
// header row of field names, then one quoted record per line. Maps the Login, API, BulkApi,
// ReportExport, URI (and Logout) event types onto the normalized access event; field names are
// those of Salesforce's "EventLogFile Supported Event Types" reference. Stateful only for the header.
import type { Action } from '../access-event.ts';
import type { FieldMapping, LineParser, LogAdapter, ParseResult } from '../log-adapter.ts';
import { splitCsvLine } from './csv-line.ts';
import { buildEvent, isIsoTime, toActorType } from './event-builder.ts';

type Row = Record<string, string>;
const READ_METHODS = /^(query|queryall|querymore|retrieve|describe|getupdated|getdeleted)/i;
const REQUEST_FAILED = new Set(['F', 'A', 'N']);

/** `20131015233000.123` (GMT) → ISO, or TIMESTAMP_DERIVED when the file has it. */
export function elfTime(row: Row): string | undefined {
  if (isIsoTime(row.TIMESTAMP_DERIVED)) return row.TIMESTAMP_DERIVED;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d{1,3})?$/.exec(row.TIMESTAMP ?? '');
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

function elfAction(row: Row): { action: Action; failed: boolean; object?: string | undefined } {
  const type = row.EVENT_TYPE ?? '';
  switch (type) {
    case 'Login': {
      const ok = (row.LOGIN_STATUS ?? 'LOGIN_NO_ERROR') === 'LOGIN_NO_ERROR';
      return { action: ok ? 'login' : 'login_failed', failed: !ok };
    }
    case 'Logout':
      return { action: 'logout', failed: false };
    case 'API':
    case 'RestApi': {
      const method = row.METHOD_NAME ?? row.METHOD ?? '';
      const object = row.ENTITY_NAME || undefined;
      if (/search/i.test(method)) return { action: 'search', failed: false, object };
      if (READ_METHODS.test(method) || method === 'GET') return { action: 'api_read', failed: false, object };
      if (/delete/i.test(method) || method === 'DELETE') return { action: 'delete', failed: false, object };
      return { action: 'update', failed: false, object };
    }
    case 'BulkApi': {
      const op = (row.OPERATION_TYPE ?? '').toLowerCase();
      const object = row.ENTITY_TYPE || undefined;
      if (op.startsWith('query')) return { action: 'bulk_read', failed: row.SUCCESS === 'false', object };
      if (op.includes('delete')) return { action: 'delete', failed: row.SUCCESS === 'false', object };
      return { action: 'update', failed: row.SUCCESS === 'false', object };
    }
    case 'ReportExport':
      return { action: 'export', failed: false, object: 'report' };
    case 'URI':
      return { action: 'view', failed: REQUEST_FAILED.has(row.REQUEST_STATUS ?? ''), object: row.URI || undefined };
    default:
      return { action: 'view', failed: REQUEST_FAILED.has(row.REQUEST_STATUS ?? ''), object: type || undefined };
  }
}

function count(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

function toEvent(row: Row, line: string, source: string, mapping: FieldMapping | undefined): ParseResult {
  const time = elfTime(row);
  if (!time) return { ok: false, reason: `TIMESTAMP: '${row.TIMESTAMP ?? ''}' is not yyyyMMddHHmmss.SSS` };
  const { action, failed, object } = elfAction(row);
  const user = row.USER_NAME || row.USER_ID_DERIVED || row.USER_ID || undefined;
  return {
    ok: true,
    event: buildEvent({
      line,
      time,
      source,
      user,
      actorType: toActorType(mapping?.actor_types?.[row.USER_TYPE ?? '']) ?? toActorType(mapping?.actor_types?.[user ?? '']),
      session: row.SESSION_KEY || row.LOGIN_KEY || undefined,
      srcIp: row.SOURCE_IP || row.CLIENT_IP || undefined,
      userAgent: row.BROWSER_TYPE || undefined,
      action,
      object,
      query: row.QUERY || row.REPORT_DESCRIPTION || undefined,
      resultCount: count(row.ROWS_PROCESSED) ?? count(row.ROW_COUNT),
      outcome: failed ? 'failure' : 'success',
      raw: row,
    }),
  };
}

function looksLikeHeader(cells: string[]): boolean {
  return cells.includes('EVENT_TYPE') && cells.includes('TIMESTAMP');
}

export const salesforceElfAdapter: LogAdapter = {
  format: 'salesforce-elf',
  sniff(firstLines) {
    const first = firstLines.find((l) => l.trim() !== '');
    const cells = first === undefined ? undefined : splitCsvLine(first.trim());
    return cells !== undefined && looksLikeHeader(cells) && cells.includes('ORGANIZATION_ID');
  },
  open({ source, mapping }): LineParser {
    let header: string[] | undefined;
    return {
      parse(line) {
        const text = line.endsWith('\r') ? line.slice(0, -1) : line;
        if (text.trim() === '') return { ok: 'skip' };
        const cells = splitCsvLine(text);
        if (!cells) return { ok: false, reason: 'unbalanced quotes in CSV record' };
        if (looksLikeHeader(cells)) {
          header = cells;
          return { ok: 'skip' };
        }
        if (!header) return { ok: false, reason: 'no header row (EVENT_TYPE,TIMESTAMP,…) before this record' };
        if (cells.length !== header.length) {
          return { ok: false, reason: `${cells.length} columns, header has ${header.length}` };
        }
        const row: Row = {};
        for (let i = 0; i < header.length; i++) row[header[i] as string] = cells[i] as string;
        return toEvent(row, text, source, mapping);
      },
    };
  },
};
