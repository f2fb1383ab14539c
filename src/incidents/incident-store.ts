// Incidents in the store: open, read, list, set indicators and facts. Every change is a
// decision row (who, when, what) so the incident keeps its history.
import { randomUUID } from 'node:crypto';
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import type { IncidentTable } from '../store/schema.ts';
import { type Facts, FactsSchema, type Incident, type Indicators, IndicatorsSchema, type Scope } from './incident-model.ts';

export interface OpenIncidentInput {
  title: string;
  awareAt: string;
  vendorId?: string | undefined;
  facts?: Partial<Facts>;
}

function isoOrThrow(v: string, where: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(Date.parse(v))) throw new WardenError('bad_input', `'${v}' is not an ISO 8601 date-time`, where);
  return v;
}

export async function openIncident(store: Store, input: OpenIncidentInput, actor: string): Promise<Incident> {
  if (!input.title.trim()) throw new WardenError('bad_input', 'title is required', '--title');
  isoOrThrow(input.awareAt, '--aware-at');
  if (input.vendorId) {
    const v = await store.db.selectFrom('vendors').select('id').where('id', '=', input.vendorId).executeTakeFirst();
    if (!v) throw new WardenError('not_found', `no vendor '${input.vendorId}' in the inventory`, '--vendor');
  }
  const facts = FactsSchema.parse(input.facts ?? {});
  const now = new Date().toISOString();
  const row: IncidentTable = {
    id: `inc-${randomUUID().slice(0, 8)}`,
    title: input.title.trim(),
    aware_at: input.awareAt,
    vendor_id: input.vendorId ?? null,
    status: 'open',
    facts: JSON.stringify(facts),
    indicators: JSON.stringify(IndicatorsSchema.parse({})),
    scope: null,
    created_at: now,
  };
  await store.db.insertInto('incidents').values(row).execute();
  await recordDecision(store, row.id, 'opened', actor, { title: row.title, aware_at: row.aware_at, vendor_id: row.vendor_id });
  return fromRow(row);
}

function fromRow(r: IncidentTable): Incident {
  return {
    id: r.id,
    title: r.title,
    aware_at: r.aware_at,
    vendor_id: r.vendor_id,
    status: r.status,
    facts: FactsSchema.parse(JSON.parse(r.facts)),
    indicators: IndicatorsSchema.parse(JSON.parse(r.indicators)),
    scope: r.scope ? (JSON.parse(r.scope) as Scope) : null,
    created_at: r.created_at,
  };
}

export async function getIncident(store: Store, id: string): Promise<Incident> {
  const r = await store.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new WardenError('not_found', `no incident '${id}'`, 'incident');
  return fromRow(r);
}

export async function listIncidents(store: Store): Promise<Incident[]> {
  const rows = await store.db.selectFrom('incidents').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(fromRow);
}

/** The incident recorded under a reporter's reference (facts.external_ref); the oldest if several are. */
export async function findIncidentByExternalRef(store: Store, ref: string): Promise<Incident | undefined> {
  // Incidents number in the dozens, not millions: reading them beats a column and a migration.
  const all = await listIncidents(store);
  return all.filter((i) => i.facts.external_ref === ref).sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
}

export async function setIndicators(store: Store, id: string, indicators: Partial<Indicators>, actor: string): Promise<Incident> {
  await getIncident(store, id);
  const parsed = IndicatorsSchema.safeParse(indicators);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new WardenError('bad_input', i?.message ?? 'bad indicators', `indicators.${i?.path.join('.')}`);
  }
  await store.db.updateTable('incidents').set({ indicators: JSON.stringify(parsed.data) }).where('id', '=', id).execute();
  await recordDecision(store, id, 'indicators', actor, parsed.data);
  return getIncident(store, id);
}

export async function setFacts(store: Store, id: string, changes: Partial<Facts> & { aware_at?: string }, actor: string): Promise<Incident> {
  const inc = await getIncident(store, id);
  const { aware_at, ...factChanges } = changes;
  const parsed = FactsSchema.safeParse({ ...inc.facts, ...factChanges });
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new WardenError('bad_input', i?.message ?? 'bad facts', `facts.${i?.path.join('.')}`);
  }
  const set: Partial<IncidentTable> = { facts: JSON.stringify(parsed.data) };
  if (aware_at) set.aware_at = isoOrThrow(aware_at, 'aware_at');
  await store.db.updateTable('incidents').set(set).where('id', '=', id).execute();
  await recordDecision(store, id, 'facts', actor, changes);
  return getIncident(store, id);
}

export async function recordDecision(store: Store, incidentId: string, kind: string, actor: string, payload: unknown): Promise<void> {
  await store.db
    .insertInto('decisions')
    .values({ id: randomUUID(), incident_id: incidentId, at: new Date().toISOString(), kind, actor, payload: JSON.stringify(payload) })
    .execute();
}

export async function listDecisions(store: Store, incidentId: string) {
  const rows = await store.db.selectFrom('decisions').selectAll().where('incident_id', '=', incidentId).orderBy('at').execute();
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
}
