// Inventory persistence: import is all-or-nothing (one transaction) and upserts what the file
// names; a system's grants are replaced by the file's list. Export rebuilds the YAML shape.
import type { Store } from '../store/open-store.ts';
import type { Contract, Entity, Inventory, Vendor, VendorSystem } from './inventory-schema.ts';

export async function importInventory(store: Store, inv: Inventory): Promise<{ entities: number; vendors: number; systems: number; grants: number }> {
  let systems = 0;
  let grants = 0;
  await store.db.transaction().execute(async (tx) => {
    for (const e of inv.entities) {
      const row = { id: e.id, name: e.name, country: e.country, parent: e.parent ?? null, units: JSON.stringify(e.units ?? []), dealers: JSON.stringify(e.dealers ?? []) };
      await tx.insertInto('entities').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    }
    for (const v of inv.vendors) {
      const row = { id: v.id, name: v.name, contract: JSON.stringify(v.contract), contacts: JSON.stringify(v.contacts) };
      await tx.insertInto('vendors').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
      for (const s of v.systems) {
        systems++;
        const srow = { id: s.id, vendor_id: v.id, name: s.name, data: JSON.stringify(s.data), entities: JSON.stringify(s.entities), internet_exposed: s.internet_exposed ? 1 : 0 };
        await tx.insertInto('systems').values(srow).onConflict((oc) => oc.column('id').doUpdateSet(srow)).execute();
        await tx.deleteFrom('grants').where('system_id', '=', s.id).execute();
        for (const g of s.grants) {
          grants++;
          await tx
            .insertInto('grants')
            .values({ system_id: s.id, account: g.account, type: g.type, owner: g.owner ?? null, last_used: g.last_used ?? null })
            .onConflict((oc) => oc.columns(['system_id', 'account']).doNothing())
            .execute();
        }
      }
    }
  });
  return { entities: inv.entities.length, vendors: inv.vendors.length, systems, grants };
}

export async function listEntities(store: Store): Promise<Entity[]> {
  const rows = await store.db.selectFrom('entities').selectAll().orderBy('id').execute();
  return rows.map((r) => {
    const e: Entity = { id: r.id, name: r.name, country: r.country };
    if (r.parent) e.parent = r.parent;
    const units = JSON.parse(r.units) as string[];
    const dealers = JSON.parse(r.dealers) as string[];
    if (units.length) e.units = units;
    if (dealers.length) e.dealers = dealers;
    return e;
  });
}

export async function listVendors(store: Store): Promise<Vendor[]> {
  const [vendors, systems, grants] = await Promise.all([
    store.db.selectFrom('vendors').selectAll().orderBy('id').execute(),
    store.db.selectFrom('systems').selectAll().orderBy('id').execute(),
    store.db.selectFrom('grants').selectAll().orderBy('account').execute(),
  ]);
  return vendors.map((v) => ({
    id: v.id,
    name: v.name,
    contract: JSON.parse(v.contract) as Contract,
    contacts: JSON.parse(v.contacts) as Vendor['contacts'],
    systems: systems
      .filter((s) => s.vendor_id === v.id)
      .map(
        (s): VendorSystem => ({
          id: s.id,
          name: s.name,
          data: JSON.parse(s.data) as VendorSystem['data'],
          entities: JSON.parse(s.entities) as string[],
          internet_exposed: s.internet_exposed === 1,
          grants: grants
            .filter((g) => g.system_id === s.id)
            .map((g) => ({
              account: g.account,
              type: g.type as VendorSystem['grants'][number]['type'],
              ...(g.owner ? { owner: g.owner } : {}),
              ...(g.last_used ? { last_used: g.last_used } : {}),
            })),
        }),
      ),
  }));
}

export async function getVendor(store: Store, id: string): Promise<Vendor | undefined> {
  return (await listVendors(store)).find((v) => v.id === id);
}

export async function exportInventory(store: Store): Promise<Inventory> {
  return { entities: await listEntities(store), vendors: await listVendors(store) };
}
