// Exports an incident's affected list for the notice step (CSV or JSONL), optionally with the
// customers' decrypted contact details. Every export is written to the audit trail first.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { appendAudit } from '../audit/audit-log.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { readCustomers } from '../inventory/customer-store.ts';
import type { Store } from '../store/open-store.ts';
import { getIncident } from './incident-store.ts';

export interface AffectedListRow {
  customer_id: string;
  basis: string;
  fields: string[];
  jurisdiction: string;
  entity: string;
}

export async function listAffected(store: Store, incidentId: string, opts: { limit?: number; afterId?: string } = {}): Promise<AffectedListRow[]> {
  let q = store.db.selectFrom('affected').selectAll().where('incident_id', '=', incidentId).orderBy('customer_id');
  if (opts.afterId) q = q.where('customer_id', '>', opts.afterId);
  if (opts.limit) q = q.limit(opts.limit);
  const rows = await q.execute();
  return rows.map((r) => ({ customer_id: r.customer_id, basis: r.basis, fields: JSON.parse(r.fields) as string[], jurisdiction: r.jurisdiction, entity: r.entity }));
}

const PII_COLUMNS = ['name', 'postal_address', 'phone', 'email', 'locale'] as const;

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export async function exportAffected(
  store: Store,
  keyring: Keyring,
  incidentId: string,
  out: Writable,
  opts: { format: 'csv' | 'jsonl'; withPii: boolean; actor: string },
): Promise<number> {
  await getIncident(store, incidentId);
  await appendAudit(store, { actor: opts.actor, action: opts.withPii ? 'affected.export_pii' : 'affected.export', target: incidentId, details: { format: opts.format } });
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const base = ['customer_id', 'basis', 'fields', 'jurisdiction', 'entity'];
  if (opts.format === 'csv') await write(`${[...base, ...(opts.withPii ? PII_COLUMNS : [])].join(',')}\n`);
  let after: string | undefined;
  let n = 0;
  for (;;) {
    const page = await listAffected(store, incidentId, { limit: 2000, ...(after ? { afterId: after } : {}) });
    if (page.length === 0) break;
    const pii = opts.withPii ? await readCustomers(store, keyring, page.map((r) => r.customer_id)) : undefined;
    let chunk = '';
    for (const r of page) {
      const c = pii?.get(r.customer_id);
      const extra = c ? { name: c.name, postal_address: c.postal_address, phone: c.phone, email: c.email, locale: c.locale } : undefined;
      if (opts.format === 'jsonl') chunk += `${JSON.stringify({ ...r, ...(extra ?? {}) })}\n`;
      else {
        const cells = [r.customer_id, r.basis, r.fields.join(';'), r.jurisdiction, r.entity, ...(opts.withPii ? PII_COLUMNS.map((k) => extra?.[k] ?? '') : [])];
        chunk += `${cells.map(csvCell).join(',')}\n`;
      }
      n++;
    }
    await write(chunk);
    after = page.at(-1)?.customer_id;
  }
  return n;
}
