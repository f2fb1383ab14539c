// The audit trail detects tampering on every real database: an edited entry, a deleted
// middle entry, and a deleted LAST entry (caught by the head record); `warden audit verify`
// exits 1 on a broken chain.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { appendAudit, verifyAuditTrail } from '../../src/audit/audit-log.ts';
import type { Store } from '../../src/store/open-store.ts';
import { activeDialects, freshStore } from '../support/dialects.ts';

async function trailOf(store: Store, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) await appendAudit(store, { actor: 'user:a', action: 'customers.view_pii', target: `C${i}`, details: { n: i } });
}

for (const dialect of await activeDialects()) {
  describe(`audit chain on ${dialect}`, () => {
    test('an untouched trail verifies', async () => {
      const t = await freshStore(dialect);
      await trailOf(t.store, 5);
      assert.deepEqual(await verifyAuditTrail(t.store), { entries: 5 });
      await t.drop();
    });

    test('an edited entry breaks the chain at that entry', async () => {
      const t = await freshStore(dialect);
      await trailOf(t.store, 5);
      await t.store.db.updateTable('audit').set({ target: 'C999' }).where('seq', '=', 3).execute();
      const r = await verifyAuditTrail(t.store);
      assert.equal(r.break?.seq, 3);
      assert.match(r.break?.problem ?? '', /edited/);
      await t.drop();
    });

    test('a deleted middle entry breaks the chain', async () => {
      const t = await freshStore(dialect);
      await trailOf(t.store, 5);
      await t.store.db.deleteFrom('audit').where('seq', '=', 2).execute();
      assert.equal((await verifyAuditTrail(t.store)).break?.seq, 3);
      await t.drop();
    });

    test('a deleted last entry is caught by the head record', async () => {
      const t = await freshStore(dialect);
      await trailOf(t.store, 5);
      await t.store.db.deleteFrom('audit').where('seq', '=', 5).execute();
      const r = await verifyAuditTrail(t.store);
      assert.equal(r.break?.seq, 5);
      assert.match(r.break?.problem ?? '', /newest entries were deleted/);
      await t.drop();
    });

    test('appending after a verified trail keeps it verifiable', async () => {
      const t = await freshStore(dialect);
      await trailOf(t.store, 2);
      await verifyAuditTrail(t.store);
      await trailOf(t.store, 2);
      assert.deepEqual(await verifyAuditTrail(t.store), { entries: 4 });
      await t.drop();
    });
  });
}

describe('warden audit verify', () => {
  test('exits 0 on an intact trail and 1 with --json naming the break once an entry is edited', async () => {
    const t = await freshStore('sqlite');
    await trailOf(t.store, 3);
    const run = () => spawnSync(process.execPath, ['bin/warden.js', 'audit', 'verify', '--json', '--db', t.url], { encoding: 'utf8' });
    const ok = run();
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout), { ok: true, entries: 3, break: null });
    await t.store.db.updateTable('audit').set({ actor: 'user:b' }).where('seq', '=', 1).execute();
    const bad = run();
    assert.equal(bad.status, 1);
    assert.equal((JSON.parse(bad.stdout) as { break: { seq: number } }).break.seq, 1);
    await t.drop();
  });
});
