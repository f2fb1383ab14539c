// The demo end to end, as one capability the CLI calls: generate the dealer-CRM world (or
// reuse it when the same parameters were generated before), import the inventory and the
// customers, ingest the access log with detection, open the incident, scope it, and summarise.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Keyring } from '../crypto/keyring.ts';
import { importCustomersCsv } from '../inventory/import-customers.ts';
import { importInventory } from '../inventory/inventory-store.ts';
import { parseInventory } from '../inventory/parse-inventory.ts';
import type { Scope } from '../incidents/incident-model.ts';
import { openIncident, setFacts, setIndicators } from '../incidents/incident-store.ts';
import { scopeIncident } from '../incidents/scope-incident.ts';
import { type EventSink, ingestFile } from '../logs/ingest.ts';
import type { Store } from '../store/open-store.ts';
import { countRows } from '../store/count-rows.ts';
import { type ScenarioFiles, writeScenario } from './write-scenario.ts';

export interface DemoOptions {
  out: string;
  customers: number;
  affected: number;
  events: number;
  seed: number;
  actor: string;
  sinks?: EventSink[];
  log: (line: string) => void;
  progress: (stage: string, done: number, total: number) => void;
}

export interface DemoSummary {
  customers: number;
  events: number;
  alerts: Array<{ rule: string; title: string; level: string; count: number }>;
  incident: Scope & { title: string; aware_at: string };
  obligations: unknown[];
  notices: { drafted: number };
  expected: ScenarioFiles['expected'];
  files: { dir: string; customers: string; access: string; inventory: string };
}

interface IncidentFile {
  title: string;
  vendor: string;
  began_at: string;
  vendor_discovered_at: string;
  aware_at: string;
  attacker: { actor: string; ip: string };
  facts: Record<string, unknown>;
}

async function scenarioFiles(o: DemoOptions): Promise<ScenarioFiles> {
  const manifest = join(o.out, 'manifest.json');
  const params = { customers: o.customers, affected: o.affected, events: o.events, seed: o.seed, version: 1 };
  if (existsSync(manifest)) {
    const saved = JSON.parse(readFileSync(manifest, 'utf8')) as { params: unknown; files: ScenarioFiles };
    if (JSON.stringify(saved.params) === JSON.stringify(params) && existsSync(saved.files.accessJsonl)) {
      o.log(`reusing the scenario in ${o.out} (same parameters)`);
      return saved.files;
    }
  }
  o.log(`generating the dealer-CRM scenario in ${o.out}: ${o.customers} customers, ~${o.events} events, ${o.affected} taken`);
  const files = await writeScenario({ ...o, onProgress: (d, t) => o.progress('generate', d, t) });
  writeFileSync(manifest, JSON.stringify({ params, files }, null, 2));
  return files;
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
    sinks: o.sinks ?? [],
    onProblem: (w, r) => o.log(`${w}: ${r}`),
    onProgress: (d, t) => o.progress('ingest', d, t),
  });
  o.log(`events: ${ing.events} read, ${ing.stored} stored, ${ing.duplicates} already stored, ${ing.malformed} malformed`);

  const facts = JSON.parse(readFileSync(files.incidentJson, 'utf8')) as IncidentFile;
  const inc = await openIncident(store, { title: facts.title, awareAt: facts.aware_at, vendorId: facts.vendor }, o.actor);
  await setFacts(store, inc.id, { ...facts.facts, began_at: facts.began_at, vendor_discovered_at: facts.vendor_discovered_at, vendor_notified_at: facts.aware_at }, o.actor);
  await setIndicators(store, inc.id, { actors: [facts.attacker.actor], ips: [facts.attacker.ip], from: facts.began_at }, o.actor);
  const scope = await scopeIncident(store, inc.id, o.actor);
  const counts = await countRows(store);
  return {
    customers: counts.customers,
    events: counts.events,
    alerts: [],
    incident: { ...scope, title: facts.title, aware_at: facts.aware_at },
    obligations: [],
    notices: { drafted: 0 },
    expected: files.expected,
    files: { dir: files.dir, customers: files.customersCsv, access: files.accessJsonl, inventory: files.inventoryYaml },
  };
}
