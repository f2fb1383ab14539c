// The CRM vendor's audit export the scenario writes beside access.jsonl: read through the
// mapping it ships with, it gives the very events access.jsonl gives (ids, actors, actions,
// record ids, fields, queries, outcomes) and so the same scope, awkward values included; its
// bad rows are quarantined with file:line and reason like any other log's.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { keyId, type Keyring } from '../../src/crypto/keyring.ts';
import { openIncident, setIndicators } from '../../src/incidents/incident-store.ts';
import { scopeIncident } from '../../src/incidents/scope-incident.ts';
import { importCustomersCsv } from '../../src/inventory/import-customers.ts';
import { importInventory } from '../../src/inventory/inventory-store.ts';
import { parseInventory } from '../../src/inventory/parse-inventory.ts';
import { csvMappedAdapter } from '../../src/logs/adapters/csv-mapped.ts';
import { jsonlAdapter } from '../../src/logs/adapters/jsonl.ts';
import { ingestFile } from '../../src/logs/ingest.ts';
import { loadMapping } from '../../src/logs/load-mapping.ts';
import { jsonLine, timed, vendorLine } from '../../src/scenario/timed-event.ts';
import {
  csvCell,
  VENDOR_AUDIT_COLUMNS,
  vendorAuditMappingYaml,
} from '../../src/scenario/vendor-audit.ts';
import { writeScenario } from '../../src/scenario/write-scenario.ts';
import { freshStore, type TestStore } from '../support/dialects.ts';

const dir = mkdtempSync(join(tmpdir(), 'warden-vendor-audit-'));
const key = randomBytes(32);
const kr: Keyring = {
  current: { id: keyId(key), key },
  byId: new Map([[keyId(key), { id: keyId(key), key }]]),
};
const mappingFile = join(dir, 'vendor-audit.mapping.yaml');
writeFileSync(mappingFile, vendorAuditMappingYaml());

const attacker = {
  user: 'support-07@crm-vendor.example',
  type: 'vendor_staff',
  session: 's-7f3a91',
};
const awkward = [
  timed(0, {
    source: 'dealer-crm',
    actor: attacker,
    src_ip: '198.51.100.23',
    user_agent: 'Mozilla/5.0 (X11; Linux x86_64) "quoted", really',
    action: 'search',
    object: 'customer',
    query: `name LIKE '山田%' AND note = "VIP, 要注意"`,
    result_count: 2,
    record_ids: ['C1', 'C2'],
    fields: ['name', 'phone'],
  }),
  timed(1, {
    source: 'dealer-crm',
    actor: { user: 'Tanaka, Ichiro', type: 'dealer_staff' },
    action: 'export',
    object: 'customer',
    query: 'unit = "kanto-3", dealer = \'d-01\'',
    result_count: 0,
    fields: ['name', 'postal_address', 'email', 'vehicle_purchase', 'service_history'],
  }),
  timed(2, {
    source: 'dealer-crm',
    actor: attacker,
    src_ip: '198.51.100.23',
    action: 'login_failed',
    outcome: 'failure',
    fields: [],
  }),
  timed(3, {
    source: 'dealer-crm',
    actor: { user: 'svc-sync@example-motor.example', type: 'service' },
    action: 'token_create',
    object: 'api_token',
    fields: [],
  }),
];

function parseAll(
  adapter: typeof jsonlAdapter,
  text: string,
  mapping?: Awaited<ReturnType<typeof loadMapping>>,
) {
  const parser = adapter.open({ source: 'dealer-crm', mapping });
  return text
    .split('\n')
    .map((l, i) => parser.parse(l, i + 1))
    .filter((r) => r.ok !== 'skip');
}

describe('vendor audit rows', () => {
  test('commas, double quotes and Japanese in queries, agents and names read back to the same events', async () => {
    const time = '2026-11-02T01:52:00+09:00';
    const jsonl = awkward.map((e, i) => jsonLine(`ev-${i}`, time, e)).join('');
    const csv = `${VENDOR_AUDIT_COLUMNS.join(',')}\n${awkward.map((e, i) => vendorLine(`ev-${i}`, time, e)).join('')}`;
    const fromJsonl = parseAll(jsonlAdapter, jsonl);
    const fromCsv = parseAll(csvMappedAdapter, csv, await loadMapping(mappingFile));
    assert.equal(fromCsv.length, awkward.length);
    assert.ok(
      fromCsv.every((r) => r.ok === true),
      JSON.stringify(fromCsv),
    );
    assert.deepEqual(fromCsv, fromJsonl);
    const first = fromCsv[0];
    assert.ok(
      first?.ok === true && first.event.query === `name LIKE '山田%' AND note = "VIP, 要注意"`,
    );
  });

  test('a line break cannot go into a cell: the ingest reads one row per line', () => {
    assert.throws(() => csvCell('two\nlines'), /line break/);
    assert.equal(csvCell('a, "b"'), '"a, ""b"""');
  });

  test('an empty record id list is refused: its empty cell would read back as no list at all', () => {
    const e = timed(0, {
      source: 'dealer-crm',
      actor: attacker,
      action: 'bulk_read',
      object: 'customer',
      record_ids: [],
      result_count: 0,
      fields: ['name'],
    });
    assert.throws(() => e.vendor(), /empty record id list/);
  });
});

describe('the scenario written both ways', () => {
  let files: Awaited<ReturnType<typeof writeScenario>>;
  let viaJsonl: TestStore;
  let viaCsv: TestStore;
  before(async () => {
    files = await writeScenario({
      out: dir,
      customers: 6000,
      affected: 1100,
      events: 8000,
      seed: 5,
    });
    viaJsonl = await freshStore('sqlite');
    viaCsv = await freshStore('sqlite');
  });
  after(async () => {
    await viaJsonl.drop();
    await viaCsv.drop();
  });

  test('the vendor CSV through its mapping stores exactly the events access.jsonl stores', async () => {
    assert.ok(files.vendorAuditCsv && files.vendorAuditMapping);
    const a = await ingestFile(viaJsonl.store, {
      source: 'dealer-crm',
      file: files.accessJsonl,
      format: 'jsonl',
    });
    const b = await ingestFile(viaCsv.store, {
      source: 'dealer-crm',
      file: files.vendorAuditCsv,
      format: 'csv',
      mapping: await loadMapping(files.vendorAuditMapping),
    });
    assert.equal(b.malformed, 0);
    assert.equal(b.stored, a.stored);
    assert.equal(a.stored, files.events);
    const rows = (t: TestStore) =>
      t.store.db.selectFrom('events').selectAll().orderBy('id').execute();
    const [ra, rb] = [await rows(viaJsonl), await rows(viaCsv)];
    assert.deepEqual(rb, ra);
    // The export is not a copy of the JSON: it speaks the vendor's vocabulary (asserted on
    // single lines, or test() on the text: a failure must not print 10 MB of CSV).
    const csvText = readFileSync(files.vendorAuditCsv, 'utf8');
    const attackExport = csvText
      .split('\n')
      .find((l) => l.includes(',s-7f3a91,') && l.includes(',CUSTOMER_EXPORT,'));
    assert.match(
      attackExport ?? '',
      /^ev-\d{9},2026-11-02T0\d:\d\d:\d\d\+09:00,support-07@crm-vendor\.example,VENDOR_SUPPORT,s-7f3a91,198\.51\.100\.23,python-requests\/2\.31\.0,CUSTOMER_EXPORT,CUSTOMER,unit = 'kanto-3' ORDER BY id LIMIT 500 OFFSET 0,500,C\d{7};/,
    );
    assert.match(
      attackExport ?? '',
      /,NAME;ADDRESS;PHONE;EMAIL;VEHICLE_PURCHASE;SERVICE_HISTORY,SUCCESS$/,
    );
    assert.ok(
      !/"action"|vendor_staff|postal_address/.test(csvText),
      'no normalized keys or values in the vendor export',
    );
  });

  test('and the same scope for the attacker, confirmed and inferred as the scenario planned', async () => {
    const scopes = [];
    for (const t of [viaJsonl, viaCsv]) {
      const { inventory } = parseInventory(
        readFileSync(files.inventoryYaml, 'utf8'),
        files.inventoryYaml,
      );
      assert.ok(inventory);
      await importInventory(t.store, inventory);
      await importCustomersCsv(t.store, kr, files.customersCsv, {
        onProblem: (p) => assert.fail(`${p.where}: ${p.message}`),
      });
      const inc = await openIncident(
        t.store,
        { title: 'vendor breach', awareAt: '2026-11-06T09:30:00+09:00' },
        'test',
      );
      await setIndicators(t.store, inc.id, { actors: [attacker.user] }, 'test');
      const { id: _id, computed_at: _at, ...scope } = await scopeIncident(t.store, inc.id, 'test');
      scopes.push(scope);
    }
    assert.deepEqual(scopes[1], scopes[0]);
    assert.deepEqual(scopes[0]?.affected, files.expected);
  });

  test('malformed vendor rows are quarantined with file:line and reason; good rows are stored', async () => {
    const lines = readFileSync(files.vendorAuditCsv as string, 'utf8')
      .split('\n')
      .slice(0, 6);
    const good = lines[3] as string;
    const bad = join(dir, 'vendor-audit-bad.csv');
    writeFileSync(
      bad,
      [
        ...lines, // header and five good rows: lines 1-6
        good.split(',').slice(0, 9).join(','), // line 7: truncated row
        good
          .replace(/^ev-\d+/, 'ev-x1')
          .replace(/,(LOGIN|LOGOUT|CUSTOMER_\w+|BULK_SYNC),/, ',CUSTOMER_PURGE,'), // line 8
        good.replace(/^ev-\d+/, 'ev-x2').replace(/,SUCCESS$/, ',"SUCCESS'), // line 9: unbalanced quote
        good.replace(/^ev-\d+/, 'ev-x3').replace(/T\d\d:\d\d:\d\d\+09:00/, ' last night'), // line 10: bad time
      ].join('\n'),
    );
    const t = await freshStore('sqlite');
    try {
      const problems: string[] = [];
      const r = await ingestFile(t.store, {
        source: 'dealer-crm',
        file: bad,
        format: 'csv',
        mapping: await loadMapping(files.vendorAuditMapping as string),
        onProblem: (w, why) => problems.push(`${w}: ${why}`),
      });
      assert.equal(r.stored, 5);
      assert.equal(r.malformed, 4);
      assert.deepEqual(problems, [
        `${bad}:7: csv: expected ${VENDOR_AUDIT_COLUMNS.length} columns, found 9`,
        `${bad}:8: action: unknown action 'CUSTOMER_PURGE'`,
        `${bad}:9: csv: unbalanced quotes`,
        `${bad}:10: time: must be an ISO 8601 date-time`,
      ]);
      const q = await t.store.db
        .selectFrom('quarantine')
        .select(['file', 'line', 'reason'])
        .orderBy('line')
        .execute();
      assert.deepEqual(
        q.map((x) => [x.file, Number(x.line), x.reason.split(':')[0]]),
        [
          [bad, 7, 'csv'],
          [bad, 8, 'action'],
          [bad, 9, 'csv'],
          [bad, 10, 'time'],
        ],
      );
    } finally {
      await t.drop();
    }
  });
});
