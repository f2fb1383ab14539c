// Email notices to a real SMTP server (smtp-server) started in the test, read back: right
// recipients, locale and fields, no duplicates, a rerun sends nothing; a permanent 5xx is marked
// failed with the reason, a temporary 4xx is retried and sent; the ledger counts agree.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { categoryLabel } from '../../src/notify/category-labels.ts';
import { draftNotices, noticeCounts } from '../../src/notify/draft-notices.ts';
import { createEmailTransport } from '../../src/notify/email-transport.ts';
import { listNotices } from '../../src/notify/ledger-store.ts';
import { loadOrgProfile } from '../../src/notify/org-profile.ts';
import { sendEmailNotices } from '../../src/notify/send-email-notices.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';
import { type LocalSmtp, startSmtp } from './local-smtp.ts';
import { seedWorld, testKeyring, type WorldCustomer, worldCustomers } from './notify-world.ts';

const org = loadOrgProfile({ WARDEN_ORG_DOMAIN: 'notice-test.example' });

for (const dialect of await activeDialects()) {
  describe(`email notices on ${dialect}`, () => {
    let t: TestStore;
    let smtp: LocalSmtp;
    let incident: string;
    const keyring = testKeyring();
    const customers: WorldCustomer[] = worldCustomers(30, { withoutEmailEvery: 5 });
    const rejected = 'c3@mail.test';
    const deferred = 'c4@mail.test';

    before(async () => {
      t = await freshStore(dialect);
      incident = await seedWorld(t.store, keyring, customers);
      smtp = await startSmtp({ reject: new Set([rejected]), defer: new Map([[deferred, 2]]) });
    });
    after(async () => {
      await smtp.close();
      await t.drop();
    });

    test('drafting makes an email row per customer with an address and a letter for the rest, once', async () => {
      const s = await draftNotices(t.store, keyring, incident, 'test');
      assert.deepEqual(s, { drafted: 30, email: 24, letter: 6 });
      await draftNotices(t.store, keyring, incident, 'test');
      assert.equal((await listNotices(t.store, incident)).length, 30, 'drafting twice adds nothing');
      assert.deepEqual(await noticeCounts(t.store, incident), { queued: 30, sent: 0, failed: 0, bounced: 0 });
    });

    test('send delivers each notice once, to the right customer, in their language, naming their fields', async () => {
      const transport = createEmailTransport(smtp.url, { maxConnections: 3, rate: 0 });
      const s = await sendEmailNotices(t.store, keyring, incident, { transport, from: 'Notices <notices@notice-test.example>', org, actor: 'test', window: 7, backoffBaseMs: 20 });
      transport.close();
      assert.equal(s.sent, 23);
      assert.equal(s.failed, 1);
      assert.ok(s.retried >= 2, 'the deferred recipient was retried');
      const byRcpt = new Map(smtp.received.map((r) => [r.to, r]));
      assert.equal(smtp.received.length, 23, 'no duplicates');
      assert.equal(byRcpt.size, 23);
      for (const c of customers) {
        const got = byRcpt.get(c.email);
        if (!c.email || c.email === rejected) {
          assert.equal(got, undefined);
          continue;
        }
        assert.ok(got, `${c.id} received`);
        const lang = c.locale.startsWith('ja') ? 'ja' : 'en';
        assert.equal(got.language, lang);
        const text = got.mail.text ?? '';
        assert.ok(text.includes(c.name), 'addressed by name');
        for (const f of c.fields) assert.ok(text.includes(categoryLabel(f, lang)), `${c.id} notice names ${f}`);
        assert.match(got.messageId, /^<notice-[0-9a-f]{32}@notice-test\.example>$/);
        assert.equal(got.messageId, `<notice-${got.key}@notice-test.example>`, 'Message-ID is derived from the idempotency key');
      }
      assert.deepEqual(await noticeCounts(t.store, incident), { queued: 6, sent: 23, failed: 1, bounced: 0 });
    });

    test('a permanent refusal is failed with the server reason; the ledger keeps the SMTP response of sent ones', async () => {
      const rows = await listNotices(t.store, incident, { channel: 'email' });
      const bad = rows.find((r) => r.state === 'failed');
      assert.ok(bad);
      assert.match(bad.last_error ?? '', /^permanent: .*550|mailbox unavailable/);
      const sent = rows.find((r) => r.state === 'sent');
      assert.match(sent?.smtp_response ?? '', /^250/);
      const retried = rows.find((r) => r.customer_id === 'C00004');
      assert.equal(retried?.state, 'sent');
      assert.equal(retried?.attempts, 3, 'two 451 replies then success');
    });

    test('a rerun sends nothing already sent', async () => {
      const before = smtp.received.length;
      const transport = createEmailTransport(smtp.url);
      const s = await sendEmailNotices(t.store, keyring, incident, { transport, from: 'n@notice-test.example', org, actor: 'test' });
      transport.close();
      assert.equal(s.sent, 0);
      assert.equal(smtp.received.length, before);
    });
  });
}
