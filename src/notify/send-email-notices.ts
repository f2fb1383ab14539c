// `notify send --channel email`: claims windows of queued ledger rows, renders each customer's
// notice in their locale and sends it through a pooled transport. Resumable and idempotent: sent
// rows are never claimed again; rows a killed run left `sending` are retried, so duplicates are
// bounded by the claimed windows (at most WINDOWS_IN_FLIGHT windows).
import type { Transporter } from 'nodemailer';
import { appendAudit } from '../audit/audit-log.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Store } from '../store/open-store.ts';
import { buildEmailMessage, noticeMessageId } from './email-message.ts';
import { countNotices, type NoticeTable } from './ledger-store.ts';
import { claimWindow, type Outcome, recordOutcomes } from './ledger-transitions.ts';
import { buildNoticeContext, type NoticeFacts, noticeLocale } from './notice-context.ts';
import { type CustomerNoticeInput, loadCustomerInputs, loadFakeDomains, loadNoticeFacts } from './notice-inputs.ts';
import type { OrgProfile } from './org-profile.ts';
import { backoffMs, classifySmtpError } from './smtp-outcome.ts';
import { TemplateRenderer } from './template-renderer.ts';

export interface SendEmailOptions {
  transport: Transporter;
  from: string;
  org: OrgProfile;
  actor: string;
  window?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  renderer?: TemplateRenderer;
  onProgress?: (done: number, total: number) => void;
}

export interface SendSummary {
  sent: number;
  failed: number;
  retried: number;
}

interface RunState {
  facts: NoticeFacts;
  fakeDomains: string[];
  renderer: TemplateRenderer;
  summary: SendSummary;
}

/** Claimed windows sending at once: with the window size, the bound on duplicates after a crash. */
export const WINDOWS_IN_FLIGHT = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sendOne(row: NoticeTable, input: CustomerNoticeInput | undefined, run: RunState, opts: SendEmailOptions): Promise<Outcome> {
  const base = { id: row.id, messageId: noticeMessageId(row.id, opts.org.domain) };
  const email = input?.customer.email;
  if (!input || !email) return { ...base, state: 'failed', attempts: row.attempts, lastError: input ? 'no email address on file' : 'customer not in the index', smtpResponse: null };
  const locale = noticeLocale(input.customer.locale);
  const ctx = buildNoticeContext({ locale, org: opts.org, customerName: input.customer.name, fields: input.fields, facts: run.facts, fakeDomains: run.fakeDomains, reference: row.id });
  const message = buildEmailMessage({ key: row.id, domain: opts.org.domain, from: opts.from, to: email, locale, rendered: run.renderer.renderEmail(ctx) });
  const maxAttempts = opts.maxAttempts ?? 4;
  let attempts = row.attempts;
  for (let tries = 1; ; tries++) {
    attempts++;
    try {
      const info = (await opts.transport.sendMail(message)) as { response?: string };
      run.summary.sent++;
      return { ...base, state: 'sent', attempts, lastError: null, smtpResponse: info.response ?? null };
    } catch (err) {
      const f = classifySmtpError(err);
      if (f.permanent || tries >= maxAttempts) {
        run.summary.failed++;
        const lastError = f.permanent ? `permanent: ${f.reason}` : `temporary failure after ${tries} tries: ${f.reason}`;
        return { ...base, state: 'failed', attempts, lastError, smtpResponse: f.code ? `${f.code}` : null };
      }
      run.summary.retried++;
      await sleep(backoffMs(opts.backoffBaseMs ?? 500, tries));
    }
  }
}

async function sendWindow(store: Store, keyring: Keyring, incidentId: string, rows: NoticeTable[], run: RunState, opts: SendEmailOptions): Promise<void> {
  const inputs = await loadCustomerInputs(store, keyring, incidentId, rows.map((r) => r.customer_id));
  const outcomes = await Promise.all(rows.map((r) => sendOne(r, inputs.get(r.customer_id), run, opts)));
  await recordOutcomes(store, outcomes);
}

export async function sendEmailNotices(store: Store, keyring: Keyring, incidentId: string, opts: SendEmailOptions): Promise<SendSummary> {
  const run: RunState = {
    facts: await loadNoticeFacts(store, incidentId),
    fakeDomains: await loadFakeDomains(store),
    renderer: opts.renderer ?? new TemplateRenderer(),
    summary: { sent: 0, failed: 0, retried: 0 },
  };
  const total = (await countNotices(store, incidentId, 'email')).queued;
  await appendAudit(store, { actor: opts.actor, action: 'notify.send', target: incidentId, details: { channel: 'email', pending: total } });
  const window = opts.window ?? 100;
  const inFlight: Promise<void>[] = [];
  let after = '';
  for (;;) {
    const rows = await claimWindow(store, incidentId, 'email', window, after);
    if (rows.length === 0) break;
    after = rows.at(-1)?.customer_id ?? after;
    inFlight.push(sendWindow(store, keyring, incidentId, rows, run, opts).then(() => opts.onProgress?.(run.summary.sent + run.summary.failed, total)));
    if (inFlight.length >= WINDOWS_IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  return run.summary;
}
