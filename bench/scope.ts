// Scoping time for the demo incident on a store holding the default ~2M events, against
// answering the same question with a full scan of the raw log file (parse every line, keep the
// attacker's data-reading events, collect ids, re-run query-only exports over the customers).
// Targets: at least 20x faster than the scan, under 1 s. Reuses bench/ingest.ts's store.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openIncident, setIndicators } from '../src/incidents/incident-store.ts';
import { parseRecordQuery } from '../src/incidents/record-query.ts';
import { scopeIncident } from '../src/incidents/scope-incident.ts';
import { importCustomersCsv } from '../src/inventory/import-customers.ts';
import { importInventory } from '../src/inventory/inventory-store.ts';
import { parseInventory } from '../src/inventory/parse-inventory.ts';
import { ingestFile } from '../src/logs/ingest.ts';
import { openStore } from '../src/store/open-store.ts';
import { BENCH_DIR, benchKeyring, benchScenario, machine } from './support/demo-world.ts';

const ATTACKER = 'support-07@crm-vendor.example';
const files = await benchScenario();
const dbPath = join(BENCH_DIR, 'bench-ingest.db');
const fresh = !existsSync(dbPath);
const store = await openStore(`sqlite:${dbPath}`);
if (fresh) await ingestFile(store, { source: 'dealer-crm', file: files.accessJsonl, format: 'jsonl' });
const { inventory } = parseInventory(readFileSync(files.inventoryYaml, 'utf8'), files.inventoryYaml);
if (inventory) await importInventory(store, inventory);
const customers = await store.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
if (Number(customers.n) === 0) await importCustomersCsv(store, benchKeyring(), files.customersCsv, { onProblem: () => {} });

// Baseline: the same question answered from the raw file.
async function scan(): Promise<number> {
  const unitOf = new Map<string, string>();
  const csv = readFileSync(files.customersCsv, 'utf8').split('\n').slice(1);
  for (const line of csv) {
    const cells = line.split(',');
    if (cells[0]) unitOf.set(cells[0], cells.at(-1) ?? '');
  }
  const sortedIds = [...unitOf.keys()].sort();
  const taken = new Set<string>();
  const reading = new Set(['view', 'search', 'export', 'api_read', 'bulk_read']);
  for await (const line of createInterface({ input: createReadStream(files.accessJsonl, { highWaterMark: 1 << 20 }), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line) continue;
    const e = JSON.parse(line) as { actor?: { user?: string }; action: string; outcome: string; record_ids?: string[]; query?: string };
    if (e.actor?.user !== ATTACKER || !reading.has(e.action) || e.outcome !== 'success') continue;
    if (e.record_ids) for (const id of e.record_ids) taken.add(id);
    else if (e.query) {
      const q = parseRecordQuery(e.query);
      const where = q.where.kind === 'cmp' ? q.where : undefined;
      const ids = sortedIds.filter((id) => !where || unitOf.get(id) === String(where.value));
      for (const id of ids.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? ids.length))) taken.add(id);
    }
  }
  return taken.size;
}

const s0 = performance.now();
const scanned = await scan();
const scanMs = performance.now() - s0;

const inc = await openIncident(store, { title: 'bench', awareAt: '2026-11-06T09:30:00+09:00' }, 'bench');
await setIndicators(store, inc.id, { actors: [ATTACKER] }, 'bench');
const runs = 5;
const times: number[] = [];
let total = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  total = (await scopeIncident(store, inc.id, 'bench')).affected.total;
  times.push(performance.now() - t0);
}
await store.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)] ?? 0;
console.log(`machine: ${machine()}`);
console.log(`baseline (full scan of the raw log): ${scanMs.toFixed(0)} ms -> ${scanned} customers`);
console.log(`scope (indexed store, median of ${runs}): ${median.toFixed(0)} ms -> ${total} customers`);
console.log(`ratio scan/scope: ${(scanMs / median).toFixed(1)}x (target >= 20x, scope < 1000 ms)`);
