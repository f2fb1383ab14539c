// The API's security properties: every route in the OpenAPI document walked with every role
// (and anonymously) against its declared role matrix; vendor users confined; injection strings
// in every search parameter return no extra data; CSRF; lockout; secrets stored hashed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { authDb } from '../../src/server/auth/auth-db.ts';
import { ROLES } from '../../src/server/auth/roles.ts';
import { MAX_FAILURES, resetPassword } from '../../src/server/auth/user-store.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';
import { type Caller, login, PASSWORD, startApp, usersForRoles } from './harness.ts';
import { buildWorld, type World } from './world.ts';

type Op = { 'x-roles': 'public' | string[]; parameters: Array<{ name: string; in: string; schema: { type?: string; enum?: unknown } }> };
type Doc = { paths: Record<string, Record<string, Op>> };

const INJECTIONS = ["' OR '1'='1", "x' UNION SELECT id, pii FROM customers --", '%', "'; DROP TABLE customers; --", '" OR ""="', '*)(uid=*'];

for (const dialect of await activeDialects()) {
  describe(`API security on ${dialect}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    let world: World;
    let users: Map<string, Caller>;
    let doc: Doc;
    const bearer = (role: string) => ({ authorization: `Bearer ${users.get(role)!.token}` });

    before(async () => {
      t = await freshStore(dialect);
      world = await buildWorld(t.store);
      app = await startApp(t.store, world.keyring, { loginRateLimit: 1000 });
      users = await usersForRoles(app, t.store);
      doc = (await app.inject({ url: '/api/openapi.json', headers: bearer('admin') })).json() as Doc;
    });
    after(async () => {
      await app.close();
      await t.drop();
    });

    function urlOf(path: string): string {
      return path.replace('{id}', encodeURIComponent(world.incidentId)).replace('{jurisdiction}', 'JP').replace(/\{\w+\}/g, 'x');
    }

    test('every route answers anonymous 401, a role outside its matrix 403, and a role inside it neither', async () => {
      let checked = 0;
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          if (path === '/api/login') continue; // public; its answers are tested with credentials
          const url = urlOf(path);
          const request = (headers: Record<string, string>) =>
            app.inject({ method: method.toUpperCase() as 'GET', url, headers, ...(method === 'get' ? {} : { payload: {} }) });
          const anon = await request({});
          if (op['x-roles'] === 'public') assert.notEqual(anon.statusCode, 401, `${method} ${path} is public`);
          else assert.equal(anon.statusCode, 401, `anonymous ${method} ${path}`);
          for (const role of ROLES) {
            const res = await request(bearer(role));
            const allowed = op['x-roles'] === 'public' || op['x-roles'].includes(role);
            if (allowed) assert.ok(![401, 403].includes(res.statusCode), `${role} ${method} ${path}: ${res.statusCode} ${res.body}`);
            else assert.equal(res.statusCode, 403, `${role} ${method} ${path}`);
            checked++;
          }
        }
      }
      assert.ok(checked > 100, `walked ${checked} route×role pairs`);
    });

    test('the matrix keeps auditors read-only and vendor users out of everything but their own session', async () => {
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          if (op['x-roles'] === 'public') continue;
          if (method !== 'get' && path !== '/api/logout') assert.ok(!op['x-roles'].includes('auditor'), `auditor may ${method} ${path}`);
          if (op['x-roles'].includes('vendor')) assert.ok(['/api/me', '/api/logout', '/api/openapi.json'].includes(path) || path.startsWith('/api/oversee'), `vendor may ${method} ${path}`);
        }
      }
    });

    test('unknown /api paths do not tell anonymous callers what exists', async () => {
      assert.equal((await app.inject({ url: '/api/nope' })).statusCode, 401);
      assert.equal((await app.inject({ url: '/api/nope', headers: bearer('admin') })).statusCode, 404);
    });

    test("a vendor user cannot read another vendor's data, any customer, or any incident", async () => {
      for (const url of ['/api/vendors', '/api/vendors/other-vendor', '/api/vendors/crm-vendor', '/api/incidents', `/api/incidents/${world.incidentId}`, '/api/alerts']) {
        assert.equal((await app.inject({ url, headers: bearer('vendor') })).statusCode, 403, url);
      }
      const lookup = await app.inject({ method: 'POST', url: '/api/customers/lookup', headers: bearer('vendor'), payload: { email: world.customerEmail } });
      assert.equal(lookup.statusCode, 403);
      assert.doesNotMatch(lookup.body, /example\.com/);
    });

    test('injection strings in every search parameter return no extra data', async () => {
      let tried = 0;
      for (const [path, ops] of Object.entries(doc.paths)) {
        const op = ops.get;
        if (!op) continue;
        for (const p of op.parameters.filter((x) => x.in === 'query')) {
          for (const evil of INJECTIONS) {
            const url = `${urlOf(path)}?${p.name}=${encodeURIComponent(evil)}`;
            const res = await app.inject({ url, headers: bearer('admin') });
            tried++;
            if (res.statusCode === 200) assert.deepEqual(res.json(), [], `${url} answered data`);
            else assert.ok([400, 404].includes(res.statusCode), `${url}: ${res.statusCode}`);
          }
        }
      }
      for (const key of ['id', 'email', 'phone']) {
        for (const evil of INJECTIONS) {
          const res = await app.inject({ method: 'POST', url: '/api/customers/lookup', headers: bearer('privacy'), payload: { [key]: `${evil}` } });
          tried++;
          if (res.statusCode === 200) assert.deepEqual(res.json(), { matched_customers: 0, affected: false, customers: [] });
          else assert.equal(res.statusCode, 400);
        }
      }
      assert.ok(tried > 40);
      const sane = await app.inject({ url: '/api/vendors?q=crm', headers: bearer('admin') });
      assert.equal((sane.json() as unknown[]).length, 1, 'the filter does work for honest input');
    });

    test('a state-changing request on a cookie session without the CSRF token is refused', async () => {
      const analyst = users.get('analyst')!;
      const payload = { title: 'CSRF probe', aware_at: '2026-11-20T09:00:00+09:00' };
      const none = await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: analyst.cookie }, payload });
      assert.equal(none.statusCode, 403);
      const wrong = await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: analyst.cookie, 'x-csrf-token': `${analyst.csrf}x` }, payload });
      assert.equal(wrong.statusCode, 403);
      const other = await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: analyst.cookie, 'x-csrf-token': users.get('admin')!.csrf }, payload });
      assert.equal(other.statusCode, 403, "another session's token does not do");
      const ok = await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf }, payload });
      assert.equal(ok.statusCode, 200);
      const viaToken = await app.inject({ method: 'POST', url: '/api/incidents', headers: bearer('analyst'), payload });
      assert.equal(viaToken.statusCode, 200, 'API tokens are not ambient credentials');
    });

    test('repeated failures lock the account: even the right password is refused until reset', async () => {
      for (let i = 0; i < MAX_FAILURES; i++) assert.equal((await login(app, 'auditor-user', `wrong-${i}-password`)).status, 401);
      const locked = await login(app, 'auditor-user', PASSWORD);
      assert.equal(locked.status, 401);
      const unknown = await login(app, 'nobody-at-all', PASSWORD);
      assert.deepEqual(JSON.parse(locked.body), JSON.parse(unknown.body), 'a locked account looks like any failure');
      await resetPassword(t.store, 'auditor-user', PASSWORD);
      assert.equal((await login(app, 'auditor-user', PASSWORD)).status, 200);
    });

    test('login is rate-limited per client', async () => {
      const strict = await startApp(t.store, world.keyring, { loginRateLimit: 3 });
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await login(strict, 'nobody', 'wrong-password-x')).status);
      await strict.close();
      assert.deepEqual(codes, [401, 401, 401, 429, 429]);
    });

    test('sessions and API tokens are stored only as hashes; a logged-out session stops working', async () => {
      const admin = users.get('admin')!;
      const secret = admin.cookie.split('=')[1]!;
      const db = authDb(t.store);
      assert.equal((await db.selectFrom('sessions').select('id_hash').where('id_hash', '=', secret).execute()).length, 0);
      assert.equal((await db.selectFrom('api_tokens').select('id').where('token_hash', '=', admin.token).execute()).length, 0);
      const hashes = (await db.selectFrom('users').select('password_hash').execute()).map((r) => r.password_hash);
      assert.ok(hashes.every((h) => h.startsWith('scrypt$') && !h.includes(PASSWORD)));
      const s = await login(app, 'privacy-user', PASSWORD);
      assert.equal((await app.inject({ url: '/api/me', headers: { cookie: s.cookie } })).statusCode, 200);
      assert.equal((await app.inject({ method: 'POST', url: '/api/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } })).statusCode, 200);
      assert.equal((await app.inject({ url: '/api/me', headers: { cookie: s.cookie } })).statusCode, 401);
    });

    test('an admin issues an API token once; it authenticates as its user', async () => {
      const list = (await app.inject({ url: '/api/users', headers: bearer('admin') })).json() as Array<{ id: string; username: string }>;
      const analyst = list.find((u) => u.username === 'analyst-user')!;
      const res = await app.inject({ method: 'POST', url: `/api/users/${analyst.id}/tokens`, headers: bearer('admin'), payload: { name: 'script' } });
      const { token } = res.json() as { token: string };
      const me = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal((me.json() as { username: string }).username, 'analyst-user');
      assert.equal((await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}x` } })).statusCode, 401);
    });
  });
}
