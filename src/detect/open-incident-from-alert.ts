// Opens an incident from one or more alerts: the incident's indicators are prefilled from the
// alerts' groups and evidence (actors, IPs, sessions, time range), and each alert is linked to
// it. The incident itself belongs to the incidents capability; this only hands it the facts.
import { WardenError } from '../errors.ts';
import type { Incident } from '../incidents/incident-model.ts';
import { openIncident, setIndicators } from '../incidents/incident-store.ts';
import type { Store } from '../store/open-store.ts';
import { type Indicators, alertIndicators } from './alert-indicators.ts';
import { linkAlertToIncident } from './alert-store.ts';

export interface OpenFromAlertsInput {
  alertIds: string[];
  title?: string | undefined;
  awareAt?: string | undefined; // default: now
  vendorId?: string | undefined;
}

/** The union of several alerts' indicators, over the widest time range. */
export function unionIndicators(list: Indicators[]): Indicators {
  const all = (pick: (i: Indicators) => string[]) => [...new Set(list.flatMap(pick))].sort();
  const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);
  const froms = list.map((i) => i.from).sort(byTime);
  const tos = list.map((i) => i.to).sort(byTime);
  return { actors: all((i) => i.actors), ips: all((i) => i.ips), sessions: all((i) => i.sessions), from: froms[0] ?? '', to: tos[tos.length - 1] ?? '' };
}

export async function openIncidentFromAlerts(
  store: Store,
  input: OpenFromAlertsInput,
  actor: string,
): Promise<{ incident: Incident; indicators: Indicators }> {
  if (input.alertIds.length === 0) throw new WardenError('bad_usage', 'name at least one alert', 'ALERT_ID');
  const found = [];
  for (const id of input.alertIds) found.push(await alertIndicators(store, id));
  const indicators = unionIndicators(found.map((f) => f.indicators));
  const lead = found[0]?.alert;
  const title = input.title ?? `${lead?.title ?? 'Alert'} (${indicators.actors.join(', ') || indicators.ips.join(', ') || 'unknown actor'})`;
  const opened = await openIncident(store, { title, awareAt: input.awareAt ?? new Date().toISOString(), vendorId: input.vendorId }, actor);
  const incident = await setIndicators(store, opened.id, indicators, actor);
  for (const f of found) await linkAlertToIncident(store, f.alert.id, opened.id);
  return { incident, indicators };
}

/** One alert's incident: `warden alerts incident ALERT_ID`. */
export function openIncidentFromAlert(store: Store, alertId: string, actor: string, options: Omit<OpenFromAlertsInput, 'alertIds'> = {}) {
  return openIncidentFromAlerts(store, { ...options, alertIds: [alertId] }, actor);
}
