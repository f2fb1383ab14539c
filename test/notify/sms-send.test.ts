// SMS alerts end to end against a real HTTP gateway started in the test: drafted for customers
// with a phone; posted once each to their mobile in E.164, in their language, naming their data
// and the official domain, with no link and no name; landlines refused without a post; a 400
// failed with the reason; a 503 retried, then left queued and sent by the next run; a rerun
// posts nothing already sent; a template with a link stops the run before anything is posted.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WardenError } from '../../src/errors.ts';
import { categoryLabel } from '../../src/notify/category-labels.ts';
import { draftNotices } from '../../src/notify/draft-notices.ts';
import { countNotices, idempotencyKey, listNotices } from '../../src/notify/ledger-store.ts';
import { loadOrgProfile } from '../../src/notify/org-profile.ts';
import { GATEWAY_DOWN_AFTER, sendSmsNotices } from '../../src/notify/send-sms-notices.ts';
import { HttpSmsGateway } from '../../src/notify/sms-gateway.ts';
import { TemplateRenderer } from '../../src/notify/template-renderer.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';
import { type LocalSmsGateway, startSmsGateway } from './local-sms-gateway.ts';
import { seedWorld, testKeyring, type WorldCustomer, worldCustomers } from './notify-world.ts';

const org = loadOrgProfile({
  WARDEN_ORG_DOMAIN: 'notice-test.example',
  WARDEN_ORG_PHONE: '0120-999-111',
});
const e164 = (c: WorldCustomer) => `+81${c.phone.replace(/-/g, '').slice(1)}`;
const isMobile = (c: WorldCustomer) => c.phone.startsWith('090');
const fast = { maxAttempts: 3, backoffBaseMs: 5 };

for (const dialect of await activeDialects()) {
  describe(`SMS alerts on ${dialect}`, () => {
    let t: TestStore;
    let gw: LocalSmsGateway;
    let incident: string;
    const keyring = testKeyring();
    const customers = worldCustomers(24);
    const byId = new Map(customers.map((c) => [c.id, c]));
    const [rejected, unavailable, flaky] = customers.filter(isMobile).map(e164);
    const send = () =>
      sendSmsNotices(t.store, keyring, incident, {
        gateway: new HttpSmsGateway({ url: gw.url }),
        org,
        actor: 'test',
        window: 4,
        ...fast,
      });

    before(async () => {
      t = await freshStore(dialect);
      incident = await seedWorld(t.store, keyring, customers);
      gw = await startSmsGateway({
        reject: new Set([rejected ?? '']),
        unavailable: new Set([unavailable ?? '']),
        flaky: new Map([[flaky ?? '', 1]]),
      });
    });
    after(async () => {
      await gw.close();
      await t.drop();
    });

    test('drafting with sms adds an SMS row for each customer with a phone, besides their notice, once', async () => {
      const withPhone = customers.filter((c) => c.phone).length;
      const s = await draftNotices(t.store, keyring, incident, 'test', { sms: true });
      assert.deepEqual(s, { drafted: 24, email: 24, letter: 0, sms: withPhone });
      assert.equal(withPhone, 21);
      await draftNotices(t.store, keyring, incident, 'test', { sms: true });
      assert.equal(
        (await listNotices(t.store, incident, { channel: 'sms' })).length,
        withPhone,
        'drafting twice adds nothing',
      );
    });

    test('a template with a link stops the run before anything is posted', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'warden-sms-tpl-'));
      for (const locale of ['en', 'ja']) {
        mkdirSync(join(dir, locale));
        writeFileSync(
          join(dir, locale, 'sms.eta'),
          'Check your data at https://<%= it.org.domain %>/check',
        );
      }
      const run = sendSmsNotices(t.store, keyring, incident, {
        gateway: new HttpSmsGateway({ url: gw.url }),
        org,
        actor: 'test',
        renderer: new TemplateRenderer(dir),
      });
      await assert.rejects(
        run,
        (err) =>
          err instanceof WardenError &&
          err.code === 'bad_input' &&
          /carries a link/.test(err.message) &&
          (err.where ?? '').endsWith('sms.eta'),
      );
      rmSync(dir, { recursive: true, force: true });
      assert.equal(gw.posted.length, 0);
      assert.equal((await countNotices(t.store, incident, 'sms')).queued, 21);
    });

    test('each mobile gets one text in its language naming its data and the official domain, with no link and no name', async () => {
      const s = await send();
      const mobiles = customers.filter(isMobile);
      assert.deepEqual(s, { sent: mobiles.length - 2, failed: 1 + 6, retried: 2 + 1, deferred: 1 });
      const accepted = gw.accepted();
      assert.equal(accepted.length, mobiles.length - 2, 'no duplicates');
      assert.deepEqual(
        new Set(accepted.map((p) => p.body.to)),
        new Set(mobiles.map(e164).filter((n) => n !== rejected && n !== unavailable)),
      );
      assert.ok(
        !gw.posted.some((p) => p.body.to.startsWith('+81300')),
        'no landline was posted to',
      );
      for (const p of accepted) {
        const c = customers.find((x) => e164(x) === p.body.to);
        assert.ok(c);
        const lang = c.locale.startsWith('ja') ? 'ja' : 'en';
        assert.ok(
          p.body.text.includes(lang === 'ja' ? 'パスワード' : 'never ask'),
          `${c.id} text in ${lang}`,
        );
        for (const f of c.fields)
          assert.ok(p.body.text.includes(categoryLabel(f, lang)), `${c.id} text names ${f}`);
        assert.ok(
          p.body.text.includes('notice-test.example') && p.body.text.includes('0120-999-111'),
        );
        assert.doesNotMatch(p.body.text, /https?:|www\./);
        assert.ok(
          !p.body.text.includes(c.name),
          'no name in a text a recycled number could receive',
        );
        assert.equal(p.headers['idempotency-key'], idempotencyKey(incident, c.id, 'sms'));
        assert.equal(p.body.reference, p.headers['idempotency-key']);
      }
    });

    test('the ledger records the gateway answer, refusals and the text left queued', async () => {
      const rows = new Map(
        (await listNotices(t.store, incident, { channel: 'sms' })).map((r) => [
          byId.get(r.customer_id)?.phone ?? '',
          r,
        ]),
      );
      const row = (n: string | undefined) =>
        rows.get(customers.find((c) => e164(c) === n)?.phone ?? '');
      assert.equal(row(rejected)?.state, 'failed');
      assert.match(row(rejected)?.last_error ?? '', /^permanent: HTTP 400 .*invalid number/);
      assert.equal(row(unavailable)?.state, 'queued');
      assert.match(
        row(unavailable)?.last_error ?? '',
        /^temporary failure after 3 tries: HTTP 503/,
      );
      assert.equal(row(unavailable)?.attempts, 3);
      assert.equal(row(flaky)?.state, 'sent');
      assert.equal(row(flaky)?.attempts, 2, 'one 503, then accepted');
      assert.match(row(flaky)?.smtp_response ?? '', /^202 \{"id":"sms-\d+"\}$/);
      const landline = rows.get('03-0000-0004');
      assert.equal(landline?.state, 'failed');
      assert.match(landline?.last_error ?? '', /^no SMS: not a Japanese mobile number/);
      assert.equal(landline?.attempts, 0);
      assert.equal(
        (await countNotices(t.store, incident, 'email')).queued,
        24,
        'the email notices are untouched',
      );
    });

    test('a rerun posts only what is left queued, once the gateway takes it, and then nothing', async () => {
      const before = gw.posted.length;
      gw.behaviour.unavailable?.clear();
      const s = await send();
      assert.deepEqual([s.sent, s.failed, s.deferred], [1, 0, 0]);
      assert.deepEqual(
        gw.posted.slice(before).map((p) => p.body.to),
        [unavailable],
      );
      const again = await send();
      assert.deepEqual([again.sent, again.failed, gw.posted.length], [0, 0, before + 1]);
      const c = await countNotices(t.store, incident, 'sms');
      assert.deepEqual([c.sent, c.failed, c.queued], [customers.filter(isMobile).length - 1, 7, 0]);
    });
  });
}

describe('SMS alerts when the gateway is down', () => {
  let t: TestStore;
  let gw: LocalSmsGateway;
  after(async () => {
    await gw.close();
    await t.drop();
  });

  test('the run stops claiming after repeated temporary failures and leaves every text queued', async () => {
    t = await freshStore('sqlite');
    const keyring = testKeyring();
    const customers = worldCustomers(240).filter((c) => c.phone.startsWith('090'));
    const incident = await seedWorld(t.store, keyring, customers);
    await draftNotices(t.store, keyring, incident, 'test', { sms: true });
    gw = await startSmsGateway({ down: true });
    const s = await sendSmsNotices(t.store, keyring, incident, {
      gateway: new HttpSmsGateway({ url: gw.url }),
      org,
      actor: 'test',
      window: 5,
      maxAttempts: 1,
      backoffBaseMs: 1,
    });
    assert.equal(s.sent + s.failed, 0);
    assert.ok(gw.posted.length >= GATEWAY_DOWN_AFTER, `${gw.posted.length} posts before giving up`);
    assert.ok(
      gw.posted.length < customers.length / 2,
      `stopped early: ${gw.posted.length} of ${customers.length} tried`,
    );
    const c = await countNotices(t.store, incident, 'sms');
    assert.deepEqual([c.queued, c.sent, c.failed], [customers.length, 0, 0]);
    const notTried = (await listNotices(t.store, incident, { channel: 'sms' })).filter(
      (r) => r.attempts === 0 && r.last_error,
    );
    for (const r of notTried)
      assert.match(r.last_error ?? '', /not tried: the gateway kept failing/);
  });
});
