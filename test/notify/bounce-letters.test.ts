// Bounces (RFC 3464 DSNs) fed back mark the email notice bounced and move the customer to the
// letter channel; letters are PDFs whose extracted text holds the customer's kanji name, one per
// customer or merged, with a CSV manifest; rendered letters are not rendered twice.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PDFParse } from 'pdf-parse';
import { applyBounceFiles } from '../../src/notify/apply-bounces.ts';
import { parseBounce } from '../../src/notify/bounce-parse.ts';
import { draftNotices, noticeCounts } from '../../src/notify/draft-notices.ts';
import { listNotices } from '../../src/notify/ledger-store.ts';
import { recordOutcomes } from '../../src/notify/ledger-outcomes.ts';
import { loadOrgProfile } from '../../src/notify/org-profile.ts';
import { renderLetters } from '../../src/notify/render-letters.ts';
import { activeDialects, freshStore, type TestStore } from '../support/dialects.ts';
import { seedWorld, testKeyring, worldCustomers } from './notify-world.ts';

const TEMPLATE = readFileSync(new URL('./fixtures/dsn-template.eml', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'warden-notify-'));
const org = loadOrgProfile({ WARDEN_ORG_DOMAIN: 'notice-test.example' });

function dsn(file: string, v: { rcpt: string; key: string; msgId: string; action?: string; status?: string }): string {
  const text = TEMPLATE.replaceAll('{{RCPT}}', v.rcpt).replaceAll('{{KEY}}', v.key).replaceAll('{{MSGID}}', v.msgId).replaceAll('{{ACTION}}', v.action ?? 'failed').replaceAll('{{STATUS}}', v.status ?? '5.1.1');
  const path = join(dir, file);
  writeFileSync(path, text.replace(/\n/g, '\r\n'));
  return path;
}

async function pdfText(path: string): Promise<string> {
  const parser = new PDFParse({ data: readFileSync(path) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

test('a DSN is parsed into recipient, action, status and the notice key', async () => {
  const r = await parseBounce(readFileSync(dsn('parse.eml', { rcpt: 'x@mail.test', key: 'k123', msgId: '<notice-k123@notice-test.example>' })));
  assert.equal(r.recipient, 'x@mail.test');
  assert.equal(r.action, 'failed');
  assert.equal(r.status, '5.1.1');
  assert.equal(r.key, 'k123');
  assert.equal(r.messageId, '<notice-k123@notice-test.example>');
  assert.equal(r.permanent, true);
});

for (const dialect of await activeDialects()) {
  describe(`bounces and letters on ${dialect}`, () => {
    let t: TestStore;
    let incident: string;
    const keyring = testKeyring();
    const customers = worldCustomers(6, { withoutEmailEvery: 3 });

    before(async () => {
      t = await freshStore(dialect);
      incident = await seedWorld(t.store, keyring, customers);
      await draftNotices(t.store, keyring, incident, 'test');
      // The emails were sent (as the SMTP suite shows); record that without a server.
      const emails = await listNotices(t.store, incident, { channel: 'email' });
      await recordOutcomes(t.store, emails.map((n) => ({ id: n.id, state: 'sent' as const, attempts: 1, lastError: null, smtpResponse: '250 OK', messageId: `<notice-${n.id}@notice-test.example>` })));
    });
    after(async () => t.drop());

    test('a hard bounce marks the notice bounced and drafts a letter; a delay notice and junk change nothing', async () => {
      const emails = await listNotices(t.store, incident, { channel: 'email' });
      const [first, second] = emails;
      assert.ok(first && second);
      const files = [
        dsn('hard.eml', { rcpt: 'c1@mail.test', key: first.id, msgId: `<notice-${first.id}@notice-test.example>` }),
        dsn('by-msgid.eml', { rcpt: 'c2@mail.test', key: '', msgId: `<notice-${second.id}@notice-test.example>` }),
        dsn('delay.eml', { rcpt: 'c2@mail.test', key: second.id, msgId: '<x@y>', action: 'delayed', status: '4.4.1' }),
      ];
      writeFileSync(join(dir, 'junk.eml'), 'not a mail at all');
      const s = await applyBounceFiles(t.store, [...files, join(dir, 'junk.eml'), join(dir, 'missing.eml')], 'test');
      assert.equal(s.bounced, 2);
      assert.equal(s.problems.length, 2, 'junk and missing files are reported, the rest goes on');
      assert.match(s.problems.map((p) => p.where).join(' '), /junk\.eml.*missing\.eml/);
      const c = await noticeCounts(t.store, incident);
      assert.equal(c.bounced, 2);
      const letters = await listNotices(t.store, incident, { channel: 'letter' });
      assert.deepEqual(letters.map((l) => l.customer_id).sort(), ['C00001', 'C00002', 'C00003', 'C00006']);
    });

    test('letters: one PDF per customer whose text holds the kanji name, a manifest, and no second rendering', async () => {
      const out = join(dir, `letters-${dialect}`);
      const s = await renderLetters(t.store, keyring, incident, { out, merge: false, org, actor: 'test' });
      assert.equal(s.letters, 4);
      const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf')).sort();
      assert.equal(pdfs.length, 4);
      // C00001's email bounced: their letter is in Japanese and names them in kanji.
      const c1 = customers.find((c) => c.id === 'C00001');
      assert.ok(c1 && /[\u4e00-\u9fff]/.test(c1.name));
      const text = await pdfText(join(out, 'letter-C00001.pdf'));
      assert.ok(text.replace(/\s+/g, ' ').includes(c1.name), `PDF text holds ${c1.name}`);
      assert.ok(text.includes('不審な連絡'), 'the letter carries the phishing warning');
      assert.ok(text.includes('東京都千代田区丸の内'), 'the letter carries the postal address');
      const c3 = customers.find((c) => c.id === 'C00003');
      const en = await pdfText(join(out, 'letter-C00003.pdf'));
      assert.ok(c3 && en.includes(c3.name) && en.includes('BEWARE OF PHISHING'), 'an English letter for an English-speaking customer');
      const manifest = readFileSync(join(out, 'manifest.csv'), 'utf8').trim().split('\n');
      assert.equal(manifest[0], 'notice_id,customer_id,locale,file,page');
      assert.equal(manifest.length, 5);
      assert.ok(!manifest.join('\n').includes(c1.name), 'the manifest carries no names');
      const again = await renderLetters(t.store, keyring, incident, { out: join(dir, `again-${dialect}`), merge: false, org, actor: 'test' });
      assert.equal(again.letters, 0, 'rendered letters are not rendered again');
    });

    test('--merge writes one print file with every letter, one per page', async () => {
      const out = join(dir, `merged-${dialect}`);
      const s = await renderLetters(t.store, keyring, incident, { out, merge: true, all: true, org, actor: 'test' });
      assert.equal(s.files, 1);
      assert.equal(s.letters, 4);
      const text = await pdfText(join(out, 'letters.pdf'));
      for (const id of ['C00001', 'C00002', 'C00003', 'C00006']) {
        const c = customers.find((x) => x.id === id);
        assert.ok(c && text.replace(/\s+/g, ' ').includes(c.name), `merged PDF holds ${id}`);
      }
      const pages = readFileSync(join(out, 'manifest.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[4]);
      assert.deepEqual(pages, ['1', '2', '3', '4']);
    });
  });
}
