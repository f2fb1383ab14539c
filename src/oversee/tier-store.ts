// Gathers a vendor's tiering inputs from the inventory (systems, grants, contract) and the
// customer index (customers per entity), computes its inherent risk, and applies an analyst's
// tier override (with reason, audited). The formula itself lives in inherent-risk.ts.
import { appendAudit } from '../audit/audit-log.ts';
import { WardenError } from '../errors.ts';
import { listEntities, listVendors } from '../inventory/inventory-store.ts';
import type { Entity, Vendor } from '../inventory/inventory-schema.ts';
import type { Store } from '../store/open-store.ts';
import { computeInherentRisk, type InherentRisk, type Tier, TIERS } from './inherent-risk.ts';
import { odb } from './oversee-db.ts';

export interface VendorTier extends InherentRisk {
  vendor_name: string;
  computed_tier: Tier;
  override: { tier: Tier; reason: string; actor: string; at: string } | null;
}

async function customersOf(store: Store, entity: Entity | undefined): Promise<number> {
  if (!entity) return 0;
  const units = entity.units ?? [];
  const dealers = entity.dealers ?? [];
  if (!units.length && !dealers.length) return 0;
  const r = await store.db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where((eb) => eb.or([...(units.length ? [eb('unit', 'in', units)] : []), ...(dealers.length ? [eb('dealer', 'in', dealers)] : [])]))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

async function tierOfVendor(store: Store, v: Vendor, entities: Map<string, Entity>, counts: Map<string, number>): Promise<VendorTier> {
  const entityIds = [...new Set(v.systems.flatMap((s) => s.entities))];
  let customers = 0;
  for (const id of entityIds) {
    if (!counts.has(id)) counts.set(id, await customersOf(store, entities.get(id)));
    customers += counts.get(id) ?? 0;
  }
  const risk = computeInherentRisk({
    vendor_id: v.id,
    data: v.systems.flatMap((s) => s.data),
    customers,
    grants: v.systems.flatMap((s) => s.grants),
    internet_exposed: v.systems.some((s) => s.internet_exposed),
    sub_processors: v.contract.sub_processors?.length ?? 0,
    dpa_signed: v.contract.dpa_signed,
  });
  const o = await odb(store).selectFrom('oversee_tier_overrides').selectAll().where('vendor_id', '=', v.id).executeTakeFirst();
  const override = o ? { tier: o.tier as Tier, reason: o.reason, actor: o.actor, at: o.at } : null;
  return { ...risk, vendor_name: v.name, computed_tier: risk.tier, tier: override?.tier ?? risk.tier, override };
}

export async function listVendorTiers(store: Store): Promise<VendorTier[]> {
  const entities = new Map((await listEntities(store)).map((e) => [e.id, e]));
  const counts = new Map<string, number>();
  const out: VendorTier[] = [];
  for (const v of await listVendors(store)) out.push(await tierOfVendor(store, v, entities, counts));
  return out;
}

export async function vendorTier(store: Store, vendorId: string): Promise<VendorTier> {
  const t = (await listVendorTiers(store)).find((x) => x.vendor_id === vendorId);
  if (!t) throw new WardenError('not_found', `no vendor '${vendorId}'`, 'vendor');
  return t;
}

export async function overrideTier(store: Store, vendorId: string, tier: string | null, reason: string, actor: string): Promise<VendorTier> {
  await vendorTier(store, vendorId);
  const db = odb(store);
  if (tier === null) {
    await db.deleteFrom('oversee_tier_overrides').where('vendor_id', '=', vendorId).execute();
  } else {
    if (!(TIERS as readonly string[]).includes(tier)) throw new WardenError('bad_input', `tier must be one of ${TIERS.join(', ')}`, 'tier');
    if (reason.trim().length < 3) throw new WardenError('bad_input', 'an override needs a reason', 'reason');
    const row = { vendor_id: vendorId, tier, reason: reason.trim(), actor, at: new Date().toISOString() };
    await db.insertInto('oversee_tier_overrides').values(row).onConflict((oc) => oc.column('vendor_id').doUpdateSet(row)).execute();
  }
  await appendAudit(store, { actor, action: tier ? 'oversee.tier.override' : 'oversee.tier.clear', target: vendorId, details: { tier } });
  return vendorTier(store, vendorId);
}
