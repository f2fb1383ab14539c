// The demo end to end, as one capability the CLI calls: generate the dealer-CRM world (or
// reuse it when the same parameters were generated before), import the inventory and the
// customers, ingest the access log with detection, open the incident (or find the one an
// earlier run opened), scope it, and summarise. Rerunning on the same store changes nothing it
// already holds. It ingests access.jsonl, not the vendor's export beside it: the same events,
// but on 2M lines the CSV path measured 8-25% slower (two-byte strings from the lines with
// Japanese queries), and `npm start` runs this.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Keyring } from '../crypto/keyring.ts';
import { importCustomersCsv } from '../inventory/import-customers.ts';
import { parseInventory } from '../inventory/parse-inventory.ts';
import type { Scope } from '../incidents/incident-model.ts';
import { type AlertView, listAlerts } from '../detect/alert-store.ts';
import { createDetectionSink } from '../detect/detection-sink.ts';
import { checkVendorSla, type SlaCheck } from '../incidents/vendor-sla.ts';
import { getVendor, importInventory } from '../inventory/inventory-store.ts';
import { draftNotices } from '../notify/draft-notices.ts';
import { createEmailTransport } from '../notify/email-transport.ts';
import { loadOrgProfile } from '../notify/org-profile.ts';
import { sendEmailNotices } from '../notify/send-email-notices.ts';
import { seedDemoOversight } from '../oversee/demo-oversight.ts';
import { listFindings } from '../oversee/findings-store.ts';
import { scopeIncident } from '../incidents/scope-incident.ts';
import { type EventSink, ingestFile } from '../logs/ingest.ts';
import type { Store } from '../store/open-store.ts';
import { countRows } from '../store/count-rows.ts';
import { demoIncident, demoObligations, type IncidentReport } from './demo-incident.ts';
import { type ScenarioFiles, writeScenario } from './write-scenario.ts';

export interface DemoOptions {
  out: string;
  customers: number;
  affected: number;
  events: number;
  seed: number;
  /** Also write the vendor's audit export and its mapping, for a user to ingest (default true). */
  vendorCsv?: boolean;
  actor: string;
  sinks?: EventSink[];
  /** When given, the drafted email notices are sent through this SMTP server. */
  smtp?: { url: string; from?: string | undefined } | undefined;
  log: (line: string) => void;
  progress: (stage: string, done: number, total: number) => void;
}

export interface DemoSummary {
  customers: number;
  events: number;
  alerts: Array<{ rule: string; title: string; level: string; count: number }>;
  incident: Scope & { title: string; aware_at: string };
  obligations: unknown[];
  notices: { drafted: number; email: number; letter: number; sent?: number; failed?: number };
  oversight: { assessment_id: string; score: number; findings: number } | null;
  vendor_sla: SlaCheck;
  expected: ScenarioFiles['expected'];
  files: { dir: string; customers: string; access: string; inventory: string };
  /** True when an earlier run on this store had opened the incident and this one reused it. */
  reused_incident: boolean;
}

async function sendDemoNotices(store: Store, keyring: Keyring, incidentId: string, smtp: { url: string; from?: string | undefined }, actor: string) {
  const org = loadOrgProfile();
  const transport = createEmailTransport(smtp.url);
  try {
    return await sendEmailNotices(store, keyring, incidentId, { transport, from: smtp.from ?? `${org.name} <notices@${org.domain}>`, org, actor });
  } finally {
    transport.close();
  }
}

/** One line per rule: how many alerts it raised (CONTRACTS.md `alerts[].count`). */
export function alertsByRule(alerts: AlertView[]): DemoSummary['alerts'] {
  const rank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, informational: 4 };
  const by = new Map<string, DemoSummary['alerts'][number]>();
  for (const a of alerts) {
    const cur = by.get(a.rule) ?? { rule: a.rule, title: a.title, level: a.level, count: 0 };
    cur.count++;
    by.set(a.rule, cur);
  }
  return [...by.values()].sort((x, y) => (rank[x.level] ?? 9) - (rank[y.level] ?? 9) || y.count - x.count);
}

async function scenarioFiles(o: DemoOptions): Promise<ScenarioFiles> {
  const manifest = join(o.out, 'manifest.json');
  // version 2: the vendor's audit export and its mapping, and the vendor's reference in incident.json.
  const params = { customers: o.customers, affected: o.affected, events: o.events, seed: o.seed, vendorCsv: o.vendorCsv ?? true, version: 2 };
  if (existsSync(manifest)) {
    const saved = JSON.parse(readFileSync(manifest, 'utf8')) as { params: unknown; files: ScenarioFiles };
    const present = [saved.files.accessJsonl, saved.files.vendorAuditCsv].every((f) => f === undefined || existsSync(f));
    if (JSON.stringify(saved.params) === JSON.stringify(params) && present) {
      o.log(`reusing the scenario in ${o.out} (same parameters)`);
      return saved.files;
    }
  }
  o.log(`generating the dealer-CRM scenario in ${o.out}: ${o.customers} customers, ~${o.events} events, ${o.affected} taken`);
  const files = await writeScenario({ ...o, onProgress: (d, t) => o.progress('generate', d, t) });
  writeFileSync(manifest, JSON.stringify({ params, files }, null, 2));
  return files;
}

/** The baseline assessment, with its findings still open (the same on every run). */
async function demoOversight(store: Store): Promise<DemoSummary['oversight']> {
  const seeded = await seedDemoOversight(store);
  if (!seeded) return null;
  const open = await listFindings(store, { assessment_id: seeded.assessment_id, status: 'open' });
  return { ...seeded, findings: open.length };
}

export async function runDemo(store: Store, keyring: Keyring, o: DemoOptions): Promise<DemoSummary> {
  const files = await scenarioFiles(o);

  const { inventory, problems } = parseInventory(readFileSync(files.inventoryYaml, 'utf8'), files.inventoryYaml);
  if (!inventory) throw new Error(`scenario inventory invalid: ${problems.map((p) => p.message).join('; ')}`);
  await importInventory(store, inventory);

  const cust = await importCustomersCsv(store, keyring, files.customersCsv, {
    onProblem: (p) => o.log(`${p.where}: ${p.message}`),
    onProgress: (d, t) => o.progress('customers', d, t),
  });
  o.log(`customers: ${cust.imported} imported, ${cust.skipped} skipped`);

  const ing = await ingestFile(store, {
    source: 'dealer-crm',
    file: files.accessJsonl,
    format: 'jsonl',
    sinks: o.sinks ?? [await createDetectionSink(store)],
    onProblem: (w, r) => o.log(`${w}: ${r}`),
    onProgress: (d, t) => o.progress('ingest', d, t),
  });
  o.log(`events: ${ing.events} read, ${ing.stored} stored, ${ing.duplicates} already stored, ${ing.malformed} malformed`);

  // The incident is opened from the alerts, as an analyst would (or found again on a rerun);
  // what the vendor told us (when it found out, when it told us) comes from incident.json.
  const report = JSON.parse(readFileSync(files.incidentJson, 'utf8')) as IncidentReport;
  const alerts = await listAlerts(store);
  const { incident, reused } = await demoIncident(store, report, o.actor);
  if (reused) o.log(`reusing incident ${incident.id} (vendor reference ${report.external_ref}): re-scoping it`);
  const scope = await scopeIncident(store, incident.id, o.actor);
  const decision = await demoObligations(store, incident.id, o.actor);
  const drafted = await draftNotices(store, keyring, incident.id, o.actor);
  const sent = o.smtp ? await sendDemoNotices(store, keyring, incident.id, o.smtp, o.actor) : undefined;
  // The vendor's baseline assessment that showed the weaknesses the attack used.
  const oversight = await demoOversight(store);
  const vendor = await getVendor(store, report.vendor);
  const vendorSla = checkVendorSla(vendor?.contract.breach_notice_sla_hours, report.vendor_discovered_at, report.aware_at);
  const counts = await countRows(store);
  return {
    vendor_sla: vendorSla,
    customers: counts.customers,
    events: counts.events,
    alerts: alertsByRule(alerts),
    incident: { ...scope, title: incident.title, aware_at: incident.aware_at },
    obligations: decision.obligations,
    notices: { ...drafted, ...(sent ? { sent: sent.sent, failed: sent.failed } : {}) },
    oversight,
    expected: files.expected,
    files: { dir: files.dir, customers: files.customersCsv, access: files.accessJsonl, inventory: files.inventoryYaml },
    reused_incident: reused,
  };
}
