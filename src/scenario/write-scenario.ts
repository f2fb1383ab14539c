// Writes the demo world to a folder in the formats a user would bring: customers.csv,
// access.jsonl (normalized events), the same log in the CRM vendor's own audit export
// (vendor-audit.csv) with the mapping a user writes for it, inventory.yaml and incident.json
// (the facts the vendor reported). Streams everything in one pass; deterministic for a seed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { stringify } from 'yaml';
import { generateActivity } from './generate-activity.ts';
import { generateAttack, planAttack } from './generate-attack.ts';
import { CUSTOMER_COLUMNS, generateCustomers } from './generate-customers.ts';
import { LineSink } from './line-sink.ts';
import { jsonLine, type TimedEvent, vendorLine } from './timed-event.ts';
import { scenarioInventory } from './scenario-inventory.ts';
import { ATTACKED_UNIT, jstIso, SOURCE, TIMELINE } from './scenario-world.ts';
import { VENDOR_AUDIT_COLUMNS, vendorAuditMappingYaml } from './vendor-audit.ts';

export interface ScenarioOptions {
  out: string;
  customers: number;
  affected: number;
  events: number;
  seed: number;
  /** Also write the vendor's audit export and its mapping (default true). */
  vendorCsv?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface ScenarioFiles {
  dir: string;
  customersCsv: string;
  accessJsonl: string;
  /** The vendor's audit export and its field mapping; absent when not written. */
  vendorAuditCsv?: string;
  vendorAuditMapping?: string;
  inventoryYaml: string;
  incidentJson: string;
  customers: number;
  events: number;
  expected: { confirmed: number; inferred: number; total: number };
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** customers.csv; returns every customer id, and each sales unit's, for the activity. */
function writeCustomers(file: string, o: ScenarioOptions): { allIds: string[]; unitIds: Map<string, string[]> } {
  const unitIds = new Map<string, string[]>();
  const allIds: string[] = [];
  const csv = new LineSink(file);
  csv.add(`${CUSTOMER_COLUMNS.join(',')}\n`);
  for (const c of generateCustomers(o.customers, o.seed)) {
    allIds.push(c.id);
    const list = unitIds.get(c.unit) ?? [];
    list.push(c.id);
    unitIds.set(c.unit, list);
    csv.add(`${CUSTOMER_COLUMNS.map((k) => csvCell(c[k])).join(',')}\n`);
  }
  csv.end();
  return { allIds, unitIds };
}

/** access.jsonl and, when asked, vendor-audit.csv, in one pass; returns how many events. */
async function writeLogs(jsonlFile: string, vendorFile: string | undefined, o: ScenarioOptions, ids: ReturnType<typeof writeCustomers>): Promise<number> {
  const attack = generateAttack(ids.unitIds.get(ATTACKED_UNIT) ?? [], o.affected);
  const attackDay = Math.floor((Date.parse(TIMELINE.attackStart) - Date.parse(TIMELINE.start)) / 86_400_000);
  const log = new LineSink(jsonlFile);
  const vendor = vendorFile ? new LineSink(vendorFile) : undefined;
  vendor?.add(`${VENDOR_AUDIT_COLUMNS.join(',')}\n`);
  let seq = 0;
  let day = 0;
  for (const events of generateActivity({ ...ids, targetEvents: o.events, seed: o.seed })) {
    const all: TimedEvent[] = day === attackDay ? events.concat(attack) : events;
    all.sort((a, b) => a.ms - b.ms);
    for (const e of all) {
      seq++;
      const id = `ev-${String(seq).padStart(9, '0')}`;
      const time = jstIso(e.ms);
      log.add(jsonLine(id, time, e));
      vendor?.add(vendorLine(id, time, e));
    }
    day++;
    o.onProgress?.(day, TIMELINE.days);
    await setImmediate(); // the writes are synchronous: let the progress bar and signals through
  }
  log.end();
  vendor?.end();
  return seq;
}

export async function writeScenario(o: ScenarioOptions): Promise<ScenarioFiles> {
  mkdirSync(o.out, { recursive: true });
  const files = {
    customersCsv: join(o.out, 'customers.csv'),
    accessJsonl: join(o.out, 'access.jsonl'),
    inventoryYaml: join(o.out, 'inventory.yaml'),
    incidentJson: join(o.out, 'incident.json'),
  };
  const vendorFiles = { vendorAuditCsv: join(o.out, 'vendor-audit.csv'), vendorAuditMapping: join(o.out, 'vendor-audit.mapping.yaml') };
  const withVendor = o.vendorCsv ?? true;
  const ids = writeCustomers(files.customersCsv, o);
  const events = await writeLogs(files.accessJsonl, withVendor ? vendorFiles.vendorAuditCsv : undefined, o, ids);
  if (withVendor) writeFileSync(vendorFiles.vendorAuditMapping, vendorAuditMappingYaml());
  // A vendor export left from an earlier run would no longer match access.jsonl.
  else for (const f of Object.values(vendorFiles)) rmSync(f, { force: true });

  writeFileSync(files.inventoryYaml, stringify(scenarioInventory()));
  const plan = planAttack(o.affected);
  writeFileSync(
    files.incidentJson,
    `${JSON.stringify(
      {
        title: 'Dealer CRM: customer data exported through a vendor support account',
        vendor: 'crm-vendor',
        system: SOURCE,
        began_at: TIMELINE.attackStart,
        // The vendor's reference for this breach: how a rerun of the demo finds its incident.
        external_ref: `crm-vendor/${SOURCE}/${TIMELINE.attackStart}`,
        vendor_discovered_at: TIMELINE.vendorDiscovered,
        aware_at: TIMELINE.vendorToldUs,
        facts: { role: 'controller', cause: 'unauthorized_access', encrypted: false, misuse_confirmed: false, sector: 'auto_dealer' },
      },
      null,
      2,
    )}\n`,
  );
  return {
    dir: o.out,
    ...files,
    ...(withVendor ? vendorFiles : {}),
    customers: o.customers,
    events,
    expected: { confirmed: plan.confirmed, inferred: plan.inferred, total: o.affected },
  };
}
