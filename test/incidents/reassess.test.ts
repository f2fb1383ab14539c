// Changing an incident's facts or scope decides its obligations again and keeps the history.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { keyId, type Keyring } from '../../src/crypto/keyring.ts';
import { listDecisions, openIncident, setIndicators } from '../../src/incidents/incident-store.ts';
import { changeFacts, reassessObligations, rescope } from '../../src/incidents/reassess-incident.ts';
import { importCustomersCsv } from '../../src/inventory/import-customers.ts';
import { insertEvents } from '../../src/logs/event-store.ts';
import { latestObligations } from '../../src/obligations/incident-obligations.ts';
import { freshStore } from '../support/dialects.ts';

test('a scoped incident re-decides its obligations when a fact changes', async () => {
  const t = await freshStore('sqlite');
  try {
    const key = randomBytes(32);
    const kr: Keyring = { current: { id: keyId(key), key }, byId: new Map([[keyId(key), { id: keyId(key), key }]]) };
    const dir = mkdtempSync(join(tmpdir(), 'warden-reassess-'));
    writeFileSync(join(dir, 'c.csv'), 'id,name,postal_address,phone,email,country,region,locale\nA1,N,Addr,03-1111-2222,a@x.example,JP,JP-13,ja\nA2,N,Addr,03-1111-2223,,JP,JP-13,ja\n');
    await importCustomersCsv(t.store, kr, join(dir, 'c.csv'), { onProblem: () => {} });
    await insertEvents(t.store, [{ id: 'x1', time: '2026-11-02T02:00:00+09:00', source: 'crm', actor: { user: 'evil', type: 'vendor_staff' }, action: 'export', record_ids: ['A1', 'A2'], fields: ['name', 'postal_address'], outcome: 'success', raw: {} }]);
    const inc = await openIncident(t.store, { title: 't', awareAt: '2026-11-06T09:30:00+09:00' }, 'test');
    assert.equal(await reassessObligations(t.store, inc.id, 'test'), false, 'nothing to decide before scoping');
    await setIndicators(t.store, inc.id, { actors: ['evil'] }, 'test');
    await rescope(t.store, inc.id, 'test');
    const before = await latestObligations(t.store, inc.id);
    assert.equal(before?.scenario.encrypted, false);
    assert.deepEqual(before?.scenario.affected, { JP: 2 });
    await changeFacts(t.store, inc.id, { encrypted: true }, 'test');
    const afterChange = await latestObligations(t.store, inc.id);
    assert.equal(afterChange?.scenario.encrypted, true);
    const kinds = (await listDecisions(t.store, inc.id)).map((d) => d.kind);
    assert.equal(kinds.filter((k) => k === 'obligations').length, 2);
    assert.ok(kinds.indexOf('facts') < kinds.lastIndexOf('obligations'));
  } finally {
    await t.drop();
  }
});
