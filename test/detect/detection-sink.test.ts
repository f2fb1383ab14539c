// Detection inside ingest, on every real database: the demo log ingested with the detection
// sink raises alerts for the attacking vendor account (dormant since its grant's last use) and
// none for the sync; a replay changes no alert; an alert opens an incident with indicators.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { listAlerts } from '../../src/detect/alert-store.ts';
import { createDetectionSink } from '../../src/detect/detection-sink.ts';
import { openIncidentFromAlerts } from '../../src/detect/open-incident-from-alert.ts';
import { ingestFile } from '../../src/logs/ingest.ts';
import { ACCOUNTS, IPS, TIMELINE } from '../../src/scenario/scenario-world.ts';
import { writeScenario } from '../../src/scenario/write-scenario.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';

let dir: string;
let accessJsonl: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-sink-'));
  accessJsonl = (await writeScenario({ out: dir, customers: 12_000, affected: 2500, events: 8000, seed: 11 })).accessJsonl;
});
after(() => rmSync(dir, { recursive: true, force: true }));

for (const dialect of await activeDialects()) {
  describe(`detection sink on ${dialect}`, () => {
    let t: TestStore;
    before(async () => {
      t = await freshStore(dialect);
      await t.store.db.insertInto('systems').values({ id: 'dealer-crm', vendor_id: 'crm-vendor', name: 'Dealer CRM', data: '[]', entities: '[]', internet_exposed: 1 }).execute();
      await t.store.db
        .insertInto('grants')
        .values({ system_id: 'dealer-crm', account: ACCOUNTS.attacker, type: 'vendor_staff', owner: null, last_used: TIMELINE.attackerLastLegitimateUse })
        .execute();
    });
    after(async () => t.drop());

    const ingest = async () => {
      const sink = await createDetectionSink(t.store);
      await ingestFile(t.store, { source: 'dealer-crm', file: accessJsonl, format: 'jsonl', sinks: [sink] });
      return sink.summary();
    };

    test('alerts for the attacker, including the dormant grant; none for the sync account', async () => {
      const summary = await ingest();
      assert.ok(summary.alertsCreated > 0);
      const alerts = await listAlerts(t.store);
      const who = (a: (typeof alerts)[number]) => a.group['actor.user'];
      assert.deepEqual(alerts.filter((a) => who(a) === ACCOUNTS.sync), []);
      const attacker = alerts.filter((a) => who(a) === ACCOUNTS.attacker);
      const titles = new Set(attacker.map((a) => a.title));
      assert.ok(titles.has('Dormant account reused'));
      assert.ok(titles.has('API token created then used for bulk reads'));
      // One alert per rule and account for the night: single-event hits are merged, not repeated.
      const night = attacker.filter((a) => a.title === 'Vendor staff active outside business hours');
      assert.equal(night.length, 1);
      assert.ok((night[0]?.count ?? 0) > 10);
      assert.ok((night[0]?.evidence.length ?? 0) > 0);
    });

    test('replaying the same log creates no alert and changes no count', async () => {
      const before = await listAlerts(t.store);
      const summary = await ingest();
      assert.equal(summary.alertsCreated, 0);
      const afterReplay = await listAlerts(t.store);
      assert.deepEqual(
        afterReplay.map((a) => [a.id, a.count, a.first, a.last]),
        before.map((a) => [a.id, a.count, a.first, a.last]),
      );
    });

    test("an incident opened from the attacker's alerts is prefilled with actor, IP, session and time range", async () => {
      const alerts = (await listAlerts(t.store)).filter((a) => a.group['actor.user'] === ACCOUNTS.attacker && a.level === 'high');
      const { incident, indicators } = await openIncidentFromAlerts(t.store, { alertIds: alerts.map((a) => a.id), awareAt: TIMELINE.vendorToldUs }, 'test');
      assert.deepEqual(indicators.actors, [ACCOUNTS.attacker]);
      assert.deepEqual(indicators.ips, [IPS.attacker]);
      assert.ok(indicators.sessions.includes('s-7f3a91'));
      assert.ok(Date.parse(indicators.from) >= Date.parse(TIMELINE.attackStart) - 60_000);
      assert.ok(Date.parse(indicators.to) > Date.parse(indicators.from));
      assert.deepEqual(incident.indicators.actors, [ACCOUNTS.attacker]);
      const linked = (await listAlerts(t.store, { status: 'incident' })).map((a) => a.incident_id);
      assert.equal(linked.length, alerts.length);
      assert.ok(linked.every((id) => id === incident.id));
    });
  });
}
