// Incident integration: builds the scenario from an incident's scope and the facts an analyst
// set, decides its obligations against the law data, and keeps each decision (with the law-data
// version) in the incident's history; lists every open deadline across incidents (the board).
import { z } from 'zod';
import { WardenError } from '../errors.ts';
import { FactsSchema } from '../incidents/incident-model.ts';
import { isDataCategory } from '../inventory/data-categories.ts';
import type { Store } from '../store/open-store.ts';
import { decideObligations } from './decide-obligations.ts';
import { type LoadedLaws, loadLaws } from './load-laws.ts';
import { ObligationSchema } from './obligation-schema.ts';
import {
  type DecisionRow,
  decisionsOf,
  type IncidentInputs,
  insertDecision,
  MET_KIND,
  OBLIGATIONS_KIND,
  readIncidentInputs,
} from './obligations-store.ts';
import { JurisdictionCodeSchema, type Scenario, ScenarioSchema } from './scenario-schema.ts';

const ScopeCountsSchema = z.object({
  fields: z.array(z.string()).default([]),
  by_jurisdiction: z.record(z.string(), z.number()).default({}),
});

export const ObligationsDecisionSchema = z.object({
  scenario: ScenarioSchema,
  obligations: z.array(ObligationSchema),
  law_version: z.string(),
  notes: z.array(z.string()),
});
export type ObligationsDecision = z.infer<typeof ObligationsDecisionSchema>;

let defaultLaws: LoadedLaws | undefined;
function lawsOnce(): LoadedLaws {
  defaultLaws ??= loadLaws();
  return defaultLaws;
}

/** The scenario an incident stands for; codes or fields outside the vocabulary become notes. */
export function scenarioOfIncident(inc: IncidentInputs): { scenario: Scenario; notes: string[] } {
  const notes: string[] = [];
  const facts = FactsSchema.safeParse(inc.facts ?? {});
  if (!facts.success) throw new WardenError('bad_input', facts.error.issues[0]?.message ?? 'bad facts', `incident ${inc.id}: facts`);
  if (inc.scope === null) throw new WardenError('bad_input', 'the incident has no scope yet: run `warden scope` first', `incident ${inc.id}`);
  const scope = ScopeCountsSchema.safeParse(inc.scope);
  if (!scope.success) throw new WardenError('bad_input', 'scope lacks fields/by_jurisdiction', `incident ${inc.id}: scope`);
  const affected: Record<string, number> = {};
  for (const [code, n] of Object.entries(scope.data.by_jurisdiction)) {
    if (JurisdictionCodeSchema.safeParse(code).success && n > 0) affected[code] = n;
    else if (n > 0) notes.push(`scope: jurisdiction '${code}' is not an ISO 3166 code; left out`);
  }
  const data = scope.data.fields.filter(isDataCategory);
  for (const f of scope.data.fields) if (!isDataCategory(f)) notes.push(`scope: field '${f}' is not a data category; left out`);
  const f = facts.data;
  let awareAt = inc.aware_at;
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(awareAt)) {
    awareAt = `${awareAt}Z`;
    notes.push('aware_at had no UTC offset: read as UTC');
  }
  const parsed = ScenarioSchema.safeParse({
    aware_at: awareAt,
    role: f.role,
    cause: f.cause,
    encrypted: f.encrypted,
    misuse_confirmed: f.misuse_confirmed,
    ...(f.sector ? { sector: f.sector } : {}),
    affected,
    data,
  });
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new WardenError('bad_input', i?.message ?? 'bad scenario', `incident ${inc.id}: ${i?.path.join('.')}`);
  }
  return { scenario: parsed.data, notes };
}

/** Decides the incident's obligations now and records the decision in its history. */
export async function decideForIncident(
  store: Store,
  incidentId: string,
  actor: string,
  laws: LoadedLaws = lawsOnce(),
): Promise<ObligationsDecision & { decision_id: string; at: string }> {
  const inc = await readIncidentInputs(store, incidentId);
  const { scenario, notes } = scenarioOfIncident(inc);
  const obligations = decideObligations(scenario, laws.files);
  const payload: ObligationsDecision = { scenario, obligations, law_version: laws.version, notes };
  const row = await insertDecision(store, incidentId, OBLIGATIONS_KIND, actor, payload);
  return { ...payload, decision_id: row.id, at: row.at };
}

export { listOpenDeadlines } from './deadline-board.ts';

/** Marks one obligation of an incident as done (e.g. the report was filed). */
export async function markObligationMet(store: Store, incidentId: string, key: string, actor: string): Promise<DecisionRow> {
  await readIncidentInputs(store, incidentId);
  return insertDecision(store, incidentId, MET_KIND, actor, { key });
}

/** The latest obligations decision of an incident, or null when none was made. */
export async function latestObligations(store: Store, incidentId: string): Promise<ObligationsDecision | null> {
  const rows = await decisionsOf(store, incidentId, [OBLIGATIONS_KIND]);
  const last = rows.at(-1);
  if (!last) return null;
  const parsed = ObligationsDecisionSchema.safeParse(last.payload);
  return parsed.success ? parsed.data : null;
}
