// Test world for the notice suite: a keyring, customers (kanji names, mixed locales, some without
// email; mobile phones for most, a landline every 4th, no phone every 7th), an incident with a
// recorded scope, and per-customer affected fields. Small on purpose.
import { randomBytes } from 'node:crypto';
import { keyId, type Keyring } from '../../src/crypto/keyring.ts';
import { openIncident, setFacts } from '../../src/incidents/incident-store.ts';
import { upsertCustomers } from '../../src/inventory/customer-store.ts';
import type { CustomerInput } from '../../src/inventory/customer-row.ts';
import type { Store } from '../../src/store/open-store.ts';

export function testKeyring(): Keyring {
  const key = randomBytes(32);
  const k = { id: keyId(key), key };
  return { current: k, byId: new Map([[k.id, k]]) };
}

export const KANJI_NAMES = ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 美咲', '渡辺 健'];

export interface WorldCustomer {
  id: string;
  name: string;
  email: string;
  phone: string;
  locale: string;
  fields: string[];
}

/** Customer i's phone: none every 7th, a Tokyo landline every 4th, otherwise a mobile. */
export function worldPhone(i: number): string {
  const n = String(i).padStart(4, '0');
  if (i % 7 === 0) return '';
  return i % 4 === 0 ? `03-0000-${n}` : `090-1000-${n}`;
}

export function worldCustomers(n: number, opts: { withoutEmailEvery?: number } = {}): WorldCustomer[] {
  const out: WorldCustomer[] = [];
  for (let i = 1; i <= n; i++) {
    const ja = i % 3 !== 0;
    const noEmail = opts.withoutEmailEvery ? i % opts.withoutEmailEvery === 0 : false;
    out.push({
      id: `C${String(i).padStart(5, '0')}`,
      name: ja ? `${KANJI_NAMES[i % KANJI_NAMES.length]}${i}` : `Jane Smith ${i}`,
      email: noEmail ? '' : `c${i}@mail.test`,
      phone: worldPhone(i),
      locale: ja ? 'ja-JP' : i % 2 === 0 ? 'en-GB' : 'de-DE',
      fields: i % 2 === 0 ? ['name', 'email', 'phone'] : ['name', 'postal_address', 'vehicle_purchase'],
    });
  }
  return out;
}

export async function seedWorld(store: Store, keyring: Keyring, customers: WorldCustomer[]): Promise<string> {
  const inputs: CustomerInput[] = customers.map((c) => ({
    id: c.id,
    country: 'JP',
    region: 'JP-13',
    locale: c.locale,
    dealer: null,
    unit: 'kanto-3',
    categories: ['name', 'postal_address', 'phone', 'email'],
    pii: { name: c.name, postal_address: '東京都千代田区丸の内1-1', phone: c.phone, email: c.email, date_of_birth: '' },
  }));
  await upsertCustomers(store, keyring, inputs);
  const inc = await openIncident(store, { title: 'Dealer CRM export by a vendor account', awareAt: '2026-11-05T10:00:00+09:00' }, 'test');
  await setFacts(store, inc.id, { cause: 'unauthorized_access' }, 'test');
  for (let i = 0; i < customers.length; i += 200) {
    const rows = customers.slice(i, i + 200).map((c) => ({ incident_id: inc.id, customer_id: c.id, basis: 'confirmed', fields: JSON.stringify(c.fields), jurisdiction: 'JP', entity: 'tokyo-sales' }));
    await store.db.insertInto('affected').values(rows).execute();
  }
  const scope = {
    id: inc.id,
    affected: { confirmed: customers.length, inferred: 0, total: customers.length },
    fields: ['email', 'name', 'phone', 'postal_address', 'vehicle_purchase'],
    by_jurisdiction: { JP: customers.length },
    by_entity: { 'tokyo-sales': customers.length },
    worst_case: false,
    events: { matched: 10, data_reading: 4, first: '2026-11-02T02:13:05+09:00', last: '2026-11-03T04:00:00+09:00' },
    notes: [],
    computed_at: '2026-11-05T11:00:00+09:00',
  };
  await store.db.updateTable('incidents').set({ scope: JSON.stringify(scope) }).where('id', '=', inc.id).execute();
  return inc.id;
}
