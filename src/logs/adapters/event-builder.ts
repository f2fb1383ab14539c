// Builds a normalized AccessEvent from the pieces an adapter found, dropping absent values so
// the result satisfies the zod schema under exactOptionalPropertyTypes. Also the stable id of a
// raw line (CONTRACTS.md: the source's event id, else a stable hash of the raw line). Pure.
import { createHash } from 'node:crypto';
import { ACTOR_TYPES, type AccessEvent, type Action } from '../access-event.ts';
import { isDataCategory } from '../../inventory/data-categories.ts';

export interface EventParts {
  id?: string | undefined;
  line: string;
  time: string;
  source: string;
  user?: string | undefined;
  actorType?: AccessEvent['actor']['type'] | undefined;
  session?: string | undefined;
  srcIp?: string | undefined;
  userAgent?: string | undefined;
  action: Action;
  object?: string | undefined;
  recordIds?: string[] | undefined;
  query?: string | undefined;
  resultCount?: number | undefined;
  fields?: string[] | undefined;
  outcome?: 'success' | 'failure' | undefined;
  raw: Record<string, unknown>;
}

export function lineId(source: string, line: string): string {
  return createHash('sha256').update(source).update('\n').update(line).digest('hex').slice(0, 32);
}

export function buildEvent(p: EventParts): AccessEvent {
  const actor: AccessEvent['actor'] = { type: p.actorType ?? 'unknown' };
  if (p.user) actor.user = p.user;
  if (p.session) actor.session = p.session;
  const ev: AccessEvent = {
    id: p.id || lineId(p.source, p.line),
    time: p.time,
    source: p.source,
    actor,
    action: p.action,
    fields: (p.fields ?? []).filter(isDataCategory),
    outcome: p.outcome ?? 'success',
    raw: p.raw,
  };
  if (p.srcIp) ev.src_ip = p.srcIp;
  if (p.userAgent) ev.user_agent = p.userAgent;
  if (p.object) ev.object = p.object;
  if (p.recordIds && p.recordIds.length > 0) ev.record_ids = p.recordIds;
  if (p.query) ev.query = p.query;
  if (p.resultCount !== undefined && Number.isInteger(p.resultCount) && p.resultCount >= 0) {
    ev.result_count = p.resultCount;
  }
  return ev;
}

/** An ISO 8601 time from epoch milliseconds, or undefined when out of range. */
export function isoFromMs(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** True when `s` is an ISO date-time the normalized event accepts. */
export function isIsoTime(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s));
}

const ACTOR_TYPE_SET: ReadonlySet<string> = new Set(ACTOR_TYPES);

/** A mapped actor type when it is one the normalized event knows, else undefined. */
export function toActorType(v: unknown): AccessEvent['actor']['type'] | undefined {
  return typeof v === 'string' && ACTOR_TYPE_SET.has(v) ? (v as AccessEvent['actor']['type']) : undefined;
}
