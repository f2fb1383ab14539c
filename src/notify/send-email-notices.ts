// `notify send --channel email`: claims windows of queued ledger rows, renders each customer's
// notice in their locale and sends it through a pooled transport. Resumable and idempotent: sent
// rows are never claimed again; rows a killed run left `sending` are retried, so duplicates are
// bounded by the claimed windows (at most WINDOWS_IN_FLIGHT windows). Temporary SMTP failures
// are retried with backoff and then marked failed, so those customers fall to the letter channel.
import type { Transporter } from 'nodemailer';
import type { Keyring } from '../crypto/keyring.ts';
import type { Store } from '../store/open-store.ts';
import { buildEmailMessage, noticeMessageId } from './email-message.ts';
import type { Outcome } from './ledger-outcomes.ts';
import type { ClaimedNotice } from './ledger-transitions.ts';
import { noticeLocale } from './notice-context.ts';
import type { CustomerNoticeInput } from './notice-inputs.ts';
import type { OrgProfile } from './org-profile.ts';
import { type ChannelRun, sendChannelNotices } from './send-notices.ts';
import { deliverWithRetries, type TryResult } from './send-retry.ts';
import { classifySmtpError } from './smtp-outcome.ts';
import type { TemplateRenderer } from './template-renderer.ts';

export { WINDOWS_IN_FLIGHT } from './send-notices.ts';

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

async function trySmtp(transport: Transporter, message: Parameters<Transporter['sendMail']>[0]): Promise<TryResult> {
  try {
    const info = (await transport.sendMail(message)) as { response?: string };
    return { ok: true, permanent: false, response: info.response ?? null, reason: '' };
  } catch (err) {
    const f = classifySmtpError(err);
    return { ok: false, permanent: f.permanent, response: f.code ? `${f.code}` : null, reason: f.reason };
  }
}

async function sendOne(row: ClaimedNotice, input: CustomerNoticeInput | undefined, run: ChannelRun<SendSummary>, opts: SendEmailOptions): Promise<Outcome> {
  const base = { id: row.id, messageId: noticeMessageId(row.id, opts.org.domain) };
  const email = input?.customer.email;
  if (!input || !email) {
    run.summary.failed++;
    return { ...base, state: 'failed', attempts: row.attempts, lastError: input ? 'no email address on file' : 'customer not in the index', smtpResponse: null };
  }
  const locale = noticeLocale(input.customer.locale);
  const ctx = run.context({ locale, customerName: input.customer.name, fields: input.fields, reference: row.id });
  const message = buildEmailMessage({ key: row.id, domain: opts.org.domain, from: opts.from, to: email, locale, rendered: run.renderer.renderEmail(ctx) });
  const policy = { maxAttempts: opts.maxAttempts ?? 4, backoffBaseMs: opts.backoffBaseMs ?? 500, onRetry: () => run.summary.retried++ };
  const { result, attempts, tries } = await deliverWithRetries(() => trySmtp(opts.transport, message), row.attempts, policy);
  if (result.ok) {
    run.summary.sent++;
    return { ...base, state: 'sent', attempts, lastError: null, smtpResponse: result.response };
  }
  run.summary.failed++;
  const lastError = result.permanent ? `permanent: ${result.reason}` : `temporary failure after ${tries} tries: ${result.reason}`;
  return { ...base, state: 'failed', attempts, lastError, smtpResponse: result.response };
}

export async function sendEmailNotices(store: Store, keyring: Keyring, incidentId: string, opts: SendEmailOptions): Promise<SendSummary> {
  return sendChannelNotices<SendSummary>(store, keyring, incidentId, {
    channel: 'email',
    org: opts.org,
    actor: opts.actor,
    summary: { sent: 0, failed: 0, retried: 0 },
    window: opts.window,
    renderer: opts.renderer,
    onProgress: opts.onProgress,
    sendOne: (row, input, run) => sendOne(row, input, run, opts),
  });
}
