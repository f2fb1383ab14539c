// Windows events as JSON lines, in the shape evtx_dump / Chainsaw emit ({"Event": {"System",
// "EventData"}}): flattened (evtx-flatten.ts) so SigmaHQ's Windows rules run unchanged against
// the flat fields (kept under `raw`, lifted to the top level by `warden detect`), and mapped onto
// the normalized access event by the Security log's logon and account events. Pure.
import type { Action } from '../access-event.ts';
import { flattenWindowsEvent } from '../evtx-flatten.ts';
import type { LineParser, LogAdapter, ParseResult } from '../log-adapter.ts';
import { buildEvent, isIsoTime } from './event-builder.ts';
import { firstJsonObject } from './first-json-line.ts';

/** Security-log event ids and what they mean for access (anything else is `view`). */
const ACTIONS: Record<number, Action> = {
  4624: 'login',
  4648: 'login',
  4625: 'login_failed',
  4771: 'login_failed',
  4634: 'logout',
  4647: 'logout',
  4768: 'token_create',
  4769: 'token_create',
  4663: 'view',
  4660: 'delete',
  4670: 'permission_change',
  4720: 'permission_change',
  4728: 'permission_change',
  4732: 'permission_change',
  4738: 'permission_change',
  4756: 'permission_change',
};
const FAILURES: ReadonlySet<number> = new Set([4625, 4771]);

const text = (v: unknown): string | undefined => {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v !== '' && v !== '-' ? v : undefined;
};

function parseEvtx(line: string, source: string): ParseResult {
  if (line.trim() === '') return { ok: 'skip' };
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const ev = (doc as { Event?: { System?: unknown } } | null)?.Event;
  if (!ev || typeof ev !== 'object' || !ev.System || typeof ev.System !== 'object') {
    return { ok: false, reason: 'not a Windows event (no Event.System)' };
  }
  const flat = flattenWindowsEvent(doc);
  const time = flat.TimeCreated_SystemTime;
  if (!isIsoTime(time)) return { ok: false, reason: 'Event.System.TimeCreated.SystemTime: missing or not an ISO time' };
  const eventId = Number(flat.EventID);
  const channel = text(flat.Channel);
  const record = text(flat.EventRecordID);
  const action = ACTIONS[eventId] ?? 'view';
  const failed = FAILURES.has(eventId) || (eventId === 4768 && text(flat.Status) !== undefined && flat.Status !== '0x0');
  return {
    ok: true,
    event: buildEvent({
      id: record && channel ? `${text(flat.Computer) ?? ''}/${channel}/${record}` : undefined,
      line,
      time,
      source,
      user: text(flat.TargetUserName) ?? text(flat.SubjectUserName) ?? text(flat.User),
      session: text(flat.TargetLogonId) ?? text(flat.SubjectLogonId),
      srcIp: text(flat.IpAddress) ?? text(flat.SourceIp),
      action: failed && action === 'token_create' ? 'login_failed' : action,
      object: channel,
      outcome: failed ? 'failure' : 'success',
      raw: flat,
    }),
  };
}

export const evtxJsonAdapter: LogAdapter = {
  format: 'evtx-json',
  sniff(firstLines) {
    const e = firstJsonObject(firstLines)?.Event as { System?: unknown } | undefined;
    return typeof e?.System === 'object' && e.System !== null;
  },
  open({ source }): LineParser {
    return { parse: (line) => parseEvtx(line, source) };
  },
};
