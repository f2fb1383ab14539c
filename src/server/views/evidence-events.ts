// An alert's evidence events, read by id for the alert detail page. Read-only; the events
// repository (src/logs/event-store.ts) has no by-id lookup, so this small one lives here.
import type { Store } from '../../store/open-store.ts';

export async function evidenceEvents(store: Store, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await store.db
    .selectFrom('events')
    .select(['id', 'time', 'source', 'actor_user', 'actor_type', 'session', 'src_ip', 'action', 'object', 'query', 'result_count', 'record_count', 'fields', 'outcome'])
    .where('id', 'in', ids.slice(0, 200))
    .orderBy('time_ms')
    .execute();
  return rows.map((r) => ({ ...r, result_count: r.result_count === null ? null : Number(r.result_count), record_count: Number(r.record_count), fields: JSON.parse(r.fields) as string[] }));
}
