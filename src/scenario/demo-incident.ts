// The demo's incident and its obligations, rerun-safe: a run finds the incident an earlier run
// on the same store opened (by the vendor's reference in incident.json) and reuses it instead of
// opening another; obligations are decided again only when what they depend on has changed.
// An analyst's later edits to a reused incident (indicators, facts) are left as they are.
import { isDeepStrictEqual } from 'node:util';
import { type AlertView, listAlerts } from '../detect/alert-store.ts';
import { openIncidentFromAlerts } from '../detect/open-incident-from-alert.ts';
import type { Incident } from '../incidents/incident-model.ts';
import { findIncidentByExternalRef, setFacts, setIndicators } from '../incidents/incident-store.ts';
import {
  decideForIncident,
  latestObligations,
  type ObligationsDecision,
  scenarioOfIncident,
} from '../obligations/incident-obligations.ts';
import { loadLaws } from '../obligations/load-laws.ts';
import { readIncidentInputs } from '../obligations/obligations-store.ts';
import type { Store } from '../store/open-store.ts';

/** incident.json: what the vendor reported, as the scenario writes it. */
export interface IncidentReport {
  title: string;
  vendor: string;
  system: string;
  external_ref: string;
  began_at: string;
  vendor_discovered_at: string;
  aware_at: string;
  facts: Record<string, unknown>;
}

const SEVERE = new Set(['high', 'critical']);

/** The alerts of the actor with the most high/critical alerts: where an analyst would start. */
export function leadAlerts(alerts: AlertView[]): AlertView[] {
  const byActor = new Map<string, AlertView[]>();
  for (const a of alerts) {
    const who = a.group['actor.user'];
    if (!SEVERE.has(a.level) || typeof who !== 'string') continue;
    byActor.set(who, [...(byActor.get(who) ?? []), a]);
  }
  return [...byActor.values()].sort((x, y) => y.length - x.length)[0] ?? [];
}

/**
 * The incident for the vendor's report: the one opened before under its reference, else a new
 * one opened from the alerts, its indicators prefilled from them and the report's facts set.
 */
export async function demoIncident(
  store: Store,
  report: IncidentReport,
  actor: string,
): Promise<{ incident: Incident; reused: boolean }> {
  const found = await findIncidentByExternalRef(store, report.external_ref);
  if (found) return { incident: found, reused: true };
  const lead = leadAlerts(await listAlerts(store));
  if (lead.length === 0)
    throw new Error('the detection rules raised no high-severity alert on the demo log');
  const { incident } = await openIncidentFromAlerts(
    store,
    {
      alertIds: lead.map((a) => a.id),
      title: report.title,
      awareAt: report.aware_at,
      vendorId: report.vendor,
    },
    actor,
  );
  // An account taken over stays the attacker's until it is revoked: keep the window open-ended.
  await setIndicators(store, incident.id, { ...incident.indicators, to: undefined }, actor);
  const facts = {
    ...report.facts,
    external_ref: report.external_ref,
    began_at: report.began_at,
    vendor_discovered_at: report.vendor_discovered_at,
    vendor_notified_at: report.aware_at,
  };
  return { incident: await setFacts(store, incident.id, facts, actor), reused: false };
}

/**
 * The incident's obligations: its latest decision while the scenario it was made for (scope and
 * facts) and the law data are unchanged, else a new decision recorded in its history.
 */
export async function demoObligations(
  store: Store,
  incidentId: string,
  actor: string,
): Promise<ObligationsDecision> {
  const laws = loadLaws();
  const latest = await latestObligations(store, incidentId);
  const { scenario } = scenarioOfIncident(await readIncidentInputs(store, incidentId));
  if (latest && latest.law_version === laws.version && isDeepStrictEqual(latest.scenario, scenario))
    return latest;
  return decideForIncident(store, incidentId, actor, laws);
}
