// What an incident's facts or scope change sets off: the obligations are decided again from
// the new facts and counts, and the decision (with its law-data version) joins the history.
import { decideForIncident } from '../obligations/incident-obligations.ts';
import type { Store } from '../store/open-store.ts';
import type { Facts, Incident, Scope } from './incident-model.ts';
import { getIncident, setFacts } from './incident-store.ts';
import { scopeIncident } from './scope-incident.ts';

/** Re-decides obligations when the incident has been scoped (before that there is nothing to count). */
export async function reassessObligations(store: Store, incidentId: string, actor: string): Promise<boolean> {
  const inc = await getIncident(store, incidentId);
  if (!inc.scope) return false;
  await decideForIncident(store, incidentId, actor);
  return true;
}

export async function changeFacts(store: Store, id: string, changes: Partial<Facts> & { aware_at?: string }, actor: string): Promise<Incident> {
  await setFacts(store, id, changes, actor);
  await reassessObligations(store, id, actor);
  return getIncident(store, id);
}

export async function rescope(store: Store, id: string, actor: string): Promise<Scope> {
  const scope = await scopeIncident(store, id, actor);
  await reassessObligations(store, id, actor);
  return scope;
}
