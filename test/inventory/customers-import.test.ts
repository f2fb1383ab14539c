// Customer CSV import on every dialect: encryption at rest, bad rows reported and skipped,
// re-import updates without duplicating, lookups by phone/email, a wrong key refused.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { keyId, type Keyring } from '../../src/crypto/keyring.ts';
import { type InputProblem, WardenError } from '../../src/errors.ts';
import { findCustomerIds, readCustomers } from '../../src/inventory/customer-store.ts';
import { importCustomersCsv } from '../../src/inventory/import-customers.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';

function keyring(): Keyring {
  const key = randomBytes(32);
  const k = { id: keyId(key), key };
  return { current: k, byId: new Map([[k.id, k]]) };
}

const dir = mkdtempSync(join(tmpdir(), 'warden-cust-'));
const HEADER = 'id,name,postal_address,phone,email,country,region,locale,unit,shoe_size';
const GOOD = [
  'C001,山田 太郎,東京都千代田区1-1,03-1234-5678,taro@example.jp,JP,JP-13,ja,kanto-1,27',
  'C002,"Smith, Jane","1 Main St, Springfield",+1 555 0100,,US,US-CA,en-US,,9',
];
const BAD = [
  'C003,No Country,addr,03-0000-0000,,Japan,JP-13,ja,kanto-1,1', // line 4: country
  ',No Id,addr,03-0000-0000,,JP,JP-13,ja,kanto-1,1', // line 5: id
  'C004,Bad Mail,addr,03-0000-0000,not-an-email,JP,JP-13,ja,kanto-1,1', // line 6: email
  'C005,Wrong Region,addr,03-0000-0000,,JP,US-CA,ja,kanto-1,1', // line 7: region
];
const csv = join(dir, 'customers.csv');
// The last row is cut off mid-record, as a truncated file would be.
writeFileSync(csv, [HEADER, ...GOOD, ...BAD, 'C006,Cut Off,addr'].join('\n'));

for (const dialect of await activeDialects()) {
  describe(`customers import on ${dialect}`, () => {
    let t: TestStore;
    const kr = keyring();
    const problems: InputProblem[] = [];
    before(async () => {
      t = await freshStore(dialect);
    });
    after(async () => t.drop());

    test('good rows are imported and every bad row is named by line and column', async () => {
      const r = await importCustomersCsv(t.store, kr, csv, { onProblem: (p) => problems.push(p) });
      assert.equal(r.imported, 2);
      assert.equal(r.skipped, 5);
      const lines = problems.map((p) => `${p.where.replace(dir, '')}: ${p.message}`);
      assert.ok(lines.some((l) => l.startsWith('/customers.csv:1: column \'shoe_size\'')), lines.join('\n'));
      assert.ok(lines.some((l) => l.startsWith('/customers.csv:4: country:')));
      assert.ok(lines.some((l) => l.startsWith('/customers.csv:5: id:')));
      assert.ok(lines.some((l) => l.startsWith('/customers.csv:6: email:')));
      assert.ok(lines.some((l) => l.startsWith('/customers.csv:7: region:')));
      assert.ok(lines.some((l) => l.startsWith('/customers.csv:8: row:')));
    });

    test('PII is encrypted at rest and decrypts with the key', async () => {
      const row = await t.store.db.selectFrom('customers').selectAll().where('id', '=', 'C001').executeTakeFirstOrThrow();
      assert.ok(!row.pii.includes('山田'));
      assert.ok(!JSON.stringify(row).includes('taro@example.jp'));
      const got = await readCustomers(t.store, kr, ['C001', 'C002']);
      assert.equal(got.get('C001')?.name, '山田 太郎');
      assert.equal(got.get('C002')?.postal_address, '1 Main St, Springfield');
      assert.deepEqual(got.get('C002')?.categories, ['name', 'postal_address', 'phone']);
    });

    test('a re-import updates and never duplicates', async () => {
      const changed = join(dir, `changed-${dialect}.csv`);
      writeFileSync(changed, [HEADER, GOOD[0]!.replace('taro@example.jp', 'new@example.jp')].join('\n'));
      await importCustomersCsv(t.store, kr, changed, { onProblem: () => {} });
      await importCustomersCsv(t.store, kr, csv, { onProblem: () => {} });
      await importCustomersCsv(t.store, kr, changed, { onProblem: () => {} });
      const n = await t.store.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 2);
      assert.equal((await readCustomers(t.store, kr, ['C001'])).get('C001')?.email, 'new@example.jp');
    });

    test('call-centre lookup finds a customer by phone in another format, and by email', async () => {
      assert.deepEqual(await findCustomerIds(t.store, kr, { phone: '0312345678' }), ['C001']);
      assert.deepEqual(await findCustomerIds(t.store, kr, { email: 'NEW@example.jp' }), ['C001']);
      assert.deepEqual(await findCustomerIds(t.store, kr, { email: 'nobody@example.jp' }), []);
    });

    test('a wrong key gives a clear error naming the customer, not garbage', async () => {
      await assert.rejects(readCustomers(t.store, keyring(), ['C001']), (e: unknown) => {
        assert.ok(e instanceof WardenError);
        assert.equal(e.where, 'customer C001');
        assert.match(e.message, /not in the keyring/);
        return true;
      });
    });

    test('a file without a required column stops with a clear error and imports nothing', async () => {
      const f = join(dir, 'no-region.csv');
      writeFileSync(f, 'id,name,postal_address,phone,email,country,locale\nX1,a,b,,,JP,ja\n');
      await assert.rejects(importCustomersCsv(t.store, kr, f, { onProblem: () => {} }), /missing required column\(s\): region/);
    });
  });
}
