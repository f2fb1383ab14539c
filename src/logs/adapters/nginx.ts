// nginx / Apache "combined" access log adapter:
// `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer"
// "$http_user_agent"`. The action is inferred from method, path and status (documented in
// README.md beside this file); the whole parsed line stays under `raw`. Pure.
import type { Action } from '../access-event.ts';
import type { FieldMapping, LineParser, LogAdapter, ParseResult } from '../log-adapter.ts';
import { buildEvent, toActorType } from './event-builder.ts';

const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
const COMBINED = new RegExp(`^(\\S+) \\S+ (\\S+) \\[([^\\]]+)\\] ${QUOTED} (\\d{3}) (\\d+|-)(?: ${QUOTED} ${QUOTED})?\\s*$`);
const TIME_LOCAL = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `10/Oct/2000:13:55:36 -0700` → `2000-10-10T13:55:36-07:00`, keeping the log's own offset. */
export function isoFromTimeLocal(s: string): string | undefined {
  const m = TIME_LOCAL.exec(s);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2] ?? '');
  if (month < 0) return undefined;
  const iso = `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]}T${m[4]}:${m[5]}:${m[6]}${m[7]}${m[8]}:${m[9]}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

function inferAction(method: string, path: string, status: number, mapping: FieldMapping | undefined): Action {
  const p = path.toLowerCase();
  for (const [pattern, action] of Object.entries(mapping?.actions ?? {})) {
    if (p.includes(pattern.toLowerCase())) return action as Action;
  }
  if (/\/(login|signin|auth)\b/.test(p) && method !== 'GET') return status < 400 ? 'login' : 'login_failed';
  if (/\/(logout|signout)\b/.test(p)) return 'logout';
  if (/\/tokens?\b/.test(p) && method === 'POST') return 'token_create';
  if (/export|download/.test(p)) return 'export';
  if (method === 'DELETE') return 'delete';
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') return /search|query/.test(p) ? 'search' : 'update';
  if (/search|[?&](q|query)=/.test(p)) return 'search';
  if (/\/api\//.test(p)) return 'api_read';
  return 'view';
}

const dash = (s: string | undefined): string | undefined => (s === undefined || s === '-' || s === '' ? undefined : s);

function parseCombined(line: string, source: string, mapping: FieldMapping | undefined): ParseResult {
  if (line.trim() === '') return { ok: 'skip' };
  const m = COMBINED.exec(line);
  if (!m) return { ok: false, reason: 'not a combined access log line' };
  const [, remoteAddr = '', remoteUser = '', timeLocal = '', request = '', statusText = '', bytes = ''] = m;
  const time = isoFromTimeLocal(timeLocal);
  if (!time) return { ok: false, reason: `bad time_local '${timeLocal}'` };
  const [method = '', target = '', protocol = ''] = request.split(' ');
  const status = Number(statusText);
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? undefined : decodeQuery(target.slice(q + 1));
  const action = inferAction(method, target, status, mapping);
  const user = dash(remoteUser);
  return {
    ok: true,
    event: buildEvent({
      line,
      time,
      source,
      user,
      actorType: user ? toActorType(mapping?.actor_types?.[user]) : undefined,
      srcIp: remoteAddr,
      userAgent: dash(m[8]),
      action,
      object: path.split('/').filter(Boolean).pop(),
      query,
      outcome: status >= 400 ? 'failure' : 'success',
      raw: {
        remote_addr: remoteAddr,
        remote_user: user ?? null,
        time_local: timeLocal,
        request,
        method,
        path,
        protocol,
        status,
        body_bytes_sent: bytes === '-' ? 0 : Number(bytes),
        http_referer: dash(m[7]) ?? null,
        http_user_agent: dash(m[8]) ?? null,
      },
    }),
  };
}

function decodeQuery(q: string): string {
  try {
    return decodeURIComponent(q.replace(/\+/g, ' '));
  } catch {
    return q;
  }
}

export const nginxAdapter: LogAdapter = {
  format: 'nginx',
  sniff(firstLines) {
    const lines = firstLines.filter((l) => l.trim() !== '').slice(0, 5);
    return lines.length > 0 && lines.every((l) => COMBINED.test(l));
  },
  open({ source, mapping }): LineParser {
    return { parse: (line) => parseCombined(line, source, mapping) };
  },
};
