// Reminder scheduler: for every open assessment with a contact, sends the reminder that has come
// due (7, 3, 1 days before, or overdue) with a fresh single-use link, and records it so each is
// sent once. Logs and the ledger never hold the token; a failed send is recorded and retried.
import type { Store } from '../store/open-store.ts';
import type { OverseeMailer } from './mail-adapter.ts';
import { odb } from './oversee-db.ts';
import { planReminder, type ReminderKind } from './reminder-plan.ts';
import { issueLink } from './token-links.ts';

export interface ReminderRun {
  sent: number;
  skipped: number;
  failed: number;
  errors: string[];
}

const WORDS: Record<ReminderKind, string> = { '7d': 'is due in 7 days', '3d': 'is due in 3 days', '1d': 'is due tomorrow', overdue: 'is overdue' };

export function reminderText(title: string, kind: ReminderKind, dueAt: string, link: string): { subject: string; text: string } {
  return {
    subject: `Security assessment ${WORDS[kind]}: ${title}`,
    text: [
      `Hello,`,
      ``,
      `The security assessment "${title}" ${WORDS[kind]} (due ${dueAt.slice(0, 10)}).`,
      `Open it here (this link works once and then keeps you signed in to this assessment):`,
      link,
      ``,
      `Your saved draft answers are kept. If the link has expired, reply to ask for a new one.`,
    ].join('\n'),
  };
}

export async function runReminders(store: Store, mailer: OverseeMailer, options: { now?: Date; baseUrl: string }): Promise<ReminderRun> {
  const now = options.now ?? new Date();
  const db = odb(store);
  const run: ReminderRun = { sent: 0, skipped: 0, failed: 0, errors: [] };
  const open = await db.selectFrom('oversee_assessments').selectAll().where('status', 'in', ['sent', 'in_progress']).where('contact_email', 'is not', null).orderBy('id').execute();
  for (const a of open) {
    const done = await db.selectFrom('oversee_reminders').select(['kind', 'outcome']).where('assessment_id', '=', a.id).execute();
    const plan = planReminder(a.due_at, now, new Set(done.filter((d) => d.outcome !== 'failed').map((d) => d.kind)));
    for (const kind of plan.skip) {
      await db.insertInto('oversee_reminders').values({ assessment_id: a.id, kind, outcome: 'skipped', at: now.toISOString() }).onConflict((oc) => oc.columns(['assessment_id', 'kind']).doNothing()).execute();
      run.skipped++;
    }
    if (!plan.send || !a.contact_email) continue;
    let outcome = 'sent';
    try {
      const link = await issueLink(store, a.id, { now, days: 14 });
      const mail = reminderText(a.title, plan.send, a.due_at, `${options.baseUrl.replace(/\/$/, '')}/portal/open/${link.token}`);
      await mailer.send({ to: a.contact_email, ...mail });
      run.sent++;
    } catch (err) {
      outcome = 'failed';
      run.failed++;
      run.errors.push(`${a.id}: ${plan.send}: ${err instanceof Error ? err.message.slice(0, 200) : 'send failed'}`);
    }
    const row = { assessment_id: a.id, kind: plan.send, outcome, at: now.toISOString() };
    await db.insertInto('oversee_reminders').values(row).onConflict((oc) => oc.columns(['assessment_id', 'kind']).doUpdateSet({ outcome, at: row.at })).execute();
  }
  return run;
}
