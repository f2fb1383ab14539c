// The customer index: PII encrypted at rest (one AES-256-GCM envelope per customer), with id,
// country, region, locale, dealer and unit plain for scoping, and keyed hashes of phone and
// email for the call-centre lookup. Reading PII is the caller's to audit.
import { decryptPii, encryptPii, lookupHmac } from '../crypto/pii-cipher.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Store } from '../store/open-store.ts';
import type { CustomerInput, CustomerPii } from './customer-row.ts';
import type { DataCategory } from './data-categories.ts';

export interface CustomerRecord extends CustomerPii {
  id: string;
  country: string;
  region: string;
  locale: string;
  dealer: string | null;
  unit: string | null;
  categories: DataCategory[];
}

export async function upsertCustomers(store: Store, keyring: Keyring, batch: CustomerInput[]): Promise<void> {
  if (batch.length === 0) return;
  const now = new Date().toISOString();
  const key = keyring.current;
  const rows = batch.map((c) => ({
    id: c.id,
    country: c.country,
    region: c.region,
    locale: c.locale,
    dealer: c.dealer,
    unit: c.unit,
    categories: JSON.stringify(c.categories),
    key_id: key.id,
    pii: encryptPii(key, c.id, JSON.stringify(c.pii)),
    email_hmac: c.pii.email ? lookupHmac(key, 'email', c.pii.email) : null,
    phone_hmac: c.pii.phone ? lookupHmac(key, 'phone', c.pii.phone) : null,
    updated_at: now,
  }));
  await store.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('customers')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          country: eb.ref('excluded.country'),
          region: eb.ref('excluded.region'),
          locale: eb.ref('excluded.locale'),
          dealer: eb.ref('excluded.dealer'),
          unit: eb.ref('excluded.unit'),
          categories: eb.ref('excluded.categories'),
          key_id: eb.ref('excluded.key_id'),
          pii: eb.ref('excluded.pii'),
          email_hmac: eb.ref('excluded.email_hmac'),
          phone_hmac: eb.ref('excluded.phone_hmac'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  });
}

/** Decrypts the named customers (in chunks). Missing ids are absent from the map. */
export async function readCustomers(store: Store, keyring: Keyring, ids: string[]): Promise<Map<string, CustomerRecord>> {
  const out = new Map<string, CustomerRecord>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db.selectFrom('customers').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) {
      const pii = JSON.parse(decryptPii(keyring, r.id, r.pii)) as CustomerPii;
      out.set(r.id, {
        id: r.id,
        country: r.country,
        region: r.region,
        locale: r.locale,
        dealer: r.dealer,
        unit: r.unit,
        categories: JSON.parse(r.categories) as DataCategory[],
        ...pii,
      });
    }
  }
  return out;
}

export type CustomerLookup = { id: string } | { email: string } | { phone: string };

/** Exact-match lookup by id, email or phone (through the keyed hashes), across every key. */
export async function findCustomerIds(store: Store, keyring: Keyring, lookup: CustomerLookup): Promise<string[]> {
  if ('id' in lookup) {
    const row = await store.db.selectFrom('customers').select('id').where('id', '=', lookup.id).executeTakeFirst();
    return row ? [row.id] : [];
  }
  const [kind, value] = 'email' in lookup ? (['email', lookup.email] as const) : (['phone', lookup.phone] as const);
  const column = kind === 'email' ? 'email_hmac' : 'phone_hmac';
  const hashes = [...keyring.byId.values()].map((k) => lookupHmac(k, kind, value));
  const rows = await store.db.selectFrom('customers').select('id').where(column, 'in', hashes).execute();
  return rows.map((r) => r.id);
}
