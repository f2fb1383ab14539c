// Regulator report drafts: the PPC form's nine items and the GDPR Art. 33(3) items, each present,
// filled from the incident, scope and ledger where the data says, otherwise marked to be
// completed — never invented. Markdown, JSON and PDF outputs carry the same.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PDFParse } from 'pdf-parse';
import { setFacts } from '../../src/incidents/incident-store.ts';
import { draftNotices } from '../../src/notify/draft-notices.ts';
import { loadOrgProfile } from '../../src/notify/org-profile.ts';
import { buildReport } from '../../src/notify/reports/build-report.ts';
import { reportToMarkdown, reportToPdf, TO_BE_COMPLETED } from '../../src/notify/reports/report-render.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';
import { seedWorld, testKeyring, worldCustomers } from './notify-world.ts';

const org = loadOrgProfile({ WARDEN_ORG_DOMAIN: 'notice-test.example', WARDEN_ORG_PHONE: '0120-999-111' });
const PPC_ITEMS = ['overview', 'personal_data', 'persons', 'cause', 'secondary_damage', 'response_to_persons', 'public_announcement', 'recurrence_prevention', 'other'];

for (const dialect of await activeDialects()) {
  describe(`regulator reports on ${dialect}`, () => {
    let t: TestStore;
    let incident: string;
    const keyring = testKeyring();

    before(async () => {
      t = await freshStore(dialect);
      incident = await seedWorld(t.store, keyring, worldCustomers(12));
    });
    after(async () => t.drop());

    test('PPC: every item of the form, in order; known ones filled from the data, the rest to be completed', async () => {
      const r = await buildReport(t.store, incident, 'JP', 'preliminary', org);
      assert.equal(r.form, 'JP-PPC');
      assert.deepEqual(r.items.map((i) => i.key), PPC_ITEMS);
      const item = (k: string) => r.items.find((i) => i.key === k);
      assert.match(item('persons')?.value ?? '', /^12名/);
      assert.match(item('personal_data')?.value ?? '', /氏名.*電話番号|電話番号.*氏名/);
      assert.equal(item('cause')?.value, '第三者による不正アクセス');
      assert.match(item('overview')?.value ?? '', /2026-11-02T02:13:05\+09:00/);
      for (const k of ['public_announcement', 'recurrence_prevention', 'secondary_damage', 'response_to_persons', 'other']) assert.equal(item(k)?.status, 'to_be_completed', k);
      assert.deepEqual(r.missing, ['secondary_damage', 'response_to_persons', 'public_announcement', 'recurrence_prevention', 'other']);
      for (const i of r.items) if (i.status === 'to_be_completed') assert.ok(i.note, `${i.key} says what is missing`);
    });

    test('drafted notices fill the response-to-persons item from the ledger', async () => {
      await draftNotices(t.store, keyring, incident, 'test');
      const r = await buildReport(t.store, incident, 'JP', 'final', org);
      const item = r.items.find((i) => i.key === 'response_to_persons');
      assert.equal(item?.status, 'filled');
      assert.match(item?.value ?? '', /email: 0 sent, 12 queued/);
      assert.ok(!r.missing.includes('response_to_persons'));
    });

    test('a cause never recorded is not invented: a fresh incident leaves it to be completed', async () => {
      const other = await seedWorld(t.store, keyring, []);
      await t.store.db.deleteFrom('decisions').where('incident_id', '=', other).where('kind', '=', 'facts').execute();
      const r = await buildReport(t.store, other, 'JP', 'preliminary', org);
      assert.equal(r.items.find((i) => i.key === 'cause')?.status, 'to_be_completed');
      await setFacts(t.store, other, { cause: 'ransomware' }, 'test');
      const r2 = await buildReport(t.store, other, 'JP', 'preliminary', org);
      assert.equal(r2.items.find((i) => i.key === 'cause')?.value, 'ランサムウェア');
    });

    test('GDPR Art. 33(3): items (a) to (d), the contact point from config, consequences left to the controller', async () => {
      const r = await buildReport(t.store, incident, 'DE', 'preliminary', org);
      assert.equal(r.form, 'GDPR-33');
      assert.deepEqual(r.items.slice(0, 4).map((i) => i.key), ['a_nature', 'b_contact', 'c_consequences', 'd_measures']);
      assert.match(r.items[1]?.value ?? '', /0120-999-111.*notice-test\.example/);
      assert.equal(r.items[2]?.status, 'to_be_completed');
      assert.match(r.items[0]?.value ?? '', /data subjects: 0/, 'no DE subjects in scope: stated as 0, not guessed');
      // The 72 hours from aware_at (2026-11-05) have passed: the reasons for delay are asked for.
      assert.ok(r.items.some((i) => i.key === 'delay_reasons' && i.status === 'to_be_completed'));
    });

    test('markdown and PDF name every item and flag the missing ones', async () => {
      const r = await buildReport(t.store, incident, 'JP', 'preliminary', org);
      const md = reportToMarkdown(r);
      for (const [n, i] of r.items.entries()) assert.ok(md.includes(`## ${n + 1}. ${i.label}`));
      assert.equal(md.split(TO_BE_COMPLETED).length - 1, r.missing.length + 1, 'one flag per missing item (+ the header list)');
      const parser = new PDFParse({ data: await reportToPdf(r) });
      const text = (await parser.getText()).text;
      await parser.destroy();
      assert.ok(text.includes('本人の数'), 'the PDF renders the Japanese item names');
    });

    test('a generic form for other jurisdictions; a bad code is a usage error', async () => {
      const r = await buildReport(t.store, incident, 'US-CA', 'final', org);
      assert.equal(r.form, 'generic');
      assert.equal(r.items.find((i) => i.key === 'persons')?.value, '0');
      await assert.rejects(buildReport(t.store, incident, 'Japan!', 'final', org), /jurisdiction code/);
    });
  });
}
