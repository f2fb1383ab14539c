// Scoping an incident against the store: find the attacker's events through the indicator
// indexes, resolve query-only exports by re-running the query on the customer index (or the
// whole data asset as the worst case), then persist the affected list and the summary.
import { DATA_READING_ACTIONS } from '../logs/access-event.ts';
import { findEventsByIndicators, type StoredEvent } from '../logs/event-store.ts';
import type { Store } from '../store/open-store.ts';
import { affectedRows, type CustomerFacts, type EntityScope, mergeTouches, summarize, type Touch } from './compute-scope.ts';
import type { Scope } from './incident-model.ts';
import { getIncident, recordDecision } from './incident-store.ts';
import { runRecordQuery } from './run-record-query.ts';

export async function scopeIncident(store: Store, incidentId: string, actor: string): Promise<Scope> {
  const inc = await getIncident(store, incidentId);
  const ind = inc.indicators;
  const events = await findEventsByIndicators(store, {
    actors: ind.actors,
    ips: ind.ips,
    sessions: ind.sessions,
    ...(ind.from ? { fromMs: Date.parse(ind.from) } : {}),
    ...(ind.to ? { toMs: Date.parse(ind.to) } : {}),
  });
  const reading = events.filter((e) => DATA_READING_ACTIONS.has(e.action) && e.outcome === 'success');
  const notes: string[] = [];
  const touches: Touch[] = [];
  let worstCase = false;
  const queryCache = new Map<string, Awaited<ReturnType<typeof runRecordQuery>>>();
  for (const e of reading) {
    if (e.record_ids) {
      touches.push({ ids: e.record_ids, basis: 'confirmed', fields: e.fields });
      continue;
    }
    if (e.query) {
      const r = queryCache.get(e.query) ?? (await runRecordQuery(store, e.query));
      queryCache.set(e.query, r);
      if (r.ok) {
        if (e.result_count !== null && e.result_count !== r.ids.length) {
          notes.push(`event ${e.id}: the log says ${e.result_count} results, the index now gives ${r.ids.length}`);
        }
        touches.push({ ids: r.ids, basis: 'inferred', fields: e.fields });
        continue;
      }
      notes.push(`event ${e.id}: ${r.reason}; scoped as the whole data asset`);
    } else {
      notes.push(`event ${e.id}: logged neither record ids nor a query; scoped as the whole data asset`);
    }
    worstCase = true;
    touches.push({ ids: await wholeAsset(store, e), basis: 'inferred', fields: e.fields });
  }
  const merged = mergeTouches(touches);
  const customers = await customerFacts(store, [...merged.keys()]);
  const { entities, fallback } = await entityScopes(store, reading);
  const { rows, unknownIds } = affectedRows(merged, customers, entities, fallback);
  if (unknownIds.length) notes.push(`${unknownIds.length} record ids in the logs are not in the customer index (e.g. ${unknownIds.slice(0, 3).join(', ')})`);

  await store.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('affected').where('incident_id', '=', incidentId).execute();
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insertInto('affected')
        .values(rows.slice(i, i + 1000).map((r) => ({ incident_id: incidentId, ...r, fields: JSON.stringify(r.fields) })))
        .execute();
    }
  });
  const scope: Scope = {
    id: incidentId,
    ...summarize(rows),
    worst_case: worstCase,
    events: { matched: events.length, data_reading: reading.length, first: reading[0]?.time ?? null, last: reading.at(-1)?.time ?? null },
    notes,
    computed_at: new Date().toISOString(),
  };
  await store.db.updateTable('incidents').set({ scope: JSON.stringify(scope) }).where('id', '=', incidentId).execute();
  await recordDecision(store, incidentId, 'scope', actor, { affected: scope.affected, by_jurisdiction: scope.by_jurisdiction, fields: scope.fields, notes });
  return scope;
}

async function customerFacts(store: Store, ids: string[]): Promise<Map<string, CustomerFacts>> {
  const out = new Map<string, CustomerFacts>();
  for (let i = 0; i < ids.length; i += 900) {
    const rows = await store.db
      .selectFrom('customers')
      .select(['id', 'country', 'region', 'unit', 'dealer', 'categories'])
      .where('id', 'in', ids.slice(i, i + 900))
      .execute();
    for (const r of rows) out.set(r.id, { ...r, categories: JSON.parse(r.categories) as string[] });
  }
  return out;
}

/** Every customer of the entities whose data the event's system holds: the worst case. */
async function wholeAsset(store: Store, e: StoredEvent): Promise<string[]> {
  const sys = await store.db.selectFrom('systems').select('entities').where('id', '=', e.source).executeTakeFirst();
  const entityIds = sys ? (JSON.parse(sys.entities) as string[]) : [];
  const ents = entityIds.length ? await store.db.selectFrom('entities').selectAll().where('id', 'in', entityIds).execute() : [];
  const units = ents.flatMap((x) => JSON.parse(x.units) as string[]);
  const dealers = ents.flatMap((x) => JSON.parse(x.dealers) as string[]);
  let q = store.db.selectFrom('customers').select('id');
  if (units.length || dealers.length) {
    q = q.where((eb) => eb.or([...(units.length ? [eb('unit', 'in', units)] : []), ...(dealers.length ? [eb('dealer', 'in', dealers)] : [])]));
  }
  return (await q.execute()).map((r) => r.id);
}

async function entityScopes(store: Store, events: StoredEvent[]): Promise<{ entities: EntityScope[]; fallback: string }> {
  const rows = await store.db.selectFrom('entities').selectAll().execute();
  const entities = rows.map((r) => ({ id: r.id, units: JSON.parse(r.units) as string[], dealers: JSON.parse(r.dealers) as string[] }));
  const sources = [...new Set(events.map((e) => e.source))];
  const systems = sources.length ? await store.db.selectFrom('systems').select('entities').where('id', 'in', sources).execute() : [];
  const owners = systems.flatMap((s) => JSON.parse(s.entities) as string[]);
  return { entities, fallback: owners.length === 1 ? (owners[0] as string) : 'unassigned' };
}
