// Gathers the facts behind a vendor's continuous signals: alerts whose evidence events came from
// its systems, its grants, breach-notice SLA checks of incidents naming it, and its findings.
// Read-only; the judgement is evaluateSignals (signals.ts).
import { listAlerts } from '../detect/alert-store.ts';
import { listIncidents } from '../incidents/incident-store.ts';
import { checkVendorSla } from '../incidents/vendor-sla.ts';
import type { Vendor } from '../inventory/inventory-schema.ts';
import type { Store } from '../store/open-store.ts';
import { listFindings } from './findings-store.ts';
import type { SignalFacts } from './signals.ts';

async function systemsOfAlert(store: Store, evidence: string[], group: Record<string, unknown>, systems: Set<string>): Promise<string[]> {
  const found = new Set<string>();
  for (const v of Object.values(group)) if (typeof v === 'string' && systems.has(v)) found.add(v);
  const ids = evidence.slice(0, 200);
  if (ids.length) {
    const rows = await store.db.selectFrom('events').select('source').distinct().where('id', 'in', ids).execute();
    for (const r of rows) if (systems.has(r.source)) found.add(r.source);
  }
  return [...found];
}

export async function gatherSignalFacts(store: Store, vendor: Vendor): Promise<SignalFacts> {
  const systems = new Set(vendor.systems.map((s) => s.id));
  const alerts: SignalFacts['alerts'] = [];
  for (const a of await listAlerts(store)) {
    const on = await systemsOfAlert(store, a.evidence, a.group, systems);
    if (on.length) alerts.push({ id: a.id, title: a.title, level: a.level, status: a.status, system: on.join(', ') });
  }
  const grants = vendor.systems.flatMap((s) => s.grants.map((g) => ({ system: s.id, account: g.account, type: g.type, last_used: g.last_used ?? null })));
  const sla = (await listIncidents(store))
    .filter((i) => i.vendor_id === vendor.id)
    .map((i) => {
      const c = checkVendorSla(vendor.contract.breach_notice_sla_hours, i.facts.vendor_discovered_at, i.facts.vendor_notified_at);
      return { incident_id: i.id, breached: c.breached, message: c.message };
    });
  const findings = (await listFindings(store, { vendor_id: vendor.id })).map((f) => ({ id: f.id, title: f.title, severity: f.severity, status: f.status, due_at: f.due_at }));
  return { alerts, grants, sla, findings };
}
