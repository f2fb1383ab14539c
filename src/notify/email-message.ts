// Builds one notice email: stable Message-ID from the ledger key (so a resend is recognisably the
// same notice), the idempotency key in its own header, text and HTML parts. Pure.
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { NoticeLocale } from './category-labels.ts';
import type { RenderedEmail } from './template-renderer.ts';

export const IDEMPOTENCY_HEADER = 'X-Warden-Idempotency-Key';

export function noticeMessageId(key: string, domain: string): string {
  return `<notice-${key}@${domain}>`;
}

export function buildEmailMessage(input: { key: string; domain: string; from: string; to: string; locale: NoticeLocale; rendered: RenderedEmail }): Mail.Options {
  return {
    from: input.from,
    to: input.to,
    subject: input.rendered.subject,
    text: input.rendered.text,
    html: input.rendered.html,
    messageId: noticeMessageId(input.key, input.domain),
    headers: { [IDEMPOTENCY_HEADER]: input.key, 'Content-Language': input.locale, 'Auto-Submitted': 'auto-generated' },
  };
}
