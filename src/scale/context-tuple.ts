// What every partition needs of every event, in cluster order: the fields Warden's per-account
// history (src/detect/actor-context.ts) folds — time, actor, source IP, action, result count,
// record ids. Each partition's history observes all events (its own in full, the others as
// these views), so cross-account facts (networks seen by anyone, peer means) come out exactly
// as in one process. Ingest publishes one batch of these per raw batch on the ctx subject. Pure.
import type { ActorEventView } from '../detect/actor-context.ts';
import type { AccessEvent } from '../logs/access-event.ts';

/** [position in cluster order, the event's history view] */
export type ContextTuple = [number, ActorEventView];

export function contextTuple(pos: number, e: AccessEvent): ContextTuple {
  const view: ActorEventView = { time: e.time, actor: { user: e.actor.user, type: e.actor.type }, src_ip: e.src_ip, action: e.action };
  if (e.result_count !== undefined) view.result_count = e.result_count;
  if (e.record_ids !== undefined) view.record_ids = e.record_ids;
  return [pos, view];
}
