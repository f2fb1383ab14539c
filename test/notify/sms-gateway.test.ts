// The SMS adapter posts to an HTTP gateway (a local server here) with the credentials from
// config and the idempotency key; a 4xx is permanent, a 5xx or an unreachable gateway temporary.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WardenError } from '../../src/errors.ts';
import { buildNoticeContext } from '../../src/notify/notice-context.ts';
import { loadOrgProfile } from '../../src/notify/org-profile.ts';
import { HttpSmsGateway, smsConfigFromEnv } from '../../src/notify/sms-gateway.ts';
import { TemplateRenderer } from '../../src/notify/template-renderer.ts';
import { type LocalSmsGateway, startSmsGateway } from './local-sms-gateway.ts';

describe('HTTP SMS gateway', () => {
  let gw: LocalSmsGateway;
  before(async () => {
    gw = await startSmsGateway({
      reject: new Set(['+810000000000']),
      unavailable: new Set(['+819999999999']),
    });
  });
  after(() => gw.close());

  test('a notice SMS is posted with credentials, the key, and the rendered Japanese text', async () => {
    const sms = new HttpSmsGateway(
      smsConfigFromEnv({
        WARDEN_SMS_URL: gw.url,
        WARDEN_SMS_USER: 'warden',
        WARDEN_SMS_TOKEN: 's3cret',
      }),
    );
    const ctx = buildNoticeContext({
      locale: 'ja',
      org: loadOrgProfile({}),
      customerName: '山田 太郎',
      fields: ['name', 'phone'],
      facts: {
        incidentId: 'i',
        title: 't',
        awareAt: '2026-11-05T10:00:00+09:00',
        firstAccess: '2026-11-02T02:00:00+09:00',
        lastAccess: null,
        vendorName: null,
      },
      fakeDomains: [],
      reference: 'k1',
    });
    const text = new TemplateRenderer().render('sms', ctx).trim();
    const r = await sms.send({ to: '+819012345678', text, key: 'key-123' });
    assert.deepEqual({ ok: r.ok, status: r.status }, { ok: true, status: 202 });
    assert.match(r.response, /^\{"id":"sms-\d+"\}$/);
    const p = gw.posted.at(-1);
    assert.ok(p);
    assert.equal(p.body.to, '+819012345678');
    assert.equal(p.body.text, text);
    assert.match(p.body.text, /氏名、電話番号/);
    assert.equal(p.headers['idempotency-key'], 'key-123');
    assert.equal(
      p.headers.authorization,
      `Basic ${Buffer.from('warden:s3cret').toString('base64')}`,
    );
  });

  test('a 4xx is permanent, a 5xx and an unreachable gateway are temporary', async () => {
    const sms = new HttpSmsGateway({ url: gw.url, token: 'tok' });
    const bad = await sms.send({ to: '+810000000000', text: 'x', key: 'a' });
    assert.deepEqual([bad.ok, bad.permanent, bad.status], [false, true, 400]);
    assert.equal(gw.posted.at(-1)?.headers.authorization, 'Bearer tok');
    const busy = await sms.send({ to: '+819999999999', text: 'x', key: 'b' });
    assert.deepEqual([busy.ok, busy.permanent, busy.status], [false, false, 503]);
    const down = await new HttpSmsGateway({ url: 'http://127.0.0.1:9/none', timeoutMs: 2000 }).send(
      { to: '+81', text: 'x', key: 'c' },
    );
    assert.deepEqual([down.ok, down.permanent, down.status], [false, false, 0]);
  });

  test('a missing or non-HTTP gateway URL is a usage error naming the setting, never echoing the value', () => {
    const line = (env: NodeJS.ProcessEnv) => {
      try {
        smsConfigFromEnv(env);
      } catch (err) {
        assert.ok(err instanceof WardenError && err.code === 'bad_usage');
        return err.toLine();
      }
      return 'no error';
    };
    assert.match(line({}), /^WARDEN_SMS_URL: not set/);
    assert.match(line({ WARDEN_SMS_URL: '  ' }), /^WARDEN_SMS_URL: not set/);
    const bad = line({ WARDEN_SMS_URL: 'ftp://user:secret-token@x' });
    assert.match(bad, /^WARDEN_SMS_URL: must be an http\(s\) URL/);
    assert.ok(!bad.includes('secret-token'));
  });
});
