// Inventory YAML: the CONTRACTS.md example imports; unknown keys and bad values are reported
// FILE:LINE: path: reason; an import is all-or-nothing; export round-trips.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exportInventory, importInventory, listVendors } from '../../src/inventory/inventory-store.ts';
import { parseInventory } from '../../src/inventory/parse-inventory.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';

const EXAMPLE = `entities:
  - id: tokyo-sales
    name: Example Motor Tokyo Sales Co.
    country: JP
vendors:
  - id: crm-vendor
    name: Example CRM K.K.
    contract: {breach_notice_sla_hours: 24, dpa_signed: true, data_location: JP,
               sub_processors: [hosting-co], audit_rights: true}
    contacts: [{name: Security Desk, email: security@crm-vendor.example}]
    systems:
      - id: dealer-crm
        name: Dealer CRM
        data: [name, postal_address, phone, email, vehicle_purchase, service_history]
        entities: [tokyo-sales]
        grants:
          - {account: support-07@crm-vendor.example, type: vendor_staff, last_used: 2026-10-01}
`;

test('unknown keys and bad values name the file, the line and the path', () => {
  const bad = EXAMPLE.replace('    country: JP\n', '    country: Japan\n    colour: blue\n').replace('data: [name,', 'data: [shoe_size, name,');
  const { inventory, problems } = parseInventory(bad, 'inv.yaml');
  assert.equal(inventory, undefined);
  const lines = problems.map((p) => `${p.where}: ${p.message}`);
  assert.ok(lines.some((l) => /^inv\.yaml:4: entities\[0\]\.country: /.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => /^inv\.yaml:5: entities\[0\]\.colour: /.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => /^inv\.yaml:15: vendors\[0\]\.systems\[0\]\.data\[0\]: /.test(l)), lines.join('\n'));
});

test('a YAML syntax error names its line', () => {
  const { problems } = parseInventory('entities:\n  - id: [unclosed\n', 'broken.yaml');
  assert.match(problems[0]?.where ?? '', /^broken\.yaml:\d+$/);
  assert.match(problems[0]?.message ?? '', /^yaml: /);
});

test('a system naming an unknown entity is refused', () => {
  const { problems } = parseInventory(EXAMPLE.replace('entities: [tokyo-sales]', 'entities: [osaka-sales]'), 'i.yaml');
  assert.match(problems[0]?.message ?? '', /unknown entity 'osaka-sales'/);
});

for (const dialect of await activeDialects()) {
  describe(`inventory store on ${dialect}`, () => {
    let t: TestStore;
    before(async () => {
      t = await freshStore(dialect);
    });
    after(async () => t.drop());

    test('the contract example imports and exports unchanged', async () => {
      const { inventory } = parseInventory(EXAMPLE, 'inv.yaml');
      assert.ok(inventory);
      await importInventory(t.store, inventory);
      await importInventory(t.store, inventory); // idempotent
      const back = await exportInventory(t.store);
      assert.deepEqual(back, inventory);
      const v = await listVendors(t.store);
      assert.equal(v[0]?.systems[0]?.grants[0]?.last_used, '2026-10-01');
    });
  });
}
