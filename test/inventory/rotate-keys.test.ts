// Key rotation: every row re-encrypted under the new key, lookups still work, the old key
// alone no longer reads the rows, and a rerun after a partial rotation finishes the rest.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type DataKey, keyId, type Keyring } from '../../src/crypto/keyring.ts';
import { findCustomerIds, readCustomers } from '../../src/inventory/customer-store.ts';
import { importCustomersCsv } from '../../src/inventory/import-customers.ts';
import { countByKey, reencryptCustomers } from '../../src/inventory/rotate-keys.ts';
import { freshStore } from '../support/dialects.ts';

const newKey = (): DataKey => {
  const k = randomBytes(32);
  return { id: keyId(k), key: k };
};

test('rotation re-encrypts every customer and resumes after a partial run', async () => {
  const t = await freshStore('sqlite');
  try {
    const dir = mkdtempSync(join(tmpdir(), 'warden-rot-'));
    const csv = join(dir, 'c.csv');
    const rows = Array.from({ length: 1200 }, (_, i) => `K${i},Name ${i},Addr,03-1111-${String(i).padStart(4, '0')},k${i}@x.example,JP,JP-13,ja`);
    writeFileSync(csv, ['id,name,postal_address,phone,email,country,region,locale', ...rows].join('\n'));
    const oldKey = newKey();
    const oldRing: Keyring = { current: oldKey, byId: new Map([[oldKey.id, oldKey]]) };
    await importCustomersCsv(t.store, oldRing, csv, { onProblem: () => {} });

    const fresh = newKey();
    const ring: Keyring = { current: fresh, byId: new Map([[oldKey.id, oldKey], [fresh.id, fresh]]) };
    // Simulate a crash after the first batch: rotate only 1000 rows by hand, then resume.
    let stopped = false;
    await reencryptCustomers(t.store, ring, () => {
      if (!stopped) {
        stopped = true;
        throw new Error('crash');
      }
    }).catch(() => {});
    assert.deepEqual(await countByKey(t.store), { [oldKey.id]: 200, [fresh.id]: 1000 });
    assert.equal(await reencryptCustomers(t.store, ring), 200);
    assert.deepEqual(await countByKey(t.store), { [fresh.id]: 1200 });

    const onlyNew: Keyring = { current: fresh, byId: new Map([[fresh.id, fresh]]) };
    assert.equal((await readCustomers(t.store, onlyNew, ['K7'])).get('K7')?.name, 'Name 7');
    assert.deepEqual(await findCustomerIds(t.store, onlyNew, { email: 'k7@x.example' }), ['K7']);
    await assert.rejects(readCustomers(t.store, oldRing, ['K7']), /not in the keyring/);
  } finally {
    await t.drop();
  }
});
