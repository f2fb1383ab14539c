// The vendor portal in Debian's Chromium: a vendor contact opens the emailed link, answers
// (follow-up questions appear as they answer), uploads an evidence file (and is refused an
// executable), submits; then an analyst logs in and sees the score and the findings, on the
// assessment report and on the dashboard's vendor oversight page.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext } from 'playwright-core';
import { importInventory } from '../../src/inventory/inventory-store.ts';
import { listEvidence } from '../../src/oversee/evidence-store.ts';
import { startAssessment } from '../../src/oversee/start-assessment.ts';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/auth/user-store.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { twoVendorInventory } from '../oversee/fixtures.ts';
import { testKeyring } from '../server/world.ts';
import { launchChromium } from './chromium.ts';

const PASSWORD = 'portal-browser-password';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% supply chain plan\n'), Buffer.alloc(200, 0x20)]);

describe('vendor portal in Chromium', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let assessmentId: string;
  let link: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-portal-'));
    store = await openStore(`sqlite:${join(dir, 'warden.db')}`);
    const inv = twoVendorInventory();
    inv.vendors[0]!.name = 'CRM <img src=x onerror="window.__xss=1"> K.K.';
    await importInventory(store, inv);
    await createUser(store, { username: 'analyst1', password: PASSWORD, role: 'analyst' });
    const started = await startAssessment(store, 'crm-vendor', { questionnaires: ['nist-sp800-53-sr'] }, 'test');
    assessmentId = started.assessment.id;
    app = await buildApp({ store, keyring: testKeyring(), loginRateLimit: 100 }, { logLevel: 'silent' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    link = `${base}/portal/open/${started.token}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a vendor contact opens the link, answers, uploads a file and submits', async () => {
    const page = await browser.context.newPage();
    await page.goto(link);
    assert.equal(new URL(page.url()).pathname, `/portal/a/${assessmentId}`);
    assert.match((await page.locator('h1').textContent()) ?? '', /<img src=x/);
    assert.equal(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss), undefined);

    const detail = page.locator('#q-ac-2-shared-detail');
    assert.equal(await detail.isVisible(), false);
    await page.check('#ac-2-named-accounts--no');
    await detail.waitFor({ state: 'visible' });
    await page.fill('textarea[name="ac-2-shared-detail"]', 'Eight support-NN logins shared across shifts.');
    await page.check('#ia-2-mfa--no');
    assert.equal(await page.locator('#q-ia-2-factor').isVisible(), false);
    await page.check('#sc-7-export-limits--no');
    await page.check('#sr-8-notice--within-72h');
    await page.check('#sr-2-plan--yes');
    await page.locator('#q-sr-2-plan-file').waitFor({ state: 'visible' });

    await page.setInputFiles('input[name="sr-2-plan-file"]', { name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00') });
    await page.click('button[data-upload="sr-2-plan-file"]');
    await page.locator('#status', { hasText: 'Upload refused' }).waitFor();
    await page.setInputFiles('input[name="sr-2-plan-file"]', { name: 'scrm-plan.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.click('button[data-upload="sr-2-plan-file"]');
    await page.locator('#status', { hasText: 'Uploaded scrm-plan.pdf' }).waitFor();
    assert.match((await page.locator('#q-sr-2-plan-file ul.files').textContent()) ?? '', /scrm-plan\.pdf/);

    await page.click('#save');
    await page.locator('#status', { hasText: 'Draft saved' }).waitFor();
    await page.click('#submit');
    await page.locator('#status', { hasText: 'Thank you' }).waitFor();
    mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/oversee-portal.png', fullPage: false });

    const evidence = await listEvidence(store, assessmentId);
    assert.deepEqual(evidence.map((e) => e.filename), ['scrm-plan.pdf']);
    const again = await page.goto(link);
    assert.equal(again?.status(), 404);
    await page.close();
  });

  test('the analyst logs in and sees the score and the findings', async () => {
    const page = await browser.context.newPage();
    const res = await page.request.post(`${base}/api/login`, { data: { username: 'analyst1', password: PASSWORD } });
    assert.equal(res.status(), 200);
    const { csrf } = (await res.json()) as { csrf: string };
    const scored = await page.request.post(`${base}/api/oversee/assessments/${assessmentId}/score`, { headers: { 'x-csrf-token': csrf }, data: {} });
    assert.equal(scored.status(), 200, await scored.text());
    const score = ((await scored.json()) as { score: { score: number } }).score.score;
    await page.goto(`${base}/oversee/assessments/${assessmentId}`);
    assert.equal((await page.locator('#score strong').textContent()) ?? '', `${score}%`);
    const findings = (await page.locator('#findings').textContent()) ?? '';
    for (const f of ['Vendor staff use shared accounts', 'No multi-factor authentication for vendor staff', 'No limits on bulk export of customer data']) assert.ok(findings.includes(f), `${f} in ${findings}`);
    assert.ok(!findings.includes('No supply-chain risk management plan'));
    await page.screenshot({ path: 'docs/screenshots/oversee-analyst.png', fullPage: true });

    // The dashboard's vendor oversight page shows the residual risk and the same open findings.
    await page.goto(`${base}/vendors/crm-vendor`);
    const board = page.locator('[data-testid="findings"]');
    await board.waitFor();
    assert.match((await board.textContent()) ?? '', /Vendor staff use shared accounts/);
    assert.match((await page.locator('[data-testid="residual"]').textContent()) ?? '', /^\d+(\.\d)?$/);
    assert.equal(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss), undefined);
    await page.screenshot({ path: 'docs/screenshots/oversee-dashboard.png', fullPage: true });
    await page.close();
  });
});
