// The compact record of one event that every detection worker folds, in raw-stream order, into
// the cross-actor part of Warden's history (first event time, IPs seen by anyone, peer means by
// actor type). Ingest publishes one batch of these per raw batch on the ctx subject. Pure.
import type { AccessEvent } from '../logs/access-event.ts';

/** [raw seq, event ms, src_ip or '', has user (1/0), actor type, result_count of a read or -1] */
export type ContextTuple = [number, number, string, 0 | 1, string, number];

const READS: ReadonlySet<string> = new Set(['view', 'search', 'export', 'api_read', 'bulk_read']);

export function contextTuple(seq: number, e: AccessEvent): ContextTuple {
  const rc = typeof e.result_count === 'number' && READS.has(e.action) ? e.result_count : -1;
  return [seq, Date.parse(e.time), e.src_ip ?? '', e.actor.user ? 1 : 0, e.actor.type, rc];
}
