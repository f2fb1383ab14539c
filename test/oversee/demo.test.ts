// The demo's oversight story on the scenario inventory: the CRM vendor's baseline assessment
// reveals shared support accounts, no MFA for vendor staff and no export limits; those findings
// are open; the incident's late notice raises the vendor's residual risk; reseeding adds nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openIncident, setFacts } from '../../src/incidents/incident-store.ts';
import { importInventory } from '../../src/inventory/inventory-store.ts';
import { listAssessments } from '../../src/oversee/assessment-store.ts';
import { seedDemoOversight } from '../../src/oversee/demo-oversight.ts';
import { listFindings } from '../../src/oversee/findings-store.ts';
import { upcomingReviews } from '../../src/oversee/reviews-store.ts';
import { vendorRisk } from '../../src/oversee/vendor-risk.ts';
import { scenarioInventory } from '../../src/scenario/scenario-inventory.ts';
import { TIMELINE } from '../../src/scenario/scenario-world.ts';
import { freshStore, type TestStore } from '../support/dialects.ts';

describe('demo oversight', () => {
  let t: TestStore;
  const now = new Date();
  before(async () => {
    t = await freshStore('sqlite');
    await importInventory(t.store, scenarioInventory());
  });
  after(async () => t.drop());

  test('the baseline assessment revealed the weaknesses the attack used, and they are still open', async () => {
    const seeded = await seedDemoOversight(t.store, now);
    assert.ok(seeded);
    assert.ok(seeded.score > 0 && seeded.score < 80, `score ${seeded.score}`);
    const open = await listFindings(t.store, { vendor_id: 'crm-vendor', status: 'open' });
    const titles = open.map((f) => f.title);
    for (const weak of ['Vendor staff use shared accounts', 'No multi-factor authentication for vendor staff', 'No limits on bulk export of customer data']) assert.ok(titles.includes(weak), `${weak} in ${titles}`);
    assert.ok(open.filter((f) => f.severity === 'critical').every((f) => Date.parse(f.due_at) < now.getTime()), 'critical findings overdue');
    assert.equal(await seedDemoOversight(t.store, now).then((r) => r?.assessment_id), seeded.assessment_id);
    assert.equal((await listAssessments(t.store, { vendor_id: 'crm-vendor' })).length, 1);
  });

  test("the incident's late notice raises the CRM vendor's risk, and its review shows on the board", async () => {
    const before = await vendorRisk(t.store, 'crm-vendor', now);
    assert.ok(!before.signals.some((s) => s.kind === 'sla_breach'));
    const inc = await openIncident(t.store, { title: 'Dealer CRM breach', awareAt: TIMELINE.vendorToldUs, vendorId: 'crm-vendor' }, 'demo');
    await setFacts(t.store, inc.id, { vendor_discovered_at: TIMELINE.vendorDiscovered, vendor_notified_at: TIMELINE.vendorToldUs }, 'demo');
    const after = await vendorRisk(t.store, 'crm-vendor', now);
    const sla = after.signals.find((s) => s.kind === 'sla_breach');
    assert.ok(sla, JSON.stringify(after.signals));
    assert.match(sla.reason, /96 h; contract says 24 h/);
    assert.ok(after.residual.residual > before.residual.residual);
    assert.ok(after.signals.some((s) => s.kind === 'overdue_finding'));
    const board = await upcomingReviews(t.store, now);
    assert.equal(board.find((r) => r.vendor_id === 'crm-vendor')?.last_review?.decision, 'continue');
  });
});

describe('demo oversight seeded after the incident', () => {
  test('the baseline is dated before the incident began, whenever the demo runs', async () => {
    const t = await freshStore('sqlite');
    try {
      await importInventory(t.store, scenarioInventory());
      const inc = await openIncident(t.store, { title: 'Dealer CRM breach', awareAt: TIMELINE.vendorToldUs, vendorId: 'crm-vendor', facts: { began_at: TIMELINE.attackStart } }, 'demo');
      assert.ok(inc.id);
      await seedDemoOversight(t.store, new Date('2030-01-01T00:00:00Z'));
      const [baseline] = await listAssessments(t.store, { vendor_id: 'crm-vendor' });
      assert.ok(baseline?.submitted_at);
      assert.ok(Date.parse(baseline.submitted_at) <= Date.parse(TIMELINE.attackStart) - 30 * 86_400_000, baseline.submitted_at);
    } finally {
      await t.drop();
    }
  });
});
