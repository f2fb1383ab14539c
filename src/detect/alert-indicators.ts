// What marks the attacker's events, prefilled from an alert: the actors, IPs and sessions named
// by its group and by its evidence events (looked up in the event store), and its time range.
// `indicatorsFrom` is pure; `alertIndicators` reads the alert and its evidence from the store.
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { type AlertView, getAlert } from './alert-store.ts';

export interface Indicators {
  actors: string[];
  ips: string[];
  sessions: string[];
  from: string;
  to: string;
}

export interface EvidenceEvent {
  actor_user: string | null;
  src_ip: string | null;
  session: string | null;
}

const ACTOR_KEYS = ['actor.user', 'user', 'User', 'TargetUserName', 'SubjectUserName', 'USER_NAME'];
const IP_KEYS = ['src_ip', 'IpAddress', 'SourceIp', 'ip', 'SOURCE_IP', 'CLIENT_IP'];
const SESSION_KEYS = ['actor.session', 'session', 'SESSION_KEY', 'TargetLogonId'];

function pickAll(group: Record<string, unknown>, keys: string[]): string[] {
  return keys.map((k) => group[k]).filter((v): v is string => typeof v === 'string' && v !== '');
}

const sortedSet = (values: Iterable<string>): string[] => [...new Set(values)].sort();

export function indicatorsFrom(alert: Pick<AlertView, 'group' | 'first' | 'last'>, evidence: EvidenceEvent[]): Indicators {
  const actors = [...pickAll(alert.group, ACTOR_KEYS)];
  const ips = [...pickAll(alert.group, IP_KEYS)];
  const sessions = [...pickAll(alert.group, SESSION_KEYS)];
  for (const e of evidence) {
    if (e.actor_user) actors.push(e.actor_user);
    if (e.src_ip) ips.push(e.src_ip);
    if (e.session) sessions.push(e.session);
  }
  return { actors: sortedSet(actors), ips: sortedSet(ips), sessions: sortedSet(sessions), from: alert.first, to: alert.last };
}

export async function alertIndicators(store: Store, alertId: string): Promise<{ alert: AlertView; indicators: Indicators }> {
  const alert = await getAlert(store, alertId);
  if (!alert) throw new WardenError('not_found', `no alert '${alertId}'`, 'ALERT_ID');
  const evidence =
    alert.evidence.length === 0
      ? []
      : await store.db
          .selectFrom('events')
          .select(['actor_user', 'src_ip', 'session'])
          .where('id', 'in', alert.evidence)
          .execute();
  return { alert, indicators: indicatorsFrom(alert, evidence) };
}
