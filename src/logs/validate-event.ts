// A fast structural check of a parsed JSON object against the normalized access event
// (access-event.ts is the definition; this is its hand-unrolled twin for the ingest hot path,
// kept equal to it by test/logs/validate-event.test.ts). Pure. Names the bad field.
import { DATA_CATEGORIES } from '../inventory/data-categories.ts';
import { ACTIONS, ACTOR_TYPES, type AccessEvent } from './access-event.ts';
import { isoDateTimeMs } from './iso-time.ts';

const ACTION_SET: ReadonlySet<string> = new Set(ACTIONS);
const ACTOR_TYPE_SET: ReadonlySet<string> = new Set(ACTOR_TYPES);
const DATA_CATEGORY_SET: ReadonlySet<string> = new Set(DATA_CATEGORIES);

export type Checked = { ok: true; event: AccessEvent } | { ok: false; reason: string };

const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';

/** A value for an error message. Never throws: a parsed line can hold {"toString": null}, and
 * String() of that object throws. */
export function shown(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

function allStrings(a: unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'string') return false;
  return true;
}

export function checkAccessEvent(o: unknown, defaultSource?: string): Checked {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return { ok: false, reason: 'not a JSON object' };
  const e = o as Record<string, unknown>;
  if (!isStr(e.id) || e.id === '') return { ok: false, reason: 'id: required string' };
  if (!isStr(e.time) || Number.isNaN(isoDateTimeMs(e.time))) {
    return { ok: false, reason: 'time: must be an ISO 8601 date-time' };
  }
  const source = e.source === undefined ? defaultSource : e.source;
  if (!isStr(source) || source === '') return { ok: false, reason: 'source: required string' };
  if (!isStr(e.action) || !ACTION_SET.has(e.action)) return { ok: false, reason: `action: unknown action '${shown(e.action)}'` };
  const a = e.actor === undefined ? {} : e.actor;
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return { ok: false, reason: 'actor: must be an object' };
  const actor = a as Record<string, unknown>;
  if (!optStr(actor.user)) return { ok: false, reason: 'actor.user: must be a string' };
  if (!optStr(actor.session)) return { ok: false, reason: 'actor.session: must be a string' };
  const type = actor.type === undefined ? 'unknown' : actor.type;
  if (!isStr(type) || !ACTOR_TYPE_SET.has(type)) return { ok: false, reason: `actor.type: unknown type '${shown(type)}'` };
  if (!optStr(e.src_ip)) return { ok: false, reason: 'src_ip: must be a string' };
  if (!optStr(e.user_agent)) return { ok: false, reason: 'user_agent: must be a string' };
  if (!optStr(e.object)) return { ok: false, reason: 'object: must be a string' };
  if (!optStr(e.query)) return { ok: false, reason: 'query: must be a string' };
  if (e.record_ids !== undefined) {
    if (!Array.isArray(e.record_ids) || !allStrings(e.record_ids)) return { ok: false, reason: 'record_ids: must be an array of strings' };
  }
  if (e.result_count !== undefined) {
    if (!Number.isSafeInteger(e.result_count) || (e.result_count as number) < 0) return { ok: false, reason: 'result_count: must be a non-negative integer' };
  }
  const fields = e.fields === undefined ? [] : e.fields;
  if (!Array.isArray(fields)) return { ok: false, reason: 'fields: must be an array' };
  for (const f of fields) if (!isStr(f) || !DATA_CATEGORY_SET.has(f)) return { ok: false, reason: `fields: unknown data category '${shown(f)}'` };
  const outcome = e.outcome === undefined ? 'success' : e.outcome;
  if (outcome !== 'success' && outcome !== 'failure') return { ok: false, reason: `outcome: must be success or failure` };
  const raw = e.raw === undefined ? {} : e.raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'raw: must be an object' };

  if (alreadyNormal(e, actor)) {
    // Valid and nothing to drop: complete the defaults in place instead of copying (the caller's
    // freshly parsed object becomes the event; this is the usual jsonl line).
    if (e.source === undefined) e.source = source;
    if (e.actor === undefined) e.actor = { type };
    else if (actor.type === undefined) actor.type = type;
    if (e.fields === undefined) e.fields = fields;
    if (e.outcome === undefined) e.outcome = outcome;
    if (e.raw === undefined) e.raw = raw;
    return { ok: true, event: e as unknown as AccessEvent };
  }
  const ev: AccessEvent = {
    id: e.id,
    time: e.time,
    source,
    actor: { type: type as AccessEvent['actor']['type'] },
    action: e.action as AccessEvent['action'],
    fields: fields as AccessEvent['fields'],
    outcome,
    raw: raw as Record<string, unknown>,
  };
  if (isStr(actor.user)) ev.actor.user = actor.user;
  if (isStr(actor.session)) ev.actor.session = actor.session;
  if (isStr(e.src_ip)) ev.src_ip = e.src_ip;
  if (isStr(e.user_agent)) ev.user_agent = e.user_agent;
  if (isStr(e.object)) ev.object = e.object;
  if (isStr(e.query)) ev.query = e.query;
  if (Array.isArray(e.record_ids)) ev.record_ids = e.record_ids as string[];
  if (typeof e.result_count === 'number') ev.result_count = e.result_count;
  return { ok: true, event: ev };
}

/**
 * True when a valid event's object holds only the event's own keys (plain own properties, none
 * undefined), so keeping it is the same as the copy, which drops everything else. Counting keys
 * (the engine's cached key list) is cheaper than walking them.
 */
function alreadyNormal(e: Record<string, unknown>, actor: Record<string, unknown>): boolean {
  if (Object.getPrototypeOf(e) !== Object.prototype) return false;
  const known =
    4 + // id, time and action are valid strings; actor is checked below
    defined(e.source) +
    defined(e.src_ip) +
    defined(e.user_agent) +
    defined(e.object) +
    defined(e.record_ids) +
    defined(e.query) +
    defined(e.result_count) +
    defined(e.fields) +
    defined(e.outcome) +
    defined(e.raw);
  if (e.actor === undefined) return Object.keys(e).length === known - 1;
  if (Object.keys(e).length !== known || Object.getPrototypeOf(actor) !== Object.prototype) return false;
  return Object.keys(actor).length === defined(actor.user) + defined(actor.type) + defined(actor.session);
}

const defined = (v: unknown): number => (v === undefined ? 0 : 1);
