// The blast radius, pure: from the attacker's data-reading events and what the index says of
// each customer, decide who is affected, on what basis (confirmed from logged record ids, or
// inferred from a re-run query / worst case), which fields, and where they live.
import { jurisdictionOf } from '../obligations/jurisdiction-of.ts';

/** PII categories the customer index knows per customer; others are assumed held for all. */
const INDEXED_CATEGORIES: ReadonlySet<string> = new Set(['name', 'postal_address', 'phone', 'email', 'date_of_birth']);

export interface Touch {
  ids: string[];
  basis: 'confirmed' | 'inferred';
  fields: string[];
}

export interface CustomerFacts {
  id: string;
  country: string;
  region: string;
  unit: string | null;
  dealer: string | null;
  categories: string[];
}

export interface EntityScope {
  id: string;
  units: string[];
  dealers: string[];
}

export interface AffectedRow {
  customer_id: string;
  basis: 'confirmed' | 'inferred';
  fields: string[];
  jurisdiction: string;
  entity: string;
}

/** Merges touches: confirmed wins over inferred; fields are the union per customer. */
export function mergeTouches(touches: Touch[]): Map<string, { basis: 'confirmed' | 'inferred'; fields: Set<string> }> {
  const out = new Map<string, { basis: 'confirmed' | 'inferred'; fields: Set<string> }>();
  for (const t of touches) {
    for (const id of t.ids) {
      let cur = out.get(id);
      if (!cur) {
        cur = { basis: t.basis, fields: new Set() };
        out.set(id, cur);
      } else if (t.basis === 'confirmed') cur.basis = 'confirmed';
      for (const f of t.fields) cur.fields.add(f);
    }
  }
  return out;
}

export function entityOf(c: CustomerFacts, entities: EntityScope[], fallback: string): string {
  const hit = entities.find((e) => (c.unit !== null && e.units.includes(c.unit)) || (c.dealer !== null && e.dealers.includes(c.dealer)));
  return hit?.id ?? fallback;
}

export function affectedRows(
  merged: Map<string, { basis: 'confirmed' | 'inferred'; fields: Set<string> }>,
  customers: Map<string, CustomerFacts>,
  entities: EntityScope[],
  fallbackEntity: string,
): { rows: AffectedRow[]; unknownIds: string[] } {
  const rows: AffectedRow[] = [];
  const unknownIds: string[] = [];
  for (const [id, m] of merged) {
    const c = customers.get(id);
    if (!c) {
      unknownIds.push(id);
      continue;
    }
    const held = new Set(c.categories);
    const fields = [...m.fields].filter((f) => !INDEXED_CATEGORIES.has(f) || held.has(f)).sort();
    rows.push({ customer_id: id, basis: m.basis, fields, jurisdiction: jurisdictionOf(c.country, c.region), entity: entityOf(c, entities, fallbackEntity) });
  }
  rows.sort((a, b) => (a.customer_id < b.customer_id ? -1 : 1));
  return { rows, unknownIds };
}

export function summarize(rows: AffectedRow[]) {
  const byJurisdiction: Record<string, number> = {};
  const byEntity: Record<string, number> = {};
  const fields = new Set<string>();
  let confirmed = 0;
  for (const r of rows) {
    if (r.basis === 'confirmed') confirmed++;
    byJurisdiction[r.jurisdiction] = (byJurisdiction[r.jurisdiction] ?? 0) + 1;
    byEntity[r.entity] = (byEntity[r.entity] ?? 0) + 1;
    for (const f of r.fields) fields.add(f);
  }
  return {
    affected: { confirmed, inferred: rows.length - confirmed, total: rows.length },
    fields: [...fields].sort(),
    by_jurisdiction: sortKeys(byJurisdiction),
    by_entity: sortKeys(byEntity),
  };
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
