// A small world for the API tests, built through the capability functions (no generator):
// two vendors (one with an XSS payload in its name), 30 customers in JP and US-CA, the
// attacker's export of 12 of them, one alert, and a scoped incident with decided obligations.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upsertAlerts } from '../../src/detect/alert-store.ts';
import { loadKeyring, type Keyring } from '../../src/crypto/keyring.ts';
import { openIncident, setFacts, setIndicators } from '../../src/incidents/incident-store.ts';
import { scopeIncident } from '../../src/incidents/scope-incident.ts';
import { upsertCustomers } from '../../src/inventory/customer-store.ts';
import { importInventory } from '../../src/inventory/inventory-store.ts';
import { parseInventory } from '../../src/inventory/parse-inventory.ts';
import type { AccessEvent } from '../../src/logs/access-event.ts';
import { insertEvents } from '../../src/logs/event-store.ts';
import { decideForIncident } from '../../src/obligations/incident-obligations.ts';
import type { Store } from '../../src/store/open-store.ts';

export const XSS = '<img src=x onerror="window.__xss=1">';
export const ATTACKER = 'support-07@crm-vendor.example';

const INVENTORY = `
entities:
  - {id: tokyo-sales, name: Example Motor Tokyo Sales Co., country: JP, units: [kanto-3]}
vendors:
  - id: crm-vendor
    name: Example CRM K.K.
    contract: {breach_notice_sla_hours: 24, dpa_signed: true, data_location: JP, audit_rights: true}
    contacts: [{name: Security Desk, email: security@crm-vendor.example}]
    systems:
      - id: dealer-crm
        name: Dealer CRM
        data: [name, postal_address, phone, email, vehicle_purchase]
        entities: [tokyo-sales]
        grants:
          - {account: ${ATTACKER}, type: vendor_staff, last_used: 2026-10-01}
  - id: other-vendor
    name: '${XSS} Other Vendor'
    contract: {breach_notice_sla_hours: 72, dpa_signed: false, data_location: US}
    contacts: []
    systems:
      - {id: mailer, name: Mailer, data: [email], entities: [tokyo-sales], grants: []}
`;

export interface World {
  keyring: Keyring;
  incidentId: string;
  alertId: string;
  customerEmail: string;
  affectedIds: string[];
}

export function testKeyring(): Keyring {
  const dir = mkdtempSync(join(tmpdir(), 'warden-key-'));
  return loadKeyring({ envKey: randomBytes(32).toString('base64'), keyFile: join(dir, 'warden.key') });
}

export async function buildWorld(store: Store): Promise<World> {
  const keyring = testKeyring();
  const { inventory, problems } = parseInventory(INVENTORY, 'world.yaml');
  if (!inventory) throw new Error(problems.map((p) => `${p.where}: ${p.message}`).join('; '));
  await importInventory(store, inventory);
  const customers = Array.from({ length: 30 }, (_, i) => {
    const us = i >= 25;
    const id = `C${String(i + 1).padStart(5, '0')}`;
    return {
      id,
      country: us ? 'US' : 'JP',
      region: us ? 'US-CA' : 'JP-13',
      locale: us ? 'en-US' : 'ja-JP',
      dealer: null,
      unit: 'kanto-3',
      categories: ['name' as const, 'postal_address' as const, 'phone' as const, 'email' as const],
      pii: { name: `Customer ${i + 1}`, postal_address: `${i + 1} Example St`, phone: `+8190000${String(i).padStart(4, '0')}`, email: `c${i + 1}@example.com`, date_of_birth: '' },
    };
  });
  await upsertCustomers(store, keyring, customers);
  const affectedIds = [...customers.slice(0, 10), ...customers.slice(25, 27)].map((c) => c.id);
  const base = Date.parse('2026-11-02T01:55:00+09:00');
  const events: AccessEvent[] = [0, 1, 2].map((k) => ({
    id: `ev-${k}`,
    time: new Date(base + k * 11 * 60_000).toISOString(),
    source: 'dealer-crm',
    actor: { user: ATTACKER, type: 'vendor_staff', session: 's-91' },
    src_ip: '198.51.100.23',
    action: 'export',
    object: 'customer',
    record_ids: affectedIds.slice(k * 4, k * 4 + 4),
    fields: ['name', 'postal_address', 'phone', 'email', 'vehicle_purchase'],
    outcome: 'success',
    raw: {},
  }));
  await insertEvents(store, events);
  const alertId = 'alert-xss-1';
  await upsertAlerts(store, [
    {
      id: alertId,
      rule: 'bulk-export',
      title: `Bulk export ${XSS}`,
      level: 'high',
      correlation: null,
      group: { 'actor.user': ATTACKER },
      groupKey: JSON.stringify({ 'actor.user': ATTACKER }),
      first: events[0]!.time,
      last: events[2]!.time,
      firstMs: Date.parse(events[0]!.time),
      lastMs: Date.parse(events[2]!.time),
      count: 3,
      evidence: events.map((e) => e.id),
    },
  ]);
  const inc = await openIncident(store, { title: 'Dealer CRM export', awareAt: '2026-11-06T09:30:00+09:00', vendorId: 'crm-vendor' }, 'test');
  await setFacts(store, inc.id, { sector: 'auto_dealer' }, 'test');
  await setIndicators(store, inc.id, { actors: [ATTACKER], from: '2026-11-01T00:00:00+09:00' }, 'test');
  await scopeIncident(store, inc.id, 'test');
  await decideForIncident(store, inc.id, 'test');
  return { keyring, incidentId: inc.id, alertId, customerEmail: 'c3@example.com', affectedIds };
}
