// `warden notify draft --sms` and `warden notify send --channel sms` as a user runs them, against
// a local HTTP gateway: a clear usage error (exit 2) without WARDEN_SMS_URL, a hint when nothing
// was drafted, then every mobile posted once and the ledger counts on stderr.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { freshStore, type TestStore } from '../support/dialects.ts';
import { type LocalSmsGateway, startSmsGateway } from './local-sms-gateway.ts';
import { seedWorld, testKeyring, worldCustomers } from './notify-world.ts';

const BIN = fileURLToPath(new URL('../../bin/warden.js', import.meta.url));

describe('the notify CLI with --channel sms', () => {
  let t: TestStore;
  let gw: LocalSmsGateway;
  let incident: string;
  const keyring = testKeyring();
  const customers = worldCustomers(12);
  const mobiles = customers.filter((c) => c.phone.startsWith('090'));

  // Spawned without blocking: the gateway answers from this process's event loop.
  async function cli(
    args: string[],
    env: Record<string, string | undefined>,
  ): Promise<{ code: number | null; out: string; err: string }> {
    const base: NodeJS.ProcessEnv = {
      ...process.env,
      WARDEN_KEY: keyring.current.key.toString('base64'),
      WARDEN_LOG_LEVEL: 'silent',
      WARDEN_ORG_DOMAIN: 'notice-test.example',
    };
    delete base.WARDEN_SMS_URL;
    const child = spawn(process.execPath, [BIN, '--db', t.url, ...args], {
      env: { ...base, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const [code] = (await once(child, 'close')) as [number | null];
    return { code, out, err };
  }

  before(async () => {
    t = await freshStore('sqlite');
    incident = await seedWorld(t.store, keyring, customers);
    gw = await startSmsGateway();
  });
  after(async () => {
    await gw.close();
    await t.drop();
  });

  test('without WARDEN_SMS_URL the send is a usage error that names the setting', async () => {
    const r = await cli(['notify', 'send', incident, '--channel', 'sms'], {});
    assert.equal(r.code, 2);
    assert.match(r.err, /WARDEN_SMS_URL: not set/);
    assert.equal(gw.posted.length, 0);
  });

  test('an unknown channel is a usage error listing the ones there are', async () => {
    const r = await cli(['notify', 'send', incident, '--channel', 'fax'], {
      WARDEN_SMS_URL: gw.url,
    });
    assert.equal(r.code, 2);
    assert.match(r.err, /--channel: .*email or sms/);
  });

  test('before drafting, the send says how to draft and posts nothing', async () => {
    const r = await cli(['notify', 'send', incident, '--channel', 'sms'], {
      WARDEN_SMS_URL: gw.url,
    });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, new RegExp(`warden notify draft ${incident} --sms`));
    assert.equal(gw.posted.length, 0);
  });

  test('draft --sms then send --channel sms posts to every mobile once and reports the ledger', async () => {
    const d = await cli(['notify', 'draft', incident, '--sms', '--json'], {});
    assert.equal(d.code, 0, d.err);
    assert.deepEqual(JSON.parse(d.out), {
      drafted: 12,
      email: 12,
      letter: 0,
      sms: customers.filter((c) => c.phone).length,
    });
    const r = await cli(['notify', 'send', incident, '--channel', 'sms', '--rate', '50'], {
      WARDEN_SMS_URL: gw.url,
      WARDEN_SMS_TOKEN: 'tok',
    });
    assert.equal(r.code, 0, r.err);
    assert.equal(gw.posted.length, mobiles.length);
    assert.equal(new Set(gw.posted.map((p) => p.body.to)).size, mobiles.length);
    assert.ok(gw.posted.every((p) => p.headers.authorization === 'Bearer tok'));
    const landlines = customers.filter((c) => c.phone.startsWith('03')).length;
    assert.match(
      r.err,
      new RegExp(
        `sent ${mobiles.length}, failed ${landlines}, retried 0, left queued 0; sms ledger: ${mobiles.length} sent, 0 queued, ${landlines} failed`,
      ),
    );
    const again = await cli(['notify', 'send', incident, '--channel', 'sms'], {
      WARDEN_SMS_URL: gw.url,
    });
    assert.equal(again.code, 0, again.err);
    assert.equal(gw.posted.length, mobiles.length, 'a rerun posts nothing');
  });
});
