// An incident carries the reporter's own reference for the breach (the vendor's case id) in
// its facts, and is found again by it on every dialect: how a rerun avoids a second incident.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  findIncidentByExternalRef,
  getIncident,
  openIncident,
  setFacts,
} from '../../src/incidents/incident-store.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';

for (const dialect of await activeDialects()) {
  describe(`external reference on ${dialect}`, () => {
    let t: TestStore;
    before(async () => {
      t = await freshStore(dialect);
    });
    after(async () => t.drop());

    test('an incident is found by the reference it was opened or updated with, and no other', async () => {
      const a = await openIncident(
        t.store,
        {
          title: 'A',
          awareAt: '2026-11-06T09:30:00+09:00',
          facts: { external_ref: 'crm-vendor/dealer-crm/2026-11-02T01:52:00+09:00' },
        },
        'test',
      );
      const b = await openIncident(
        t.store,
        { title: 'B', awareAt: '2026-11-07T09:30:00+09:00' },
        'test',
      );
      await setFacts(t.store, b.id, { external_ref: 'CASE-2026-0042, "quoted" 事案' }, 'test');
      assert.equal(
        (
          await findIncidentByExternalRef(
            t.store,
            'crm-vendor/dealer-crm/2026-11-02T01:52:00+09:00',
          )
        )?.id,
        a.id,
      );
      assert.equal(
        (await findIncidentByExternalRef(t.store, 'CASE-2026-0042, "quoted" 事案'))?.id,
        b.id,
      );
      assert.equal(await findIncidentByExternalRef(t.store, 'CASE-2026-0043'), undefined);
      assert.equal(
        (await getIncident(t.store, b.id)).facts.external_ref,
        'CASE-2026-0042, "quoted" 事案',
      );
    });

    test('an empty reference is refused rather than matching every incident without one', async () => {
      await assert.rejects(
        openIncident(
          t.store,
          { title: 'C', awareAt: '2026-11-06T09:30:00+09:00', facts: { external_ref: '' } },
          'test',
        ),
      );
    });
  });
}
