// Re-encrypts every customer's PII under the current key, in batches, recomputing the lookup
// hashes. Rows already under the current key are left alone, so a rotation that crashed
// midway resumes where it stopped.
import { decryptPii, encryptPii, lookupHmac } from '../crypto/pii-cipher.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Store } from '../store/open-store.ts';
import type { CustomerPii } from './customer-row.ts';

export async function reencryptCustomers(store: Store, keyring: Keyring, onProgress?: (done: number) => void): Promise<number> {
  const key = keyring.current;
  let done = 0;
  for (;;) {
    const rows = await store.db.selectFrom('customers').select(['id', 'pii']).where('key_id', '<>', key.id).orderBy('id').limit(1000).execute();
    if (rows.length === 0) return done;
    await store.db.transaction().execute(async (tx) => {
      for (const r of rows) {
        const pii = JSON.parse(decryptPii(keyring, r.id, r.pii)) as CustomerPii;
        await tx
          .updateTable('customers')
          .set({
            key_id: key.id,
            pii: encryptPii(key, r.id, JSON.stringify(pii)),
            email_hmac: pii.email ? lookupHmac(key, 'email', pii.email) : null,
            phone_hmac: pii.phone ? lookupHmac(key, 'phone', pii.phone) : null,
          })
          .where('id', '=', r.id)
          .execute();
      }
    });
    done += rows.length;
    onProgress?.(done);
  }
}

export async function countByKey(store: Store): Promise<Record<string, number>> {
  const rows = await store.db.selectFrom('customers').select(['key_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('key_id').execute();
  return Object.fromEntries(rows.map((r) => [r.key_id, Number(r.n)]));
}
