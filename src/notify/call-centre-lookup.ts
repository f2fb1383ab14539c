// The call-centre lookup: given a caller's phone, email or customer id, says whether they are
// affected by an incident and which of their data categories were involved. Every lookup is
// audited (the audit details hold the kind of lookup and the outcome, never the value).
import { appendAudit } from '../audit/audit-log.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { type CustomerLookup, findCustomerIds } from '../inventory/customer-store.ts';
import type { Store } from '../store/open-store.ts';
import { categoryLabel, type NoticeLocale } from './category-labels.ts';
import { ledgerDb } from './ledger-store.ts';

export interface LookupHit {
  customer_id: string;
  incident_id: string;
  incident_title: string;
  basis: string;
  fields: string[];
  field_labels: string[];
  notices: Array<{ channel: string; state: string }>;
}

export interface LookupResult {
  matched_customers: number;
  affected: boolean;
  hits: LookupHit[];
}

export async function callCentreLookup(store: Store, keyring: Keyring, lookup: CustomerLookup, actor: string, locale: NoticeLocale = 'ja'): Promise<LookupResult> {
  const ids = await findCustomerIds(store, keyring, lookup);
  const hits: LookupHit[] = [];
  if (ids.length > 0) {
    const rows = await store.db
      .selectFrom('affected')
      .innerJoin('incidents', 'incidents.id', 'affected.incident_id')
      .select(['affected.customer_id', 'affected.incident_id', 'incidents.title', 'affected.basis', 'affected.fields'])
      .where('affected.customer_id', 'in', ids)
      .orderBy('affected.incident_id')
      .execute();
    for (const r of rows) {
      const fields = JSON.parse(r.fields) as string[];
      const notices = await ledgerDb(store).selectFrom('notices').select(['channel', 'state']).where('incident_id', '=', r.incident_id).where('customer_id', '=', r.customer_id).execute();
      hits.push({ customer_id: r.customer_id, incident_id: r.incident_id, incident_title: r.title, basis: r.basis, fields, field_labels: fields.map((f) => categoryLabel(f, locale)), notices });
    }
  }
  const kind = Object.keys(lookup)[0] ?? 'unknown';
  await appendAudit(store, { actor, action: 'notify.lookup', target: ids[0] ?? '(no match)', details: { by: kind, matched: ids.length, affected: hits.length > 0 } });
  return { matched_customers: ids.length, affected: hits.length > 0, hits };
}
