// The store suite: migrations, idempotence and parameterised queries on every real database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { countRows } from '../../src/store/count-rows.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';

for (const dialect of await activeDialects()) {
  describe(`store on ${dialect}`, () => {
    let t: TestStore;
    before(async () => {
      t = await freshStore(dialect);
    });
    after(async () => t.drop());

    test('a fresh store is migrated and empty', async () => {
      assert.deepEqual(await countRows(t.store), { customers: 0, events: 0, quarantined: 0, alerts: 0, incidents: 0 });
    });

    test('migrations are re-runnable: a second run applies nothing', async () => {
      assert.deepEqual(await migrateToLatest(t.store.db), []);
    });

    test('an injection string in a value is stored as data, not run', async () => {
      const evil = "x'); drop table entities; --";
      await t.store.db.insertInto('entities').values({ id: evil, name: evil, country: 'JP', parent: null, units: '[]', dealers: '[]' }).execute();
      const rows = await t.store.db.selectFrom('entities').selectAll().where('name', '=', evil).execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.id, evil);
    });
  });
}
