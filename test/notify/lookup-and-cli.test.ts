// The call-centre lookup (audited, no PII in the audit details) and the CLI faces of the notice
// capability: `notify status --json` in the contract's shape, `notify lookup --json`, `report`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/audit/audit-log.ts';
import { callCentreLookup } from '../../src/notify/call-centre-lookup.ts';
import { draftNotices } from '../../src/notify/draft-notices.ts';
import { freshStore, type TestStore } from '../support/dialects.ts';
import { seedWorld, testKeyring, worldCustomers } from './notify-world.ts';

const BIN = fileURLToPath(new URL('../../bin/warden.js', import.meta.url));

describe('call-centre lookup and the notify CLI', () => {
  let t: TestStore;
  let incident: string;
  const keyring = testKeyring();
  const customers = worldCustomers(8);

  function cli(args: string[]): { code: number | null; out: string; err: string } {
    const r = spawnSync(process.execPath, [BIN, '--db', t.url, ...args], { encoding: 'utf8', env: { ...process.env, WARDEN_KEY: keyring.current.key.toString('base64'), WARDEN_LOG_LEVEL: 'silent' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  before(async () => {
    t = await freshStore('sqlite');
    incident = await seedWorld(t.store, keyring, customers);
    await draftNotices(t.store, keyring, incident, 'test');
  });
  after(async () => t.drop());

  test('a lookup by email says affected and which data, and is audited without the email', async () => {
    const r = await callCentreLookup(t.store, keyring, { email: 'c2@mail.test' }, 'operator-1', 'en');
    assert.equal(r.affected, true);
    assert.deepEqual(r.hits[0]?.fields, ['name', 'email', 'phone']);
    assert.deepEqual(r.hits[0]?.field_labels, ['name', 'email address', 'phone number']);
    assert.deepEqual(r.hits[0]?.notices, [{ channel: 'email', state: 'queued' }]);
    const audit = (await listAudit(t.store)).filter((a) => a.action === 'notify.lookup');
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actor, 'operator-1');
    assert.ok(!JSON.stringify(audit[0]).includes('c2@mail.test'), 'no PII in the audit trail');
  });

  test('an unknown caller is not affected, and that lookup is audited too', async () => {
    const r = await callCentreLookup(t.store, keyring, { phone: '03-9999-9999' }, 'operator-1');
    assert.deepEqual(r, { matched_customers: 0, affected: false, hits: [] });
    assert.equal((await listAudit(t.store)).filter((a) => a.action === 'notify.lookup').length, 2);
  });

  test('warden notify status --json prints exactly the contract shape', () => {
    const r = cli(['notify', 'status', incident, '--json']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out), { queued: 8, sent: 0, failed: 0, bounced: 0 });
  });

  test('warden notify lookup --id --json and bad usage exits 2', () => {
    const r = cli(['notify', 'lookup', '--id', 'C00003', '--json']);
    assert.equal(r.code, 0, r.err);
    assert.equal((JSON.parse(r.out) as { affected: boolean }).affected, true);
    assert.equal(cli(['notify', 'lookup', '--id', 'C1', '--email', 'x@y.z']).code, 2);
    assert.equal(cli(['notify', 'send', incident, '--channel', 'email', '--smtp', 'http://x']).code, 2);
  });

  test('warden report prints the PPC draft and exits 2 on a bad kind', () => {
    const r = cli(['report', incident, '--jurisdiction', 'JP', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    assert.equal((JSON.parse(r.out) as { form: string }).form, 'JP-PPC');
    assert.match(r.err, /items to be completed/);
    assert.equal(cli(['report', incident, '--jurisdiction', 'JP', '--kind', 'draft']).code, 2);
  });
});
