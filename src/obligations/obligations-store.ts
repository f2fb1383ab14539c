// The obligations capability's repository: reads an incident's aware_at, facts and scope, and
// writes and reads the 'obligations' decision rows (plus 'obligation_met' marks). Every query
// goes through Kysely with bound parameters; nothing here decides anything.
import { randomUUID } from 'node:crypto';
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';

export interface IncidentInputs {
  id: string;
  title: string;
  status: string;
  aware_at: string;
  facts: unknown;
  scope: unknown;
}

export interface DecisionRow {
  id: string;
  incident_id: string;
  at: string;
  kind: string;
  actor: string;
  payload: unknown;
}

export const OBLIGATIONS_KIND = 'obligations';
export const MET_KIND = 'obligation_met';

function parseJson(text: string | null, where: string): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new WardenError('bad_input', 'stored JSON is unreadable', where);
  }
}

export async function readIncidentInputs(store: Store, id: string): Promise<IncidentInputs> {
  const r = await store.db
    .selectFrom('incidents')
    .select(['id', 'title', 'status', 'aware_at', 'facts', 'scope'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw new WardenError('not_found', `no incident '${id}'`, 'incident');
  return {
    ...r,
    facts: parseJson(r.facts, `incident ${id}: facts`),
    scope: parseJson(r.scope, `incident ${id}: scope`),
  };
}

export async function listIncidentHeads(store: Store): Promise<Array<Pick<IncidentInputs, 'id' | 'title' | 'status'>>> {
  return store.db.selectFrom('incidents').select(['id', 'title', 'status']).orderBy('id').execute();
}

// Decisions are read oldest first and the last one wins, so two made in the same millisecond
// must not tie (the id that breaks a tie is random): this process's decision times only go up.
let lastDecisionMs = 0;
function decisionTime(): string {
  const now = Date.now();
  lastDecisionMs = now > lastDecisionMs ? now : lastDecisionMs + 1;
  return new Date(lastDecisionMs).toISOString();
}

export async function insertDecision(
  store: Store,
  incidentId: string,
  kind: string,
  actor: string,
  payload: unknown,
  at: string = decisionTime(),
): Promise<DecisionRow> {
  const row = { id: randomUUID(), incident_id: incidentId, at, kind, actor, payload: JSON.stringify(payload) };
  await store.db.insertInto('decisions').values(row).execute();
  return { ...row, payload };
}

/** Decisions of the given kinds for one incident, oldest first. */
export async function decisionsOf(store: Store, incidentId: string, kinds: string[]): Promise<DecisionRow[]> {
  const rows = await store.db
    .selectFrom('decisions')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('kind', 'in', kinds)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, payload: parseJson(r.payload, `decision ${r.id}`) }));
}
