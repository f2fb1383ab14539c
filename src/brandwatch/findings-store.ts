// Repository for brand watch: an organisation's brands and the look-alike findings recorded
// for them (first seen, source line, status new → takedown_requested → down, or
// false_positive). Every query goes through Kysely, parameterised; both dialects.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import type { BrandHit } from './brand-matcher.ts';
import { splitDomain } from './domain-parts.ts';

export const FINDING_STATUSES = ['new', 'takedown_requested', 'down', 'false_positive'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const DEFAULT_ORG = 'default';

interface BrandsTable {
  org: string;
  domain: string;
  note: string | null;
  added_at: string;
}

interface BrandFindingsTable {
  id: string;
  org: string;
  brand: string;
  domain: string;
  match: string;
  score_pct: number | null;
  source: string;
  line: number;
  first_seen: string;
  last_seen: string;
  seen_count: number;
  status: string;
  status_at: string;
  status_note: string | null;
}

interface BrandwatchDb {
  brands: BrandsTable;
  brand_findings: BrandFindingsTable;
}

export interface Brand {
  org: string;
  domain: string;
  note: string | null;
  added_at: string;
}

export interface Finding {
  id: string;
  org: string;
  brand: string;
  domain: string;
  match: string;
  score: number | null;
  source: string;
  line: number;
  first_seen: string;
  last_seen: string;
  seen_count: number;
  status: FindingStatus;
  status_at: string;
  status_note: string | null;
}

// The brand tables are this capability's own; the shared schema type does not list them.
function db(store: Store): Kysely<BrandwatchDb> {
  return store.db as unknown as Kysely<BrandwatchDb>;
}

export function findingId(org: string, brand: string, domain: string): string {
  return createHash('sha256').update(`${org}\n${brand}\n${domain}`).digest('hex').slice(0, 16);
}

export function isFindingStatus(s: string): s is FindingStatus {
  return (FINDING_STATUSES as readonly string[]).includes(s);
}

/** Adds brands (normalized to ASCII); returns the stored names. Existing ones are kept. */
export async function addBrands(store: Store, org: string, domains: readonly string[], note?: string) {
  const now = new Date().toISOString();
  const names = domains.map((d) => splitDomain(d, d).ascii);
  for (const domain of names) {
    await db(store)
      .insertInto('brands')
      .values({ org, domain, note: note ?? null, added_at: now })
      .onConflict((oc) => oc.columns(['org', 'domain']).doNothing())
      .execute();
  }
  return names;
}

export async function removeBrands(store: Store, org: string, domains: readonly string[]): Promise<number> {
  const names = domains.map((d) => splitDomain(d, d).ascii);
  if (names.length === 0) return 0;
  const r = await db(store).deleteFrom('brands').where('org', '=', org).where('domain', 'in', names).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function listBrands(store: Store, org?: string): Promise<Brand[]> {
  let q = db(store).selectFrom('brands').selectAll().orderBy('org').orderBy('domain');
  if (org !== undefined) q = q.where('org', '=', org);
  return q.execute();
}

/** Records hits: a new finding per (org, brand, domain), else last seen and count move on. */
export async function recordFindings(
  store: Store,
  org: string,
  hits: ReadonlyArray<BrandHit & { line: number }>,
  source: string,
  now = new Date().toISOString(),
): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  for (const h of hits) {
    const id = findingId(org, h.brand, h.domain);
    const existing = await db(store).selectFrom('brand_findings').select('id').where('id', '=', id).executeTakeFirst();
    if (existing) {
      await db(store)
        .updateTable('brand_findings')
        .set((eb) => ({ last_seen: now, seen_count: eb('seen_count', '+', 1) }))
        .where('id', '=', id)
        .execute();
      updated++;
      continue;
    }
    await db(store)
      .insertInto('brand_findings')
      .values({
        id, org, brand: h.brand, domain: h.domain, match: h.match,
        score_pct: h.score === undefined ? null : Math.round(h.score * 100),
        source, line: h.line, first_seen: now, last_seen: now, seen_count: 1,
        status: 'new', status_at: now, status_note: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    added++;
  }
  return { added, updated };
}

export interface FindingFilter {
  org?: string;
  status?: FindingStatus;
  brand?: string;
}

function toFinding(r: BrandFindingsTable): Finding {
  const { score_pct, ...rest } = r;
  return {
    ...rest,
    line: Number(r.line),
    seen_count: Number(r.seen_count),
    score: score_pct === null ? null : Number(score_pct) / 100,
    status: isFindingStatus(r.status) ? r.status : 'new',
  };
}

/** Findings, newest first; the dashboard lists these. */
export async function listFindings(store: Store, filter: FindingFilter = {}): Promise<Finding[]> {
  let q = db(store).selectFrom('brand_findings').selectAll();
  if (filter.org !== undefined) q = q.where('org', '=', filter.org);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.brand !== undefined) q = q.where('brand', '=', filter.brand);
  const rows = await q.orderBy('first_seen', 'desc').orderBy('domain').execute();
  return rows.map(toFinding);
}

/** Sets a finding's status, by id or (when unique in the org) by domain. */
export async function setFindingStatus(
  store: Store,
  ref: { org: string; idOrDomain: string },
  status: FindingStatus,
  note?: string,
): Promise<Finding> {
  const rows = await db(store)
    .selectFrom('brand_findings')
    .selectAll()
    .where('org', '=', ref.org)
    .where((eb) => eb.or([eb('id', '=', ref.idOrDomain), eb('domain', '=', ref.idOrDomain.toLowerCase())]))
    .execute();
  const row = rows[0];
  if (!row) throw new WardenError('not_found', `no finding '${ref.idOrDomain}'`, 'finding');
  if (rows.length > 1) throw new WardenError('bad_usage', `'${ref.idOrDomain}' names ${rows.length} findings: use the id`, 'finding');
  const now = new Date().toISOString();
  await db(store)
    .updateTable('brand_findings')
    .set({ status, status_at: now, status_note: note ?? null })
    .where('id', '=', row.id)
    .execute();
  return toFinding({ ...row, status, status_at: now, status_note: note ?? null });
}
