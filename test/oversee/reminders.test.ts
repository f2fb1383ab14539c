// Reminders reach a REAL SMTP server started here (smtp-server): 7 days before the due date,
// then 3, then 1, then overdue — each once — and the link in each mail opens the assessment.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { importInventory } from '../../src/inventory/inventory-store.ts';
import { createAssessment, submitAssessment } from '../../src/oversee/assessment-store.ts';
import { smtpMailer } from '../../src/oversee/mail-adapter.ts';
import { odb } from '../../src/oversee/oversee-db.ts';
import { runReminders } from '../../src/oversee/reminders.ts';
import { redeemLink } from '../../src/oversee/token-links.ts';
import { freshStore, type TestStore } from '../support/dialects.ts';
import { MFA_QUESTIONNAIRE, twoVendorInventory } from './fixtures.ts';

interface Received { to: string; subject: string; text: string }

describe('assessment reminders over SMTP', () => {
  let t: TestStore;
  let server: SMTPServer;
  let url: string;
  const inbox: Received[] = [];

  before(async () => {
    t = await freshStore('sqlite');
    await importInventory(t.store, twoVendorInventory());
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then((m) => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: m.subject ?? '', text: m.text ?? '' });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.drop();
  });

  test('sends 7d, 3d, 1d and overdue reminders once each, with a working single-use link', async () => {
    const due = new Date(Date.now() + 10 * 86_400_000);
    const a = await createAssessment(t.store, { vendor_id: 'crm-vendor', questionnaire: MFA_QUESTIONNAIRE, due_at: due.toISOString(), contact_email: 'security@crm-vendor.example' }, 'analyst');
    const quiet = await createAssessment(t.store, { vendor_id: 'mail-vendor', questionnaire: MFA_QUESTIONNAIRE, due_at: due.toISOString(), contact_email: 'support@mail-vendor.example' }, 'analyst');
    await submitAssessment(t.store, quiet.id, 'vendor'); // submitted: never reminded
    const mailer = smtpMailer(url, 'oversight@warden.example');
    const at = (daysBefore: number) => new Date(due.getTime() - daysBefore * 86_400_000);
    try {
      assert.equal((await runReminders(t.store, mailer, { now: at(8), baseUrl: 'http://warden.test' })).sent, 0);
      const r7 = await runReminders(t.store, mailer, { now: at(6.5), baseUrl: 'http://warden.test' });
      assert.deepEqual({ sent: r7.sent, failed: r7.failed }, { sent: 1, failed: 0 });
      assert.equal((await runReminders(t.store, mailer, { now: at(6), baseUrl: 'http://warden.test' })).sent, 0);
      assert.equal((await runReminders(t.store, mailer, { now: at(2.5), baseUrl: 'http://warden.test' })).sent, 1);
      assert.equal((await runReminders(t.store, mailer, { now: at(0.5), baseUrl: 'http://warden.test' })).sent, 1);
      assert.equal((await runReminders(t.store, mailer, { now: at(-1), baseUrl: 'http://warden.test' })).sent, 1);
      assert.equal((await runReminders(t.store, mailer, { now: at(-2), baseUrl: 'http://warden.test' })).sent, 0);
    } finally {
      mailer.close();
    }
    assert.equal(inbox.length, 4);
    assert.ok(inbox.every((m) => m.to === 'security@crm-vendor.example'));
    assert.match(inbox[0]!.subject, /due in 7 days/);
    assert.match(inbox[1]!.subject, /due in 3 days/);
    assert.match(inbox[2]!.subject, /due tomorrow/);
    assert.match(inbox[3]!.subject, /overdue/);
    const ledger = await odb(t.store).selectFrom('oversee_reminders').select(['kind', 'outcome']).where('assessment_id', '=', a.id).orderBy('kind').execute();
    assert.deepEqual(ledger.map((r) => `${r.kind}:${r.outcome}`).sort(), ['1d:sent', '3d:sent', '7d:sent', 'overdue:sent']);
    const token = /\/portal\/open\/([\w-]+)/.exec(inbox[1]!.text)?.[1];
    assert.ok(token, inbox[1]!.text);
    const s = await redeemLink(t.store, token);
    assert.equal(s.assessment_id, a.id);
    await assert.rejects(redeemLink(t.store, token), /already used/);
  });

  test('an unreachable SMTP server is recorded as failed and retried on the next run', async () => {
    const due = new Date(Date.now() + 2 * 86_400_000);
    const a = await createAssessment(t.store, { vendor_id: 'mail-vendor', questionnaire: MFA_QUESTIONNAIRE, due_at: due.toISOString(), contact_email: 'support@mail-vendor.example' }, 'analyst');
    const dead = smtpMailer('smtp://127.0.0.1:1', 'oversight@warden.example');
    const r = await runReminders(t.store, dead, { baseUrl: 'http://warden.test' });
    dead.close();
    assert.equal(r.failed, 1);
    assert.equal(r.sent, 0);
    assert.ok(!r.errors.join(' ').includes('/portal/open/'));
    const good = smtpMailer(url, 'oversight@warden.example');
    const retry = await runReminders(t.store, good, { baseUrl: 'http://warden.test' });
    good.close();
    assert.equal(retry.sent, 1);
    const rows = await odb(t.store).selectFrom('oversee_reminders').selectAll().where('assessment_id', '=', a.id).execute();
    assert.deepEqual(rows.map((x) => `${x.kind}:${x.outcome}`).sort(), ['3d:sent', '7d:skipped']);
  });
});
