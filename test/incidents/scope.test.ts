// Scoping on every dialect: confirmed from logged record ids, inferred by re-running a logged
// query on the customer index, worst case for an export with neither, confirmed winning over
// inferred, per-customer fields (email only where the customer has one), and jurisdictions.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { keyId, type Keyring } from '../../src/crypto/keyring.ts';
import { listAffected } from '../../src/incidents/export-affected.ts';
import { openIncident, setIndicators } from '../../src/incidents/incident-store.ts';
import { scopeIncident } from '../../src/incidents/scope-incident.ts';
import { checkVendorSla } from '../../src/incidents/vendor-sla.ts';
import { importCustomersCsv } from '../../src/inventory/import-customers.ts';
import { importInventory } from '../../src/inventory/inventory-store.ts';
import type { AccessEvent } from '../../src/logs/access-event.ts';
import { insertEvents } from '../../src/logs/event-store.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';

const dir = mkdtempSync(join(tmpdir(), 'warden-scope-'));
const key = randomBytes(32);
const kr: Keyring = { current: { id: keyId(key), key }, byId: new Map([[keyId(key), { id: keyId(key), key }]]) };

// 10 customers in unit u1 (C01..C10), 5 in u2 (C11..C15, two in California), 2 in u3 (entity 2).
const rows = ['id,name,postal_address,phone,email,country,region,locale,unit'];
for (let i = 1; i <= 17; i++) {
  const id = `C${String(i).padStart(2, '0')}`;
  const unit = i <= 10 ? 'u1' : i <= 15 ? 'u2' : 'u3';
  const ca = i === 14 || i === 15;
  rows.push(`${id},Name ${i},Addr ${i},03-0000-00${String(i).padStart(2, '0')},${i % 2 ? `c${i}@x.example` : ''},${ca ? 'US' : 'JP'},${ca ? 'US-CA' : 'JP-13'},ja,${unit}`);
}
const csv = join(dir, 'customers.csv');
writeFileSync(csv, rows.join('\n'));

function ev(id: string, minute: number, extra: Partial<AccessEvent>): AccessEvent {
  return {
    id,
    time: `2026-11-02T02:${String(minute).padStart(2, '0')}:00+09:00`,
    source: 'dealer-crm',
    actor: { user: 'support-07@crm-vendor.example', type: 'vendor_staff', session: 's-1' },
    src_ip: '198.51.100.23',
    action: 'export',
    fields: ['name', 'email', 'phone', 'vehicle_purchase'],
    outcome: 'success',
    raw: {},
    ...extra,
  };
}

for (const dialect of await activeDialects()) {
  describe(`scoping on ${dialect}`, () => {
    let t: TestStore;
    before(async () => {
      t = await freshStore(dialect);
      await importInventory(t.store, {
        entities: [
          { id: 'sales-a', name: 'A', country: 'JP', units: ['u1', 'u2'] },
          { id: 'sales-b', name: 'B', country: 'JP', units: ['u3'] },
        ],
        vendors: [{ id: 'crm-vendor', name: 'CRM', contract: { breach_notice_sla_hours: 24 }, contacts: [], systems: [{ id: 'dealer-crm', name: 'CRM', data: ['name', 'email', 'phone', 'vehicle_purchase'], entities: ['sales-a', 'sales-b'], internet_exposed: true, grants: [] }] }],
      });
      await importCustomersCsv(t.store, kr, csv, { onProblem: () => {} });
      await insertEvents(t.store, [
        ev('a1', 1, { record_ids: ['C01', 'C02', 'C03'], query: "unit = 'u1' ORDER BY id LIMIT 3" }),
        ev('a2', 2, { query: "unit = 'u1' ORDER BY id LIMIT 4 OFFSET 2", result_count: 4, fields: ['name', 'phone'] }), // C03..C06
        ev('a3', 3, { query: "unit = 'u2' AND region = 'US-CA'", action: 'api_read' }), // C14, C15
        ev('a4', 4, { action: 'login', record_ids: ['C16'] }), // not a data-reading action
        ev('a5', 5, { action: 'view', outcome: 'failure', record_ids: ['C17'] }), // failed: nothing handed over
        ev('other', 6, { actor: { user: 'staff@dealer.example', type: 'dealer_staff' }, src_ip: '10.0.0.1', record_ids: ['C11'] }),
      ]);
    });
    after(async () => t.drop());

    test('confirmed, inferred and their precedence; fields per customer; jurisdictions', async () => {
      const inc = await openIncident(t.store, { title: 't', awareAt: '2026-11-06T09:30:00+09:00', vendorId: 'crm-vendor' }, 'test');
      await setIndicators(t.store, inc.id, { actors: ['support-07@crm-vendor.example'] }, 'test');
      const s = await scopeIncident(t.store, inc.id, 'test');
      assert.deepEqual(s.affected, { confirmed: 3, inferred: 5, total: 8 });
      assert.deepEqual(s.by_jurisdiction, { JP: 6, 'US-CA': 2 });
      assert.deepEqual(s.by_entity, { 'sales-a': 8 });
      assert.deepEqual(s.fields, ['email', 'name', 'phone', 'vehicle_purchase']);
      assert.equal(s.worst_case, false);
      const list = await listAffected(t.store, inc.id);
      const byId = Object.fromEntries(list.map((r) => [r.customer_id, r]));
      assert.equal(byId.C03?.basis, 'confirmed'); // in both a1 and a2: confirmed wins
      assert.equal(byId.C05?.basis, 'inferred');
      assert.deepEqual(byId.C02?.fields, ['name', 'phone', 'vehicle_purchase']); // C02 has no email
      assert.deepEqual(byId.C01?.fields, ['email', 'name', 'phone', 'vehicle_purchase']);
      assert.deepEqual(byId.C04?.fields, ['name', 'phone']);
      assert.equal(byId.C11, undefined); // another actor's read is not the attacker's
      assert.equal(byId.C16, undefined);
      assert.equal(byId.C17, undefined);
    });

    test('a query over encrypted columns falls back to the whole data asset, and says so', async () => {
      await insertEvents(t.store, [ev('w1', 30, { actor: { user: 'x@v.example', type: 'vendor_staff' }, src_ip: '203.0.113.99', query: "name LIKE '山%'" })]);
      const inc = await openIncident(t.store, { title: 'w', awareAt: '2026-11-06T09:30:00+09:00' }, 'test');
      await setIndicators(t.store, inc.id, { ips: ['203.0.113.99'] }, 'test');
      const s = await scopeIncident(t.store, inc.id, 'test');
      assert.equal(s.worst_case, true);
      assert.equal(s.affected.total, 17);
      assert.deepEqual(s.by_entity, { 'sales-a': 15, 'sales-b': 2 });
      assert.match(s.notes.join('\n'), /name, which the index holds only encrypted/);
    });

    test('a time window limits the events an indicator selects', async () => {
      const inc = await openIncident(t.store, { title: 'win', awareAt: '2026-11-06T09:30:00+09:00' }, 'test');
      await setIndicators(t.store, inc.id, { sessions: ['s-1'], from: '2026-11-02T02:02:30+09:00', to: '2026-11-02T02:03:30+09:00' }, 'test');
      const s = await scopeIncident(t.store, inc.id, 'test');
      assert.deepEqual(s.affected, { confirmed: 0, inferred: 2, total: 2 });
    });
  });
}

test('vendor SLA: told us after 96 h against a 24 h contract is a breach', () => {
  const r = checkVendorSla(24, '2026-11-02T09:30:00+09:00', '2026-11-06T09:30:00+09:00');
  assert.deepEqual(r, { sla_hours: 24, hours_taken: 96, breached: true, message: 'told us after 96 h; contract says 24 h' });
  assert.equal(checkVendorSla(24, '2026-11-02T09:30:00+09:00', '2026-11-02T20:00:00+09:00').breached, false);
  assert.equal(checkVendorSla(undefined, undefined, '2026-11-02T20:00:00+09:00').breached, null);
});
