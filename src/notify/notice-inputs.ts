// Gathers what notices need from the store: the incident's facts (once per run) and, per window
// of ledger rows, each customer's decrypted record and per-customer affected fields. Callers
// audit the PII read; nothing here logs.
import { officialAndFakeDomains } from '../brandwatch/official-and-fake.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { getIncident } from '../incidents/incident-store.ts';
import { getVendor } from '../inventory/inventory-store.ts';
import { type CustomerRecord, readCustomers } from '../inventory/customer-store.ts';
import type { Store } from '../store/open-store.ts';
import type { NoticeFacts } from './notice-context.ts';
import { executeCached } from './prepared-query.ts';

export async function loadNoticeFacts(store: Store, incidentId: string): Promise<NoticeFacts> {
  const inc = await getIncident(store, incidentId);
  let vendorName: string | null = null;
  if (inc.vendor_id) vendorName = (await getVendor(store, inc.vendor_id).catch(() => undefined))?.name ?? null;
  return {
    incidentId: inc.id,
    title: inc.title,
    awareAt: inc.aware_at,
    firstAccess: inc.scope?.events.first ?? inc.facts.began_at ?? null,
    lastAccess: inc.scope?.events.last ?? null,
    vendorName,
  };
}

/** Known fake domains from brandwatch, when that capability and its tables are present. */
export async function loadFakeDomains(store: Store): Promise<string[]> {
  try {
    return (await officialAndFakeDomains(store)).fake.slice(0, 10);
  } catch {
    return [];
  }
}

export interface CustomerNoticeInput {
  customer: CustomerRecord;
  fields: string[];
}

export async function loadCustomerInputs(store: Store, keyring: Keyring, incidentId: string, customerIds: string[]): Promise<Map<string, CustomerNoticeInput>> {
  const customers = await readCustomers(store, keyring, customerIds);
  const fields = new Map<string, string[]>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const query = store.db
      .selectFrom('affected')
      .select(['customer_id', 'fields'])
      .where('incident_id', '=', incidentId)
      .where('customer_id', 'in', customerIds.slice(i, i + 500));
    const rows = await executeCached(store, query);
    for (const r of rows) fields.set(r.customer_id, JSON.parse(r.fields) as string[]);
  }
  const out = new Map<string, CustomerNoticeInput>();
  for (const [id, customer] of customers) out.set(id, { customer, fields: fields.get(id) ?? [] });
  return out;
}
