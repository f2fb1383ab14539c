// The demo is rerun-safe: run twice on one store it finds the incident it opened before (by the
// vendor's reference), re-scopes it and reports the same summary, with nothing opened, drafted
// or decided twice; an analyst's changes in between survive.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { keyId, type Keyring } from '../../src/crypto/keyring.ts';
import { getIncident, setFacts } from '../../src/incidents/incident-store.ts';
import { noticeCounts } from '../../src/notify/draft-notices.ts';
import { type DemoSummary, runDemo } from '../../src/scenario/run-demo.ts';
import { freshStore, type TestStore } from '../support/dialects.ts';

const key = randomBytes(32);
const kr: Keyring = {
  current: { id: keyId(key), key },
  byId: new Map([[keyId(key), { id: keyId(key), key }]]),
};
const params = {
  customers: 6000,
  affected: 1100,
  events: 10_000,
  seed: 3,
  actor: 'test',
  log: () => {},
  progress: () => {},
};

/** The summary without what legitimately changes on every run. */
function stable(s: DemoSummary) {
  const { reused_incident: _r, incident, ...rest } = s;
  const { computed_at: _c, ...scope } = incident;
  return { ...rest, incident: scope };
}

async function decisionKinds(t: TestStore): Promise<Record<string, number>> {
  const rows = await t.store.db.selectFrom('decisions').select('kind').execute();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}

describe('the demo on one store, twice', () => {
  let t: TestStore;
  let first: DemoSummary;
  let second: DemoSummary;
  before(async () => {
    t = await freshStore('sqlite');
    const out = mkdtempSync(join(tmpdir(), 'warden-demo-rerun-'));
    first = await runDemo(t.store, kr, { ...params, out });
    second = await runDemo(t.store, kr, { ...params, out });
  });
  after(async () => t.drop());

  test('the second run finds the incident the first opened and reports the same summary', async () => {
    assert.equal(first.incident.affected.total, 1100);
    assert.equal(first.reused_incident, false);
    assert.equal(second.reused_incident, true);
    assert.equal(second.incident.id, first.incident.id);
    assert.deepEqual(stable(second), stable(first));
    assert.ok(
      (first.oversight?.findings ?? 0) > 0,
      'the open findings are counted on every run, not only when created',
    );
  });

  test('one incident, one set of notices, one obligations decision; the rerun only re-scoped', async () => {
    const incidents = await t.store.db.selectFrom('incidents').select('id').execute();
    assert.deepEqual(
      incidents.map((i) => i.id),
      [first.incident.id],
    );
    assert.deepEqual(await noticeCounts(t.store, first.incident.id), {
      queued: 1100,
      sent: 0,
      failed: 0,
      bounced: 0,
    });
    const kinds = await decisionKinds(t);
    assert.equal(kinds.opened, 1);
    assert.equal(kinds.obligations, 1);
    assert.equal(kinds.facts, 1);
    assert.equal(kinds.scope, 2);
    const alerts = await t.store.db.selectFrom('alerts').select('id').execute();
    assert.equal(
      alerts.length,
      first.alerts.reduce((n, a) => n + a.count, 0),
    );
  });

  test("an analyst's change between runs survives the rerun, and the obligations are decided again for it", async () => {
    await setFacts(t.store, first.incident.id, { misuse_confirmed: true }, 'analyst');
    const third = await runDemo(t.store, kr, { ...params, out: first.files.dir });
    assert.equal(third.incident.id, first.incident.id);
    const inc = await getIncident(t.store, first.incident.id);
    assert.equal(inc.facts.misuse_confirmed, true);
    assert.equal(inc.facts.external_ref, 'crm-vendor/dealer-crm/2026-11-02T01:52:00+09:00');
    assert.equal((await decisionKinds(t)).obligations, 2);
  });
});
