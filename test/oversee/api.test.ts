// Oversight over HTTP through the real app: an analyst starts an assessment, the link opens the
// portal once (cookie scoped to /portal), drafts need the portal CSRF header, a session cannot
// reach another assessment, vendor users see only their own vendor, and the analyst page shows
// the score and findings.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { importInventory } from '../../src/inventory/inventory-store.ts';
import { createApiToken } from '../../src/server/auth/session-store.ts';
import { createUser } from '../../src/server/auth/user-store.ts';
import { freshStore, type TestStore } from '../support/dialects.ts';
import { login, startApp } from '../server/harness.ts';
import { testKeyring } from '../server/world.ts';
import { twoVendorInventory } from './fixtures.ts';

describe('oversight API and portal', () => {
  let t: TestStore;
  let app: FastifyInstance;
  let analyst: { cookie: string; csrf: string };
  let vendorToken: string;
  const as = () => ({ cookie: analyst.cookie, 'x-csrf-token': analyst.csrf });

  before(async () => {
    t = await freshStore('sqlite');
    await importInventory(t.store, twoVendorInventory());
    app = await startApp(t.store, testKeyring());
    await createUser(t.store, { username: 'ana', password: 'correct horse battery', role: 'analyst' });
    const vu = await createUser(t.store, { username: 'mailvendor', password: 'correct horse battery', role: 'vendor', vendorId: 'mail-vendor' });
    vendorToken = (await createApiToken(t.store, vu.id, 'test')).token;
    const s = await login(app, 'ana', 'correct horse battery');
    analyst = { cookie: s.cookie, csrf: s.csrf };
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  async function start(vendor: string): Promise<{ id: string; portal_url: string }> {
    const res = await app.inject({ method: 'POST', url: '/api/oversee/assessments', headers: as(), payload: { vendor_id: vendor, questionnaires: ['nist-sp800-53-sr'] } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { id: string; portal_url: string };
  }

  test('the link opens the portal once; drafts need CSRF; a session cannot reach another assessment', async () => {
    const mine = await start('crm-vendor');
    const theirs = await start('mail-vendor');
    const open = await app.inject({ url: mine.portal_url });
    assert.equal(open.statusCode, 303);
    assert.equal(open.headers.location, `/portal/a/${mine.id}`);
    const setCookie = String(open.headers['set-cookie']);
    assert.match(setCookie, /warden_portal=[\w-]+;.*Path=\/portal.*HttpOnly.*SameSite=Strict/i);
    const cookie = setCookie.split(';')[0]!;
    const again = await app.inject({ url: mine.portal_url });
    assert.equal(again.statusCode, 404);
    assert.match(again.body, /invalid, expired or already used/);

    const page = await app.inject({ url: `/portal/a/${mine.id}`, headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(page.body, /own named account/);
    assert.doesNotMatch(page.body, /<script>/); // no inline script: the CSP forbids it
    const csrf = /data-csrf="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(csrf);

    const answers = { 'ac-2-named-accounts': 'no', 'ia-2-mfa': 'no' };
    assert.equal((await app.inject({ method: 'PUT', url: `/portal/a/${mine.id}/answers`, headers: { cookie }, payload: { answers } })).statusCode, 403);
    const saved = await app.inject({ method: 'PUT', url: `/portal/a/${mine.id}/answers`, headers: { cookie, 'x-portal-csrf': csrf }, payload: { answers } });
    assert.equal(saved.statusCode, 200, saved.body);
    const cross = await app.inject({ method: 'PUT', url: `/portal/a/${theirs.id}/answers`, headers: { cookie, 'x-portal-csrf': csrf }, payload: { answers } });
    assert.equal(cross.statusCode, 404);
    assert.equal((await app.inject({ url: `/portal/a/${theirs.id}`, headers: { cookie } })).statusCode, 404);
    const bad = await app.inject({ method: 'PUT', url: `/portal/a/${mine.id}/answers`, headers: { cookie, 'x-portal-csrf': csrf }, payload: { answers: { 'ia-2-mfa': 'perhaps' } } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /answers\.ia-2-mfa/);

    const pdf = Buffer.from('%PDF-1.4\nplan\n');
    const up = await app.inject({ method: 'POST', url: `/portal/a/${mine.id}/evidence`, headers: { cookie, 'x-portal-csrf': csrf }, payload: { question_id: 'sr-2-plan-file', filename: 'plan.pdf', data: pdf.toString('base64') } });
    assert.equal(up.statusCode, 200, up.body);
    const tooBig = await app.inject({ method: 'POST', url: `/portal/a/${mine.id}/evidence`, headers: { cookie, 'x-portal-csrf': csrf }, payload: { question_id: 'sr-2-plan-file', filename: 'big.txt', data: Buffer.alloc(720 * 1024, 0x61).toString('base64') } });
    assert.equal(tooBig.statusCode, 400, tooBig.body);
    const files = (await app.inject({ url: `/api/oversee/assessments/${mine.id}/evidence`, headers: as() })).json() as Array<{ id: string; sha256: string }>;
    assert.equal(files.length, 1);
    const dl = await app.inject({ url: `/api/oversee/evidence/${files[0]!.id}`, headers: as() });
    assert.equal(dl.statusCode, 200);
    assert.deepEqual(dl.rawPayload, pdf);
    assert.match(String(dl.headers['content-disposition']), /^attachment; filename="plan.pdf"/);

    const sub = await app.inject({ method: 'POST', url: `/portal/a/${mine.id}/submit`, headers: { cookie, 'x-portal-csrf': csrf }, payload: {} });
    assert.equal(sub.statusCode, 200, sub.body);
    assert.equal((await app.inject({ url: `/portal/a/${mine.id}`, headers: { cookie } })).statusCode, 404);

    const scored = await app.inject({ method: 'POST', url: `/api/oversee/assessments/${mine.id}/score`, headers: as() });
    assert.equal(scored.statusCode, 200, scored.body);
    const report = await app.inject({ url: `/oversee/assessments/${mine.id}`, headers: { cookie: analyst.cookie } });
    assert.equal(report.statusCode, 200);
    assert.match(report.body, /Score: <strong>\d+(\.\d)?%<\/strong>/);
    assert.match(report.body, /Vendor staff use shared accounts/);
    assert.match(report.body, /No multi-factor authentication for vendor staff/);
  });

  test('a vendor user sees only its own vendor; analyst-only routes refuse it', async () => {
    const crm = await start('crm-vendor');
    const mail = await start('mail-vendor');
    const auth = { authorization: `Bearer ${vendorToken}` };
    const list = (await app.inject({ url: '/api/oversee/assessments', headers: auth })).json() as Array<{ vendor_id: string }>;
    assert.ok(list.length > 0);
    assert.ok(list.every((a) => a.vendor_id === 'mail-vendor'));
    const spoof = (await app.inject({ url: '/api/oversee/assessments?vendor_id=crm-vendor', headers: auth })).json() as Array<{ vendor_id: string }>;
    assert.ok(spoof.every((a) => a.vendor_id === 'mail-vendor'));
    assert.equal((await app.inject({ url: `/api/oversee/assessments/${crm.id}`, headers: auth })).statusCode, 404);
    assert.equal((await app.inject({ method: 'PUT', url: `/api/oversee/assessments/${crm.id}/answers`, headers: auth, payload: { answers: { 'ia-2-mfa': 'yes' } } })).statusCode, 404);
    assert.equal((await app.inject({ url: `/api/oversee/assessments/${mail.id}`, headers: auth })).statusCode, 200);
    const own = await app.inject({ method: 'PUT', url: `/api/oversee/assessments/${mail.id}/answers`, headers: auth, payload: { answers: { 'ia-2-mfa': 'yes' } } });
    assert.equal(own.statusCode, 200, own.body);
    assert.equal((await app.inject({ url: '/api/oversee/vendors/crm-vendor/risk', headers: auth })).statusCode, 403);
    assert.equal((await app.inject({ url: '/api/oversee/findings', headers: auth })).statusCode, 403);
  });

  test('analysts override tiers with a reason, read risk, and see upcoming reviews', async () => {
    const bad = await app.inject({ method: 'PUT', url: '/api/oversee/vendors/mail-vendor/tier', headers: as(), payload: { tier: 'critical', reason: '' } });
    assert.equal(bad.statusCode, 400);
    const ok = await app.inject({ method: 'PUT', url: '/api/oversee/vendors/mail-vendor/tier', headers: as(), payload: { tier: 'critical', reason: 'mails every customer' } });
    assert.equal((ok.json() as { tier: string }).tier, 'critical');
    const risk = (await app.inject({ url: '/api/oversee/vendors/crm-vendor/risk', headers: as() })).json() as { residual: { lines: string[] } };
    assert.ok(risk.residual.lines.length >= 3);
    const reviews = (await app.inject({ url: '/api/oversee/reviews', headers: as() })).json() as Array<{ vendor_id: string; tier: string }>;
    assert.deepEqual(reviews.map((r) => r.vendor_id).sort(), ['crm-vendor', 'mail-vendor']);
    const rec = await app.inject({ method: 'POST', url: '/api/oversee/vendors/mail-vendor/reviews', headers: as(), payload: { decision: 'remediate', approver: 'CISO' } });
    assert.equal(rec.statusCode, 200, rec.body);
    const next = (await app.inject({ url: '/api/oversee/reviews', headers: as() })).json() as Array<{ vendor_id: string; due_at: string }>;
    const mail = next.find((r) => r.vendor_id === 'mail-vendor');
    assert.ok(mail && Date.parse(mail.due_at) > Date.now() + 170 * 86_400_000); // critical: every 182 days
  });
});
