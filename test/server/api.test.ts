// The HTTP API's contract (CONTRACTS.md "HTTP API") on every real database: health, login,
// incidents, alerts, vendors, the workspace's timeline and downloads, the call-centre lookup.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listAudit } from '../../src/audit/audit-log.ts';
import { listAlerts } from '../../src/detect/alert-store.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';
import { type Caller, login, PASSWORD, startApp, usersForRoles } from './harness.ts';
import { buildWorld, type World } from './world.ts';

for (const dialect of await activeDialects()) {
  describe(`HTTP API on ${dialect}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    let world: World;
    let users: Map<string, Caller>;
    const as = (role: string) => ({ authorization: `Bearer ${users.get(role)!.token}` });

    before(async () => {
      t = await freshStore(dialect);
      world = await buildWorld(t.store);
      app = await startApp(t.store, world.keyring);
      users = await usersForRoles(app, t.store);
    });
    after(async () => {
      await app.close();
      await t.drop();
    });

    test('GET /api/health answers {"status":"ok"} without auth', async () => {
      const res = await app.inject({ url: '/api/health' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok' });
    });

    test('login sets an HTTP-only SameSite session cookie; bad credentials get one answer whether the user exists or not', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'analyst-user', password: PASSWORD } });
      assert.equal(res.statusCode, 200);
      const cookie = String(res.headers['set-cookie']);
      assert.match(cookie, /warden_session=/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      const unknown = await login(app, 'nobody-here', 'whatever-password');
      const wrong = await login(app, 'auditor-user', 'not-the-password');
      assert.equal(unknown.status, 401);
      assert.equal(wrong.status, 401);
      assert.deepEqual(JSON.parse(unknown.body), JSON.parse(wrong.body));
    });

    test('GET /api/incidents lists id, title, aware_at and affected counts', async () => {
      const res = await app.inject({ url: '/api/incidents', headers: as('analyst') });
      assert.equal(res.statusCode, 200);
      const list = res.json() as Array<Record<string, unknown>>;
      assert.equal(list.length, 1);
      assert.deepEqual(Object.keys(list[0]!).sort(), ['affected', 'aware_at', 'id', 'title']);
      assert.deepEqual(list[0]!.affected, { confirmed: 12, inferred: 0, total: 12 });
    });

    test('GET /api/incidents/{id} has scope, obligations as `warden obligations` rows, and notice counts', async () => {
      const res = await app.inject({ url: `/api/incidents/${world.incidentId}`, headers: as('privacy') });
      assert.equal(res.statusCode, 200);
      const inc = res.json() as { affected: unknown; fields: string[]; by_jurisdiction: unknown; obligations: Array<Record<string, unknown>>; notices: Record<string, number> };
      assert.deepEqual(inc.by_jurisdiction, { JP: 10, 'US-CA': 2 });
      assert.ok(inc.fields.includes('email'));
      const appi = inc.obligations.find((o) => o.jurisdiction === 'JP' && o.law === 'APPI');
      assert.ok(appi, 'a JP APPI obligation');
      assert.deepEqual(Object.keys(appi).sort(), ['basis', 'deadline', 'due', 'jurisdiction', 'law', 'notify', 'reason', 'recipient', 'required']);
      assert.ok(inc.obligations.some((o) => o.jurisdiction === 'US-CA'));
      for (const k of ['queued', 'sent', 'failed', 'bounced']) assert.equal(typeof inc.notices[k], 'number');
      const missing = await app.inject({ url: '/api/incidents/inc-nope', headers: as('privacy') });
      assert.equal(missing.statusCode, 404);
      assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
    });

    test('the timeline buckets the attacker\'s records per 10 minutes by actor', async () => {
      const res = await app.inject({ url: `/api/incidents/${world.incidentId}/timeline`, headers: as('auditor') });
      const { buckets } = res.json() as { buckets: Array<{ start: string; actor: string; records: number }> };
      assert.equal(buckets.reduce((n, b) => n + b.records, 0), 12);
      for (const b of buckets) assert.equal(Date.parse(b.start) % 600_000, 0);
      assert.equal(buckets.length, 3);
    });

    test('GET /api/alerts answers as `warden alerts --json`', async () => {
      const res = await app.inject({ url: '/api/alerts', headers: as('auditor') });
      assert.deepEqual(res.json(), JSON.parse(JSON.stringify(await listAlerts(t.store))));
      const one = await app.inject({ url: `/api/alerts/${world.alertId}`, headers: as('auditor') });
      assert.equal((one.json() as { evidence_events: unknown[] }).evidence_events.length, 3);
    });

    test('GET /api/vendors lists id, name, systems and contract', async () => {
      const res = await app.inject({ url: '/api/vendors', headers: as('analyst') });
      const list = res.json() as Array<{ id: string; systems: unknown[]; contract: Record<string, unknown> }>;
      assert.deepEqual(list.map((v) => v.id), ['crm-vendor', 'other-vendor']);
      assert.equal(list[0]!.contract.breach_notice_sla_hours, 24);
      assert.equal(list[0]!.systems.length, 1);
    });

    test('the affected list downloads as CSV without contact details, and the export is audited', async () => {
      const res = await app.inject({ url: `/api/incidents/${world.incidentId}/affected.csv`, headers: as('privacy') });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-disposition']), /attachment/);
      const lines = res.body.trim().split('\n');
      assert.equal(lines[0], 'customer_id,basis,fields,jurisdiction,entity');
      assert.equal(lines.length, 13);
      assert.doesNotMatch(res.body, /@example\.com/);
      assert.ok((await listAudit(t.store, 20)).some((e) => e.action === 'affected.export' && e.actor === 'user:privacy-user'));
    });

    test('a regulator report draft downloads for a jurisdiction, as `warden report`', async () => {
      const res = await app.inject({ url: `/api/incidents/${world.incidentId}/reports/JP`, headers: as('analyst') });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/markdown/);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="report-.*-JP-preliminary\.md"/);
      assert.ok(res.body.length > 100);
      const json = await app.inject({ url: `/api/incidents/${world.incidentId}/reports/JP?format=json&kind=final`, headers: as('analyst') });
      assert.equal(json.statusCode, 200);
      assert.equal((json.json() as { form: string }).form, 'JP-PPC');
      const bad = await app.inject({ url: `/api/incidents/${world.incidentId}/reports/japan`, headers: as('analyst') });
      assert.equal(bad.statusCode, 400);
    });

    test('customer lookup shows contact details to privacy, not to analysts; both lookups and the PII view are audited', async () => {
      type Answer = { matched_customers: number; affected: boolean; customers: Array<{ id: string; pii: { email: string } | null; hits: Array<{ incident_id: string; fields: string[] }> }> };
      const priv = await app.inject({ method: 'POST', url: '/api/customers/lookup', headers: as('privacy'), payload: { email: world.customerEmail } });
      const p = (priv.json() as Answer).customers[0];
      assert.equal(p?.pii?.email, world.customerEmail);
      assert.deepEqual(p?.hits.map((h) => h.incident_id), [world.incidentId]);
      const ana = await app.inject({ method: 'POST', url: '/api/customers/lookup', headers: as('analyst'), payload: { email: world.customerEmail } });
      const a = ana.json() as Answer;
      assert.equal(a.affected, true);
      assert.equal(a.customers[0]?.id, p?.id);
      assert.equal(a.customers[0]?.pii, null);
      const outside = await app.inject({ method: 'POST', url: '/api/customers/lookup', headers: as('analyst'), payload: { id: 'C00020' } });
      assert.deepEqual({ ...(outside.json() as Answer), customers: [] }, { matched_customers: 1, affected: false, customers: [] });
      const audit = await listAudit(t.store, 20);
      assert.ok(audit.some((e) => e.action === 'customers.view_pii' && e.actor === 'user:privacy-user'));
      assert.equal(audit.filter((e) => e.action === 'customers.view_pii' && e.actor === 'user:analyst-user').length, 0);
      assert.ok(audit.some((e) => e.action === 'notify.lookup' && e.actor === 'user:analyst-user'));
      for (const e of audit) assert.ok(!`${e.target}${e.details}`.includes('@example.com'), 'no PII value in the audit trail');
    });

    test('notices are drafted through notify (idempotent) and counted by channel', async () => {
      const url = `/api/incidents/${world.incidentId}/notices`;
      const first = await app.inject({ method: 'POST', url: `${url}/draft`, headers: as('privacy') });
      assert.equal(first.statusCode, 200, first.body);
      const again = await app.inject({ method: 'POST', url: `${url}/draft`, headers: as('privacy') });
      assert.equal(again.statusCode, 200);
      const counts = (await app.inject({ url, headers: as('auditor') })).json() as { queued: number };
      assert.equal(counts.queued, 12, 'one notice per affected customer, drafted once');
      const detail = (await app.inject({ url: `/api/incidents/${world.incidentId}`, headers: as('auditor') })).json() as { notices: { queued: number } };
      assert.equal(detail.notices.queued, 12);
    });

    test('an incident opens from an alert, its indicators prefilled, and the change is audited', async () => {
      const res = await app.inject({ method: 'POST', url: `/api/alerts/${world.alertId}/incident`, headers: as('analyst'), payload: { title: 'From alert' } });
      assert.equal(res.statusCode, 200);
      const body = res.json() as { id: string; indicators: { actors: string[] } };
      assert.deepEqual(body.indicators.actors, ['support-07@crm-vendor.example']);
      assert.ok((await listAudit(t.store, 5)).some((e) => e.action === 'alert.open_incident' && e.target === world.alertId));
    });

    test('the OpenAPI document lists every route with the roles that may call it', async () => {
      const res = await app.inject({ url: '/api/openapi.json', headers: as('auditor') });
      const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { 'x-roles': unknown }>> };
      assert.match(doc.openapi, /^3\./);
      for (const p of ['/api/health', '/api/login', '/api/incidents', '/api/incidents/{id}', '/api/alerts', '/api/vendors']) assert.ok(doc.paths[p], p);
      assert.equal(doc.paths['/api/health']?.get?.['x-roles'], 'public');
      assert.ok((doc.paths['/api/login']?.post as { requestBody?: unknown } | undefined)?.requestBody);
    });

    test('/metrics exposes request latency by route pattern', async () => {
      const res = await app.inject({ url: '/metrics' });
      assert.match(res.body, /warden_http_request_duration_seconds_bucket\{[^}]*route="\/api\/incidents\/:id"/);
      // Earlier tests in this file read incidents through the view cache.
      const lookups = (result: string) => Number(new RegExp(`^warden_view_cache_lookups_total\\{result="${result}"\\} (\\d+)$`, 'm').exec(res.body)?.[1] ?? -1);
      assert.ok(lookups('miss') >= 1, 'view cache misses are counted');
      assert.ok(lookups('hit') >= 0, 'view cache hits are reported');
    });
  });
}
