// `notify send` killed with SIGKILL mid-run, then run again: every notice is delivered, and the
// duplicates are bounded by the rows in flight at the crash (the claimed windows).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { draftNotices, noticeCounts } from '../../src/notify/draft-notices.ts';
import { createEmailTransport } from '../../src/notify/email-transport.ts';
import { loadOrgProfile } from '../../src/notify/org-profile.ts';
import { sendEmailNotices, WINDOWS_IN_FLIGHT } from '../../src/notify/send-email-notices.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';
import { startSmtp } from './local-smtp.ts';
import { seedWorld, testKeyring, worldCustomers } from './notify-world.ts';

const CHILD = fileURLToPath(new URL('./send-child.ts', import.meta.url));
const WINDOW = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const dialect of await activeDialects()) {
  describe(`kill -9 and resume on ${dialect}`, () => {
    let t: TestStore;
    let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
    after(async () => {
      await smtp?.close();
      await t?.drop();
    });

    // A loaded machine can take many seconds to start the child: wait up to 90 s, never forever.
    test('the rerun sends every remaining notice; duplicates are at most the claimed windows', { timeout: 180_000 }, async () => {
      t = await freshStore(dialect);
      const keyring = testKeyring();
      const customers = worldCustomers(60);
      const incident = await seedWorld(t.store, keyring, customers);
      await draftNotices(t.store, keyring, incident, 'test');
      smtp = await startSmtp({ delayMs: 40 });
      const server = smtp;
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, t.url, keyring.current.key.toString('base64'), incident, server.url, String(WINDOW)], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr?.on('data', (c: Buffer) => {
        stderr += c.toString();
      });
      const exited = once(child, 'exit');
      for (let i = 0; i < 3600 && server.count() < 20; i++) await sleep(25);
      child.kill('SIGKILL');
      const [code, signal] = await exited;
      assert.equal(signal, 'SIGKILL', `child was killed mid-run (exit ${code}; ${stderr.slice(0, 500)})`);
      const atKill = server.count();
      assert.ok(atKill >= 20 && atKill < 60, `killed mid-run after ${atKill} messages`);
      assert.ok((await noticeCounts(t.store, incident)).queued > 0, 'work was left');

      const transport = createEmailTransport(server.url, { maxConnections: 2 });
      await sendEmailNotices(t.store, keyring, incident, { transport, from: 'n@notice-test.example', org: loadOrgProfile({ WARDEN_ORG_DOMAIN: 'notice-test.example' }), actor: 'test', window: WINDOW });
      transport.close();
      await sleep(100);
      const keys = server.received.map((r) => r.key);
      const distinct = new Set(keys);
      assert.equal(distinct.size, 60, 'every customer got their notice');
      assert.deepEqual(new Set(server.received.map((r) => r.to)), new Set(customers.map((c) => c.email)));
      const duplicates = keys.length - distinct.size;
      assert.ok(duplicates <= WINDOWS_IN_FLIGHT * WINDOW, `${duplicates} duplicates, bounded by ${WINDOWS_IN_FLIGHT * WINDOW} in flight`);
      assert.deepEqual(await noticeCounts(t.store, incident), { queued: 0, sent: 60, failed: 0, bounced: 0 });
    });
  });
}
