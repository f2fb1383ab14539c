// OCSF adapter: API Activity (class 6003) and Authentication (class 3002) events as JSON lines,
// mapped onto the normalized access event. Attribute names follow the OCSF schema
// (schema.ocsf.io): time (epoch ms), activity_id, actor.user, actor.session, api.operation,
// src_endpoint.ip, http_request.user_agent, resources[], status_id, metadata.uid. Pure.
import type { AccessEvent, Action } from '../access-event.ts';
import type { FieldMapping, LineParser, LogAdapter, ParseResult } from '../log-adapter.ts';
import { buildEvent, isIsoTime, isoFromMs, toActorType } from './event-builder.ts';
import { firstJsonObject } from './first-json-line.ts';
import { shown } from '../validate-event.ts';

const API_ACTIVITY = 6003;
const AUTHENTICATION = 3002;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

function apiAction(activityId: number, operation: string): Action {
  const op = operation.toLowerCase();
  if (activityId === 2) {
    if (op.includes('export')) return 'export';
    if (op.includes('bulk')) return 'bulk_read';
    return /search|query|list|find/.test(op) ? 'search' : 'api_read';
  }
  if (activityId === 1) return /token|credential|key/.test(op) ? 'token_create' : 'update';
  if (activityId === 3) return /permission|role|grant|policy/.test(op) ? 'permission_change' : 'update';
  if (activityId === 4) return 'delete';
  return 'api_read';
}

function authAction(activityId: number, failed: boolean): Action {
  if (activityId === 2) return 'logout';
  return failed ? 'login_failed' : 'login';
}

function actorType(user: Obj | undefined, mapping: FieldMapping | undefined): AccessEvent['actor']['type'] {
  const mapped = toActorType(mapping?.actor_types?.[str(user?.type) ?? '']);
  return mapped ?? (user?.type_id === 3 ? 'service' : 'unknown');
}

function parseOcsf(line: string, source: string, mapping: FieldMapping | undefined): ParseResult {
  if (line.trim() === '') return { ok: 'skip' };
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const e = obj(doc);
  if (!e) return { ok: false, reason: 'not a JSON object' };
  const classUid = e.class_uid;
  if (classUid !== API_ACTIVITY && classUid !== AUTHENTICATION) {
    return { ok: false, reason: `class_uid ${shown(classUid)} is neither API Activity (6003) nor Authentication (3002)` };
  }
  const time = typeof e.time === 'number' ? isoFromMs(e.time) : isIsoTime(e.time) ? e.time : undefined;
  if (!time) return { ok: false, reason: 'time: missing or not epoch milliseconds' };
  const activityId = typeof e.activity_id === 'number' ? e.activity_id : 0;
  const failed = e.status_id === 2;
  const actor = obj(e.actor);
  const user = obj(actor?.user) ?? obj(e.user);
  const api = obj(e.api);
  const resources = Array.isArray(e.resources) ? e.resources.map(obj).filter((r): r is Obj => r !== undefined) : [];
  const recordIds = resources.map((r) => str(r.uid)).filter((u): u is string => u !== undefined);
  const unmapped = obj(e.unmapped);
  const count = typeof unmapped?.result_count === 'number' ? unmapped.result_count : recordIds.length || undefined;
  const action = classUid === AUTHENTICATION ? authAction(activityId, failed) : apiAction(activityId, str(api?.operation) ?? '');
  return {
    ok: true,
    event: buildEvent({
      id: str(obj(e.metadata)?.uid),
      line,
      time,
      source,
      user: str(user?.email_addr) ?? str(user?.name) ?? str(user?.uid),
      actorType: actorType(user, mapping),
      session: str(obj(actor?.session)?.uid) ?? str(obj(e.session)?.uid),
      srcIp: str(obj(e.src_endpoint)?.ip),
      userAgent: str(obj(e.http_request)?.user_agent),
      action,
      object: str(resources[0]?.type),
      recordIds: action === 'login' || action === 'login_failed' ? undefined : recordIds,
      query: str(obj(api?.request)?.query) ?? str(unmapped?.query),
      resultCount: classUid === API_ACTIVITY ? count : undefined,
      outcome: failed ? 'failure' : 'success',
      raw: e,
    }),
  };
}

export const ocsfAdapter: LogAdapter = {
  format: 'ocsf',
  sniff(firstLines) {
    const e = firstJsonObject(firstLines);
    return e?.class_uid === API_ACTIVITY || e?.class_uid === AUTHENTICATION;
  },
  open({ source, mapping }): LineParser {
    return { parse: (line) => parseOcsf(line, source, mapping) };
  },
};
