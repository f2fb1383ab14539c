// Writes the demo world to a folder in the formats a user would bring: customers.csv,
// access.jsonl (normalized events), inventory.yaml and incident.json (the facts the vendor
// reported). Streams everything; deterministic for a seed.
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { generateActivity } from './generate-activity.ts';
import { generateAttack, planAttack, type TimedEvent } from './generate-attack.ts';
import { CUSTOMER_COLUMNS, generateCustomers } from './generate-customers.ts';
import { scenarioInventory } from './scenario-inventory.ts';
import { ATTACKED_UNIT, jstIso, SOURCE, TIMELINE } from './scenario-world.ts';

export interface ScenarioOptions {
  out: string;
  customers: number;
  affected: number;
  events: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ScenarioFiles {
  dir: string;
  customersCsv: string;
  accessJsonl: string;
  inventoryYaml: string;
  incidentJson: string;
  customers: number;
  events: number;
  expected: { confirmed: number; inferred: number; total: number };
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export async function writeScenario(o: ScenarioOptions): Promise<ScenarioFiles> {
  mkdirSync(o.out, { recursive: true });
  const files = {
    customersCsv: join(o.out, 'customers.csv'),
    accessJsonl: join(o.out, 'access.jsonl'),
    inventoryYaml: join(o.out, 'inventory.yaml'),
    incidentJson: join(o.out, 'incident.json'),
  };
  const unitIds = new Map<string, string[]>();
  const allIds: string[] = [];
  const csv = createWriteStream(files.customersCsv);
  await write(csv, `${CUSTOMER_COLUMNS.join(',')}\n`);
  for (const c of generateCustomers(o.customers, o.seed)) {
    allIds.push(c.id);
    const list = unitIds.get(c.unit) ?? [];
    list.push(c.id);
    unitIds.set(c.unit, list);
    await write(csv, `${CUSTOMER_COLUMNS.map((k) => csvCell(c[k])).join(',')}\n`);
  }
  csv.end();
  await once(csv, 'finish');

  const attack = generateAttack(unitIds.get(ATTACKED_UNIT) ?? [], o.affected);
  const attackDay = Math.floor((Date.parse(TIMELINE.attackStart) - Date.parse(TIMELINE.start)) / 86_400_000);
  const log = createWriteStream(files.accessJsonl);
  let seq = 0;
  let day = 0;
  for (const events of generateActivity({ unitIds, allIds, targetEvents: o.events, seed: o.seed })) {
    const all: TimedEvent[] = day === attackDay ? events.concat(attack) : events;
    all.sort((a, b) => a.ms - b.ms);
    let chunk = '';
    for (const e of all) {
      seq++;
      chunk += `{"id":"ev-${String(seq).padStart(9, '0')}","time":"${jstIso(e.ms)}",${e.body}}\n`;
      if (chunk.length > 1 << 20) {
        await write(log, chunk);
        chunk = '';
      }
    }
    await write(log, chunk);
    day++;
    o.onProgress?.(day, TIMELINE.days);
  }
  log.end();
  await once(log, 'finish');

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
    customers: o.customers,
    events: seq,
    expected: { confirmed: plan.confirmed, inferred: plan.inferred, total: o.affected },
  };
}
