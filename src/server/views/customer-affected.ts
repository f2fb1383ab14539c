// Call-centre lookup's read model: which incidents list a customer as affected, with basis
// and fields. Ids and categories only; the caller decides whether PII is shown and audits it.
import type { Store } from '../../store/open-store.ts';

export async function incidentsAffecting(store: Store, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  const rows = await store.db
    .selectFrom('affected')
    .select(['incident_id', 'customer_id', 'basis', 'fields', 'jurisdiction'])
    .where('customer_id', 'in', customerIds.slice(0, 50))
    .execute();
  return rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) as string[] }));
}
