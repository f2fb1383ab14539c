// The demo world: deterministic for a seed, the attack plan splits confirmed and inferred as
// the logs would, and the whole run (generate, import, ingest with detection, incident opened
// from the alerts, scope) reports exactly the customers the attacker took.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { keyId, type Keyring } from '../../src/crypto/keyring.ts';
import { generateCustomers, unitCounts } from '../../src/scenario/generate-customers.ts';
import { generateAttack, planAttack } from '../../src/scenario/generate-attack.ts';
import { runDemo } from '../../src/scenario/run-demo.ts';
import { freshStore } from '../support/dialects.ts';

test('the default plan: 21,000 taken, 17,000 confirmed from logged ids and 4,000 inferred', () => {
  assert.deepEqual(planAttack(21_000), { confirmed: 17_000, inferred: 4_000, pages: 42 });
  const p = planAttack(1234);
  assert.equal(p.confirmed + p.inferred, 1234);
});

test('customers are deterministic for a seed and the unit counts add up', () => {
  const a = [...generateCustomers(500, 7)];
  const b = [...generateCustomers(500, 7)];
  const c = [...generateCustomers(500, 8)];
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  assert.equal([...unitCounts(180_000).values()].reduce((x, y) => x + y, 0), 180_000);
  assert.ok((unitCounts(180_000).get('kanto-3') ?? 0) >= 21_000);
});

test('an attack larger than the unit is refused, not silently shrunk', () => {
  assert.throws(() => generateAttack(['C1', 'C2'], 3), /does not fit/);
});

test('the demo end to end reports exactly the customers taken, opened from the alerts, and mails them', async () => {
  const t = await freshStore('sqlite');
  const out = mkdtempSync(join(tmpdir(), 'warden-demo-'));
  const key = randomBytes(32);
  const kr: Keyring = { current: { id: keyId(key), key }, byId: new Map([[keyId(key), { id: keyId(key), key }]]) };
  try {
    // A real SMTP server receives the notices the demo sends.
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(addr, _s, cb) {
        received.push(addr.address);
        cb();
      },
      onData(stream, _s, cb) {
        stream.resume();
        stream.on('end', () => cb());
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const port = (smtp.server.address() as AddressInfo).port;
    const s = await runDemo(t.store, kr, { out, customers: 6000, affected: 1100, events: 20_000, seed: 3, actor: 'test', log: () => {}, progress: () => {}, smtp: { url: `smtp://127.0.0.1:${port}` } });
    await new Promise<void>((r) => smtp.close(() => r()));
    assert.equal(s.notices.sent, s.notices.email);
    assert.equal(received.length, s.notices.email);
    assert.equal(new Set(received).size, received.length, 'no customer mailed twice');
    assert.equal(s.incident.affected.total, 1100);
    assert.deepEqual(s.incident.affected, { confirmed: s.expected.confirmed, inferred: s.expected.inferred, total: 1100 });
    assert.deepEqual(s.incident.by_jurisdiction, { JP: 1100 });
    assert.ok(s.incident.fields.includes('vehicle_purchase'));
    assert.ok(s.alerts.some((a) => a.level === 'high'), 'the attacker raised high alerts');
    // The incident came from the alerts: its indicators name the attacker, not the sync account.
    const inc = await t.store.db.selectFrom('incidents').select('indicators').executeTakeFirstOrThrow();
    const ind = JSON.parse(inc.indicators) as { actors: string[] };
    assert.deepEqual(ind.actors, ['support-07@crm-vendor.example']);
    assert.ok(s.obligations.length > 0);
    assert.equal(s.notices.drafted, 1100);
    assert.equal(s.notices.email + s.notices.letter, 1100);
    assert.equal(s.vendor_sla.breached, true);
    assert.ok(s.oversight && s.oversight.findings > 0, 'the baseline assessment found the weaknesses');
    const header = readFileSync(join(out, 'customers.csv'), 'utf8').split('\n')[0];
    assert.equal(header, 'id,name,postal_address,phone,email,country,region,locale,date_of_birth,dealer,unit');
  } finally {
    await t.drop();
  }
});
