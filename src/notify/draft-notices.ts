// Drafts an incident's customer notices into the delivery ledger: email for customers with an
// email address on file, a letter for the rest; with `sms`, also an SMS alert for every affected
// customer with a phone number on file, on top of (never instead of) their email or letter, since
// a text cannot carry everything a notice must say. Idempotent (rows are keyed); reads no PII
// values, only whether an email or phone is on file (their keyed hashes): no decryption.
import { appendAudit } from '../audit/audit-log.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { getIncident } from '../incidents/incident-store.ts';
import type { Store } from '../store/open-store.ts';
import { countNotices, type DraftRow, insertDrafts, type NoticeCounts } from './ledger-store.ts';
import { noticeLocale } from './notice-context.ts';

export interface DraftSummary {
  drafted: number;
  email: number;
  letter: number;
  /** SMS alerts drafted besides the notices (only when asked for). */
  sms?: number;
}

export interface DraftOptions {
  sms?: boolean;
}

export async function draftNotices(store: Store, _keyring: Keyring | undefined, incidentId: string, actor: string, opts: DraftOptions = {}): Promise<DraftSummary> {
  await getIncident(store, incidentId);
  const summary: DraftSummary = { drafted: 0, email: 0, letter: 0, ...(opts.sms ? { sms: 0 } : {}) };
  let after = '';
  for (;;) {
    const page = await store.db
      .selectFrom('affected')
      .innerJoin('customers', 'customers.id', 'affected.customer_id')
      .select(['affected.customer_id as id', 'customers.email_hmac as email', 'customers.phone_hmac as phone', 'customers.locale as locale'])
      .where('affected.incident_id', '=', incidentId)
      .where('affected.customer_id', '>', after)
      .orderBy('affected.customer_id')
      .limit(2000)
      .execute();
    if (page.length === 0) break;
    const rows: DraftRow[] = page.map((r) => ({ incidentId, customerId: r.id, channel: r.email ? 'email' : 'letter', locale: noticeLocale(r.locale) }));
    for (const r of rows) summary[r.channel === 'email' ? 'email' : 'letter']++;
    summary.drafted += rows.length;
    if (opts.sms) {
      const texts = page.filter((r) => r.phone).map((r): DraftRow => ({ incidentId, customerId: r.id, channel: 'sms', locale: noticeLocale(r.locale) }));
      summary.sms = (summary.sms ?? 0) + texts.length;
      rows.push(...texts);
    }
    await insertDrafts(store, rows);
    after = page.at(-1)?.id ?? after;
  }
  await appendAudit(store, { actor, action: 'notify.draft', target: incidentId, details: { ...summary } });
  return summary;
}

/** Ledger counts for the API and dashboard: `{queued, sent, failed, bounced}` over every channel. */
export async function noticeCounts(store: Store, incidentId: string): Promise<NoticeCounts> {
  const { queued, sent, failed, bounced } = await countNotices(store, incidentId);
  return { queued, sent, failed, bounced };
}
