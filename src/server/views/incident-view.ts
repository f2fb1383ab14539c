// The incident workspace's read model, assembled from capability functions only: the
// incident and its last scope, its obligations (the latest decision, else a preview computed
// now and not recorded), notice counts, and the attacker's activity bucketed for the chart.
import type { Incident } from '../../incidents/incident-model.ts';
import { getIncident, listIncidents } from '../../incidents/incident-store.ts';
import { bucketEventsByIndicators } from '../../logs/event-buckets.ts';
import { decideObligations } from '../../obligations/decide-obligations.ts';
import { latestObligations, scenarioOfIncident } from '../../obligations/incident-obligations.ts';
import { loadLaws, type LoadedLaws } from '../../obligations/load-laws.ts';
import type { Obligation } from '../../obligations/obligation-schema.ts';
import type { Store } from '../../store/open-store.ts';
import { noticeCountsOf } from './notice-counts.ts';

const ZERO = { confirmed: 0, inferred: 0, total: 0 };

export function incidentHead(i: Incident) {
  return { id: i.id, title: i.title, aware_at: i.aware_at, affected: i.scope?.affected ?? ZERO };
}

export async function incidentHeads(store: Store) {
  return (await listIncidents(store)).map(incidentHead);
}

let laws: LoadedLaws | undefined;

async function obligationsOf(store: Store, inc: Incident): Promise<{ source: 'decided' | 'preview' | 'none'; rows: Obligation[] }> {
  const latest = await latestObligations(store, inc.id);
  if (latest) return { source: 'decided', rows: latest.obligations };
  if (!inc.scope) return { source: 'none', rows: [] };
  laws ??= loadLaws();
  const { scenario } = scenarioOfIncident({ id: inc.id, title: inc.title, status: inc.status, aware_at: inc.aware_at, facts: inc.facts, scope: inc.scope });
  return { source: 'preview', rows: decideObligations(scenario, laws.files) };
}

export async function incidentDetail(store: Store, id: string) {
  const inc = await getIncident(store, id);
  const obligations = await obligationsOf(store, inc);
  return {
    ...incidentHead(inc),
    status: inc.status,
    vendor_id: inc.vendor_id,
    created_at: inc.created_at,
    facts: inc.facts,
    indicators: inc.indicators,
    fields: inc.scope?.fields ?? [],
    by_jurisdiction: inc.scope?.by_jurisdiction ?? {},
    by_entity: inc.scope?.by_entity ?? {},
    scope: inc.scope ? { worst_case: inc.scope.worst_case, events: inc.scope.events, notes: inc.scope.notes, computed_at: inc.scope.computed_at } : null,
    obligations: obligations.rows,
    obligations_source: obligations.source,
    notices: await noticeCountsOf(store, inc.id),
  };
}

export const BUCKET_MS = 10 * 60_000;

export interface TimelineBucket {
  start: string;
  actor: string;
  records: number;
  events: number;
}

/** Records touched per 10 minutes by actor, over the incident's indicator-matched events. */
export async function incidentTimeline(store: Store, id: string): Promise<{ bucket_minutes: number; buckets: TimelineBucket[] }> {
  const inc = await getIncident(store, id);
  const ind = inc.indicators;
  if (ind.actors.length + ind.ips.length + ind.sessions.length === 0) return { bucket_minutes: 10, buckets: [] };
  const counted = await bucketEventsByIndicators(
    store,
    {
      actors: ind.actors,
      ips: ind.ips,
      sessions: ind.sessions,
      ...(ind.from ? { fromMs: Date.parse(ind.from) } : {}),
      ...(ind.to ? { toMs: Date.parse(ind.to) } : {}),
    },
    BUCKET_MS,
  );
  const buckets: TimelineBucket[] = counted.map((b) => ({ start: new Date(b.startMs).toISOString(), actor: b.actor, records: b.records, events: b.events }));
  return { bucket_minutes: 10, buckets: buckets.sort((a, b) => a.start.localeCompare(b.start) || a.actor.localeCompare(b.actor)) };
}
