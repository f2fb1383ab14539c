// `notify send --channel sms`: the SMS alerts drafted by `notify draft --sms`, through the same
// claimed windows as email (resumable, idempotent; the ledger key is the gateway's idempotency
// key). Each phone is decrypted (the run is audited), put in E.164 form and sent a short text
// that names the official domain and carries no link and no name. A 4xx is permanent (failed);
// a 5xx, 429 or timeout is retried with backoff, then left queued for the next run; after
// GATEWAY_DOWN_AFTER such deferrals in a row the run stops claiming and tries no more.
import type { Keyring } from '../crypto/keyring.ts';
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import type { Outcome } from './ledger-outcomes.ts';
import type { ClaimedNotice } from './ledger-transitions.ts';
import { noticeLocale } from './notice-context.ts';
import type { CustomerNoticeInput } from './notice-inputs.ts';
import type { OrgProfile } from './org-profile.ts';
import type { SendSummary } from './send-email-notices.ts';
import { type ChannelRun, sendChannelNotices } from './send-notices.ts';
import { createPacer, type Pacer } from './send-pacer.ts';
import { deliverWithRetries, type TryResult } from './send-retry.ts';
import type { SmsGateway, SmsMessage } from './sms-gateway.ts';
import { smsRecipient } from './sms-recipient.ts';
import { checkSmsText } from './sms-text.ts';
import type { TemplateRenderer } from './template-renderer.ts';

export interface SendSmsOptions {
  gateway: SmsGateway;
  org: OrgProfile;
  actor: string;
  window?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  /** Requests to the gateway at once (default 5). */
  concurrency?: number;
  /** Messages per second (0 or absent = unlimited). */
  rate?: number;
  renderer?: TemplateRenderer;
  onProgress?: (done: number, total: number) => void;
}

export interface SmsSendSummary extends SendSummary {
  /** Left queued after temporary failures, for the next run. */
  deferred: number;
}

/** Deferrals in a row after which the gateway counts as down for the rest of the run. */
export const GATEWAY_DOWN_AFTER = 20;

interface SmsRun {
  pace: Pacer;
  deferredInARow: number;
}

async function trySms(gateway: SmsGateway, message: SmsMessage): Promise<TryResult> {
  const r = await gateway.send(message);
  const response = r.status ? `${r.status} ${r.response}`.trim() : null;
  return { ok: r.ok, permanent: r.permanent, response, reason: r.status ? `HTTP ${r.status} ${r.response}`.trim() : r.response };
}

/** The customer's text: rendered without their name or address (a number may have changed hands). */
function smsText(run: ChannelRun<SmsSendSummary>, locale: 'ja' | 'en', fields: string[], reference: string): string {
  return run.renderer.render('sms', run.context({ locale, customerName: '', fields, reference })).trim();
}

/** Refuses to start when a locale's template renders a text no SMS notice may carry. */
function checkTemplates(run: ChannelRun<SmsSendSummary>, org: OrgProfile): void {
  for (const locale of ['ja', 'en'] as const) {
    const problem = checkSmsText(smsText(run, locale, ['name'], 'preflight'), org.domain);
    if (problem) throw new WardenError('bad_input', problem, run.renderer.templateFile(locale, 'sms'));
  }
}

async function sendOne(row: ClaimedNotice, input: CustomerNoticeInput | undefined, run: ChannelRun<SmsSendSummary>, sms: SmsRun, opts: SendSmsOptions): Promise<Outcome> {
  const s = run.summary;
  const base = { id: row.id, messageId: null };
  const refuse = (lastError: string): Outcome => {
    s.failed++;
    return { ...base, state: 'failed', attempts: row.attempts, lastError, smtpResponse: null };
  };
  if (!input) return refuse('customer not in the index');
  const to = smsRecipient(input.customer.phone, input.customer.country);
  if (!to.ok) return refuse(`no SMS: ${to.reason}`);
  const text = smsText(run, noticeLocale(input.customer.locale), input.fields, row.id);
  const problem = checkSmsText(text, opts.org.domain);
  if (problem) return refuse(problem);
  if (sms.deferredInARow >= GATEWAY_DOWN_AFTER) {
    s.deferred++;
    return { ...base, state: 'queued', attempts: row.attempts, lastError: 'not tried: the gateway kept failing in this run', smtpResponse: null };
  }
  const policy = { maxAttempts: opts.maxAttempts ?? 4, backoffBaseMs: opts.backoffBaseMs ?? 500, onRetry: () => s.retried++ };
  const { result, attempts, tries } = await deliverWithRetries(() => sms.pace(() => trySms(opts.gateway, { to: to.to, text, key: row.id })), row.attempts, policy);
  if (result.ok || result.permanent) sms.deferredInARow = 0;
  if (result.ok) {
    s.sent++;
    return { ...base, state: 'sent', attempts, lastError: null, smtpResponse: result.response };
  }
  if (result.permanent) {
    s.failed++;
    return { ...base, state: 'failed', attempts, lastError: `permanent: ${result.reason}`, smtpResponse: result.response };
  }
  sms.deferredInARow++;
  s.deferred++;
  return { ...base, state: 'queued', attempts, lastError: `temporary failure after ${tries} tries: ${result.reason}`, smtpResponse: result.response };
}

export async function sendSmsNotices(store: Store, keyring: Keyring, incidentId: string, opts: SendSmsOptions): Promise<SmsSendSummary> {
  const sms: SmsRun = { pace: createPacer({ concurrency: opts.concurrency ?? 5, rate: opts.rate ?? 0 }), deferredInARow: 0 };
  return sendChannelNotices<SmsSendSummary>(store, keyring, incidentId, {
    channel: 'sms',
    org: opts.org,
    actor: opts.actor,
    summary: { sent: 0, failed: 0, retried: 0, deferred: 0 },
    window: opts.window,
    renderer: opts.renderer,
    onProgress: opts.onProgress,
    preflight: (run) => checkTemplates(run, opts.org),
    stop: () => sms.deferredInARow >= GATEWAY_DOWN_AFTER,
    sendOne: (row, input, run) => sendOne(row, input, run, sms, opts),
  });
}
