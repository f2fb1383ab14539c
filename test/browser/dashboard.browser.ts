// The dashboard in Debian's Chromium on a small demo store: log in, open the demo incident,
// see its affected count and the Japanese (APPI) obligations, switch language, download the
// affected list and a regulator report draft, check that XSS payloads in a vendor name and an alert
// title render as text, and save screenshots under docs/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { upsertAlerts } from '../../src/detect/alert-store.ts';
import { listAffected } from '../../src/incidents/export-affected.ts';
import { importInventory } from '../../src/inventory/inventory-store.ts';
import { runDemo } from '../../src/scenario/run-demo.ts';
import { serveDashboard, type Serving } from '../../src/server/serve-dashboard.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { testKeyring } from '../server/world.ts';
import { launchChromium } from './chromium.ts';

const XSS = '<img src=x onerror="window.__xss=1">';
const SHOTS = 'docs/screenshots';
const PASSWORD = 'browser-test-password';

describe('dashboard in Chromium', () => {
  let dir: string;
  let store: Store;
  let serving: Serving;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;
  let incident: { id: string; total: number };
  const shot = async (name: string) => {
    // The bundled Japanese font loads on demand; wait for it so no glyph shows as a box.
    await page.evaluate(`document.fonts.load('16px "Warden JP"', '日本語').then(() => document.fonts.ready)`);
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-browser-'));
    store = await openStore(`sqlite:${join(dir, 'warden.db')}`);
    const keyring = testKeyring();
    const summary = await runDemo(store, keyring, {
      out: join(dir, 'demo'),
      // The demo's own size where it counts: 180,000 customers, 21,000 taken (fewer log events,
      // to keep the browser suite quick).
      customers: 180_000,
      affected: 21_000,
      events: 60_000,
      seed: 42,
      actor: 'test',
      log: () => {},
      progress: () => {},
    });
    incident = { id: summary.incident.id, total: summary.incident.affected.total };
    assert.equal(incident.total, 21_000);
    serving = await serveDashboard(store, { port: 0, host: '127.0.0.1', keyring, adminPassword: PASSWORD, logLevel: 'warn' });
    browser = await launchChromium();
    page = await browser.context.newPage();
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await serving?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the first run created admin with the configured password', () => {
    assert.deepEqual(serving.adminLogin, { username: 'admin', password: PASSWORD, generated: false });
  });

  test('log in through the form (keyboard first: the skip link is the first stop)', async () => {
    await page.goto(serving.url);
    await page.getByLabel('Username').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Skip to content');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('heading', { name: 'Deadlines (soonest first)' }).waitFor();
    await shot('overview');
  });

  test('the demo incident shows its affected count and the Japanese obligations', async () => {
    await page.getByRole('link', { name: /Dealer CRM/ }).first().click();
    const total = page.getByTestId('affected-total');
    await total.waitFor();
    assert.equal(await total.textContent(), '21,000');
    const obligations = page.getByTestId('obligations');
    await obligations.getByText('APPI').first().waitFor();
    const text = (await obligations.textContent()) ?? '';
    assert.match(text, /Personal Information Protection Commission/);
    assert.match(text, /JP/);
    await page.locator('figure.chart svg rect').first().waitFor();
    await shot('incident-en');
  });

  test('switching to Japanese relabels the workspace', async () => {
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('heading', { name: '報告・通知義務' }).waitFor();
    assert.equal(await page.evaluate('document.documentElement.lang'), 'ja');
    assert.equal(await page.getByTestId('affected-total').textContent(), incident.total.toLocaleString('ja-JP'));
    assert.match((await page.getByTestId('obligations').textContent()) ?? '', /監督当局/);
    await shot('incident-ja');
    await page.getByRole('button', { name: '言語' }).click();
    await page.getByRole('heading', { name: 'Obligations' }).waitFor();
  });

  test('the affected list and the JP regulator report draft download', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-affected').click()]);
    const file = join(dir, 'affected.csv');
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(lines[0], 'customer_id,basis,fields,jurisdiction,entity');
    assert.equal(lines.length, incident.total + 1);
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Regulator report draft: JP/ }).click()]);
    const reportFile = join(dir, 'report.md');
    await report.saveAs(reportFile);
    assert.match(report.suggestedFilename(), /^report-.*-JP\.md$/);
    assert.match(readFileSync(reportFile, 'utf8'), new RegExp(incident.total.toLocaleString('en-GB').replace(',', ',?')));
  });

  test('the call-centre lookup finds an affected caller, and the audit log shows the PII view', async () => {
    const [row] = await listAffected(store, incident.id, { limit: 1 });
    assert.ok(row);
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByLabel('Look up by').selectOption('id');
    await page.getByLabel('Look up a caller').fill(row.customer_id);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(/^Affected by: Dealer CRM/).waitFor();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('status').filter({ hasText: 'Chain intact' }).waitFor();
    await page.getByRole('cell', { name: 'customers.view_pii' }).first().waitFor();
    await shot('audit');
  });

  test('the alerts list', async () => {
    await page.getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('heading', { name: 'Alerts' }).waitFor();
    await page.getByRole('link', { name: /Dormant account reused/ }).waitFor();
    await shot('alerts');
  });

  test('an XSS payload in a vendor name renders as text at /vendors', async () => {
    await importInventory(store, {
      entities: [],
      vendors: [{ id: 'xss-vendor', name: `${XSS} Evil Vendor`, contract: { breach_notice_sla_hours: 48, dpa_signed: false, data_location: 'US', sub_processors: [], audit_rights: false }, contacts: [], systems: [] }],
    } as unknown as Parameters<typeof importInventory>[1]);
    await page.goto(new URL('/vendors', serving.url).toString());
    await page.getByRole('heading', { name: /Evil Vendor/ }).waitFor();
    assert.equal(await page.getByRole('heading', { name: /Evil Vendor/ }).textContent(), `${XSS} Evil Vendor`);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await page.evaluate('window.__xss'), undefined);
    await shot('vendors');
  });

  test('an XSS payload in an alert title and group renders as text', async () => {
    const now = new Date().toISOString();
    await upsertAlerts(store, [
      { id: 'alert-xss', rule: 'xss-probe', title: `Probe ${XSS}`, level: 'high', correlation: null, group: { 'actor.user': XSS }, groupKey: JSON.stringify({ 'actor.user': XSS }), first: now, last: now, firstMs: Date.now(), lastMs: Date.now(), count: 1, evidence: [] },
    ]);
    await page.getByRole('link', { name: 'Alerts' }).click();
    const link = page.getByRole('link', { name: `Probe ${XSS}` });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { name: `Probe ${XSS}` }).waitFor();
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await page.evaluate('window.__xss'), undefined);
  });

  test('the workspace is usable at tablet width', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(new URL(`/incidents/${incident.id}`, serving.url).toString());
    await page.getByTestId('affected-total').waitFor();
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 820px`);
    await shot('incident-tablet');
  });
});
