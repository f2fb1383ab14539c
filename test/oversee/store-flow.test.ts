// Oversight against real databases (SQLite and PostgreSQL): tiers from the inventory and the
// customer index with an audited override, token links (once, expiry, other vendors' data out of
// reach), evidence upload limits, scoring into findings, and signals raising a vendor's risk.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { upsertAlerts } from '../../src/detect/alert-store.ts';
import { openIncident, setFacts } from '../../src/incidents/incident-store.ts';
import { importInventory } from '../../src/inventory/inventory-store.ts';
import { createAssessment, getAssessment, saveAnswers, submitAssessment } from '../../src/oversee/assessment-store.ts';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from '../../src/oversee/evidence-check.ts';
import { addEvidence, listEvidence, readEvidence } from '../../src/oversee/evidence-store.ts';
import { listFindings } from '../../src/oversee/findings-store.ts';
import { odb } from '../../src/oversee/oversee-db.ts';
import { portalSaveAnswers } from '../../src/oversee/portal-service.ts';
import { scoreAndRecord } from '../../src/oversee/score-assessment.ts';
import { overrideTier, vendorTier } from '../../src/oversee/tier-store.ts';
import { csrfFor, hashToken } from '../../src/oversee/token-secret.ts';
import { issueLink, portalSession, redeemLink } from '../../src/oversee/token-links.ts';
import { vendorRisk } from '../../src/oversee/vendor-risk.ts';
import type { Store } from '../../src/store/open-store.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';
import { MFA_QUESTIONNAIRE, twoVendorInventory } from './fixtures.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 0x20)]);

async function addCustomers(store: Store, n: number, unit: string): Promise<void> {
  const rows = Array.from({ length: n }, (_, i) => ({ id: `C${unit}${i}`, country: 'JP', region: 'JP-13', locale: 'ja', dealer: null, unit, categories: '[]', key_id: 'k', pii: 'x', email_hmac: null, phone_hmac: null, updated_at: '2026-01-01' }));
  await store.db.insertInto('customers').values(rows).execute();
}

for (const dialect of await activeDialects()) {
  describe(`oversight store on ${dialect}`, () => {
    let t: TestStore;
    let store: Store;
    before(async () => {
      t = await freshStore(dialect);
      store = t.store;
      await importInventory(store, twoVendorInventory());
      await addCustomers(store, 50, 'u1');
      await addCustomers(store, 20, 'other-unit');
    });
    after(async () => t.drop());

    test("tier counts the customers of the vendor's entities and an override needs a reason", async () => {
      const crm = await vendorTier(store, 'crm-vendor');
      assert.match(crm.lines.find((l) => l.factor === 'volume')?.reason ?? '', /^50 customers/);
      assert.equal(crm.override, null);
      await assert.rejects(overrideTier(store, 'crm-vendor', 'low', '', 'analyst'), /reason/);
      await assert.rejects(overrideTier(store, 'crm-vendor', 'tiny', 'why not', 'analyst'), /tier must be one of/);
      const o = await overrideTier(store, 'crm-vendor', 'critical', 'holds the whole dealer network', 'analyst');
      assert.equal(o.tier, 'critical');
      assert.equal(o.computed_tier, crm.tier);
      assert.equal(o.override?.reason, 'holds the whole dealer network');
      assert.equal((await overrideTier(store, 'crm-vendor', null, '', 'analyst')).tier, crm.tier);
    });

    test('a token link works once, expires, is stored only hashed, and never reaches another vendor', async () => {
      const now = new Date(); // the portal service reads the clock
      const mine = await createAssessment(store, { vendor_id: 'crm-vendor', questionnaire: MFA_QUESTIONNAIRE, due_at: '2026-12-01T00:00:00Z' }, 'analyst');
      const theirs = await createAssessment(store, { vendor_id: 'mail-vendor', questionnaire: MFA_QUESTIONNAIRE, due_at: '2026-12-01T00:00:00Z' }, 'analyst');
      const link = await issueLink(store, mine.id, { now, days: 3 });
      const stored = await odb(store).selectFrom('oversee_tokens').select('hash').execute();
      assert.ok(stored.some((r) => r.hash === hashToken(link.token)));
      assert.ok(!stored.some((r) => r.hash === link.token));

      const s = await redeemLink(store, link.token, now);
      assert.equal(s.assessment_id, mine.id);
      await assert.rejects(redeemLink(store, link.token, now), /invalid, expired or already used/);
      assert.equal((await portalSession(store, s.session, mine.id, now)).vendor_id, 'crm-vendor');
      await assert.rejects(portalSession(store, s.session, theirs.id, now), /no such assessment/);
      await assert.rejects(portalSaveAnswers(store, s.session, theirs.id, csrfFor(s.session), { mfa: 'no' }), /no such assessment/);
      assert.deepEqual((await getAssessment(store, theirs.id)).answers, {});
      await assert.rejects(portalSaveAnswers(store, s.session, mine.id, 'wrong', { mfa: 'no' }), /CSRF/);
      await portalSaveAnswers(store, s.session, mine.id, csrfFor(s.session), { mfa: 'no' });
      assert.deepEqual((await getAssessment(store, mine.id)).answers, { mfa: 'no' });

      const later = await issueLink(store, mine.id, { now, days: 3 });
      const expired = new Date(now.getTime() + 3 * 86_400_000 + 1);
      await assert.rejects(redeemLink(store, later.token, expired), /invalid, expired or already used/);
      await assert.rejects(portalSession(store, s.session, mine.id, expired), /session has ended/);
      await assert.rejects(redeemLink(store, 'x'.repeat(43), now), /invalid/);

      await submitAssessment(store, mine.id, 'vendor', now);
      await assert.rejects(portalSession(store, s.session, mine.id, now), /session has ended/);
      await assert.rejects(saveAnswers(store, mine.id, { mfa: 'yes' }), /already submitted/);
    });

    test('evidence uploads enforce size, type, content and count limits and keep the SHA-256', async () => {
      const a = await createAssessment(store, { vendor_id: 'crm-vendor', questionnaire: MFA_QUESTIONNAIRE, due_at: '2026-12-01T00:00:00Z' }, 'analyst');
      const ok = await addEvidence(store, a.id, 'report', 'pentest.pdf', PDF);
      assert.equal(ok.sha256, (await import('node:crypto')).createHash('sha256').update(PDF).digest('hex'));
      assert.deepEqual((await readEvidence(store, ok.id)).bytes, PDF);
      await assert.rejects(addEvidence(store, a.id, 'report', 'big.pdf', Buffer.concat([PDF, Buffer.alloc(EVIDENCE_MAX_BYTES)])), /larger than/);
      await assert.rejects(addEvidence(store, a.id, 'report', 'tool.exe', Buffer.from('MZ')), /not accepted/);
      await assert.rejects(addEvidence(store, a.id, 'report', 'fake.pdf', Buffer.from('<html>')), /does not look like a .pdf/);
      await assert.rejects(addEvidence(store, a.id, 'report', 'notes.txt', Buffer.from([0x61, 0x00, 0x62])), /must be text/);
      await assert.rejects(addEvidence(store, a.id, 'report', 'empty.txt', Buffer.alloc(0)), /empty/);
      await assert.rejects(addEvidence(store, a.id, 'mfa', 'x.pdf', PDF), /not a file-evidence question/);
      for (let i = 1; i < EVIDENCE_MAX_FILES; i++) await addEvidence(store, a.id, 'report', `n${i}.txt`, Buffer.from(`note ${i}`));
      await assert.rejects(addEvidence(store, a.id, 'report', 'one-more.txt', Buffer.from('x')), /at most/);
      assert.equal((await listEvidence(store, a.id)).length, EVIDENCE_MAX_FILES);
      const named = await addEvidence(store, (await createAssessment(store, { vendor_id: 'crm-vendor', questionnaire: MFA_QUESTIONNAIRE, due_at: '2026-12-01T00:00:00Z' }, 'a')).id, 'report', '../../etc/<b>.txt', Buffer.from('x'));
      assert.ok(!named.filename.includes('/') && !named.filename.includes('<'));
    });

    test('scoring a submitted assessment records findings with owner, due date and status, once', async () => {
      const a = await createAssessment(store, { vendor_id: 'crm-vendor', questionnaire: MFA_QUESTIONNAIRE, due_at: '2026-12-01T00:00:00Z', contact_email: 'security@crm-vendor.example' }, 'analyst');
      await saveAnswers(store, a.id, { mfa: 'no', shared: 'yes' });
      await assert.rejects(scoreAndRecord(store, a.id, 'analyst'), /can be scored once submitted/);
      await submitAssessment(store, a.id, 'vendor');
      const now = new Date('2026-11-20T00:00:00Z');
      const r = await scoreAndRecord(store, a.id, 'analyst', now);
      assert.equal(r.score.score, 36.4);
      const findings = await listFindings(store, { assessment_id: a.id });
      assert.deepEqual(findings.map((f) => f.question_id).sort(), ['enc', 'mfa', 'pentest']);
      const mfa = findings.find((f) => f.question_id === 'mfa');
      assert.equal(mfa?.title, 'No MFA');
      assert.equal(mfa?.owner, 'security@crm-vendor.example');
      assert.equal(mfa?.status, 'open');
      assert.equal(mfa?.due_at, '2026-12-20T00:00:00.000Z'); // critical: 30 days
      assert.equal((await scoreAndRecord(store, a.id, 'analyst', now)).findings_created, 0);
    });

    test("alerts on the vendor's systems, stale grants, an SLA breach and overdue findings raise its residual risk", async () => {
      const before = await vendorRisk(store, 'crm-vendor', new Date('2026-11-20T00:00:00Z'));
      await store.db.insertInto('events').values({ id: 'ev1', source: 'dealer-crm', time: '2026-11-02T01:00:00Z', time_ms: Date.parse('2026-11-02T01:00:00Z'), actor_user: 'support-01', actor_type: 'vendor_staff', session: null, src_ip: null, action: 'export', object: 'customer', query: null, result_count: 10, record_ids: null, record_count: 10, fields: '[]', outcome: 'success', extra: null }).execute();
      const at = '2026-11-02T01:00:00Z';
      await upsertAlerts(store, [{ id: 'al1', rule: 'bulk-export', title: 'Bulk export by vendor staff', level: 'high', correlation: null, group: {}, groupKey: '{}', first: at, last: at, firstMs: Date.parse(at), lastMs: Date.parse(at), count: 1, evidence: ['ev1'] }]);
      const inc = await openIncident(store, { title: 'CRM breach', awareAt: '2026-11-06T09:30:00+09:00', vendorId: 'crm-vendor' }, 'analyst');
      await setFacts(store, inc.id, { vendor_discovered_at: '2026-11-02T09:30:00+09:00', vendor_notified_at: '2026-11-06T09:30:00+09:00' }, 'analyst');
      const later = await vendorRisk(store, 'crm-vendor', new Date('2027-01-10T00:00:00Z'));
      const kinds = new Set(later.signals.map((s) => s.kind));
      for (const k of ['alert', 'stale_grant', 'sla_breach', 'overdue_finding']) assert.ok(kinds.has(k as never), `missing ${k}: ${JSON.stringify(later.signals)}`);
      assert.ok(later.residual.residual > before.residual.residual);
      assert.ok(later.residual.lines.some((l) => l.includes('told us after 96 h')));
      const other = await vendorRisk(store, 'mail-vendor', new Date('2027-01-10T00:00:00Z'));
      assert.equal(other.signals.length, 0);
    });
  });
}
