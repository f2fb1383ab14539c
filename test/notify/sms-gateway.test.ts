// The SMS adapter posts to an HTTP gateway (a local server here) with the credentials from
// config and the idempotency key; a 4xx is permanent, a 5xx or an unreachable gateway temporary.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildNoticeContext } from '../../src/notify/notice-context.ts';
import { loadOrgProfile } from '../../src/notify/org-profile.ts';
import { HttpSmsGateway, smsConfigFromEnv } from '../../src/notify/sms-gateway.ts';
import { TemplateRenderer } from '../../src/notify/template-renderer.ts';

interface Posted {
  headers: IncomingMessage['headers'];
  body: { to: string; text: string; reference: string };
}

describe('HTTP SMS gateway', () => {
  const posted: Posted[] = [];
  let url = '';
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => {
      raw += c.toString();
    });
    req.on('end', () => {
      const body = JSON.parse(raw) as Posted['body'];
      posted.push({ headers: req.headers, body });
      if (body.to === '+810000000000') res.writeHead(400).end('{"error":"invalid number"}');
      else if (body.to === '+819999999999') res.writeHead(503).end('busy');
      else res.writeHead(202, { 'content-type': 'application/json' }).end('{"id":"sms-1"}');
    });
  });
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/messages`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  test('a notice SMS is posted with credentials, the key, and the rendered Japanese text', async () => {
    const gw = new HttpSmsGateway(smsConfigFromEnv({ WARDEN_SMS_URL: url, WARDEN_SMS_USER: 'warden', WARDEN_SMS_TOKEN: 's3cret' }));
    const ctx = buildNoticeContext({
      locale: 'ja',
      org: loadOrgProfile({}),
      customerName: '山田 太郎',
      fields: ['name', 'phone'],
      facts: { incidentId: 'i', title: 't', awareAt: '2026-11-05T10:00:00+09:00', firstAccess: '2026-11-02T02:00:00+09:00', lastAccess: null, vendorName: null },
      fakeDomains: [],
      reference: 'k1',
    });
    const text = new TemplateRenderer().render('sms', ctx).trim();
    const r = await gw.send({ to: '+819012345678', text, key: 'key-123' });
    assert.deepEqual({ ok: r.ok, status: r.status, response: r.response }, { ok: true, status: 202, response: '{"id":"sms-1"}' });
    const p = posted.at(-1);
    assert.ok(p);
    assert.equal(p.body.to, '+819012345678');
    assert.equal(p.body.text, text);
    assert.match(p.body.text, /氏名・電話番号/);
    assert.equal(p.headers['idempotency-key'], 'key-123');
    assert.equal(p.headers.authorization, `Basic ${Buffer.from('warden:s3cret').toString('base64')}`);
  });

  test('a 4xx is permanent, a 5xx and an unreachable gateway are temporary', async () => {
    const gw = new HttpSmsGateway({ url, token: 'tok' });
    const bad = await gw.send({ to: '+810000000000', text: 'x', key: 'a' });
    assert.deepEqual([bad.ok, bad.permanent, bad.status], [false, true, 400]);
    assert.equal(posted.at(-1)?.headers.authorization, 'Bearer tok');
    const busy = await gw.send({ to: '+819999999999', text: 'x', key: 'b' });
    assert.deepEqual([busy.ok, busy.permanent, busy.status], [false, false, 503]);
    const down = await new HttpSmsGateway({ url: 'http://127.0.0.1:9/none', timeoutMs: 2000 }).send({ to: '+81', text: 'x', key: 'c' });
    assert.deepEqual([down.ok, down.permanent, down.status], [false, false, 0]);
  });

  test('a missing or non-HTTP gateway URL is a configuration error naming the setting', () => {
    assert.throws(() => smsConfigFromEnv({}), /WARDEN_SMS_URL/);
    assert.throws(() => smsConfigFromEnv({ WARDEN_SMS_URL: 'ftp://x' }), /WARDEN_SMS_URL/);
  });
});
