// Reads a bounce (an RFC 3464 delivery status notification) with mailparser and extracts what
// the ledger needs: which notice (idempotency key, else Message-ID of the returned original),
// the failed recipient, the action and status. No I/O beyond parsing the given bytes.
import { simpleParser } from 'mailparser';

export interface BounceReport {
  key: string | null;
  messageId: string | null;
  recipient: string | null;
  action: string | null;
  status: string | null;
  diagnostic: string | null;
  /** A permanent delivery failure (Action: failed, or a 5.x.x status). */
  permanent: boolean;
}

function header(text: string, name: string): string | null {
  const m = new RegExp(`^${name}:[ \\t]*(.+(?:\\r?\\n[ \\t]+.+)*)`, 'im').exec(text);
  return m?.[1] ? m[1].replace(/\s+/g, ' ').trim() : null;
}

export async function parseBounce(raw: Buffer | string): Promise<BounceReport> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const parts = mail.attachments.map((a) => ({ type: a.contentType.toLowerCase(), text: a.content.toString('utf8') }));
  // mailparser keeps a message/delivery-status part inline with the text; take it from either.
  const status = parts.find((p) => p.type === 'message/delivery-status')?.text ?? mail.text ?? '';
  const original = parts.find((p) => p.type === 'message/rfc822' || p.type === 'text/rfc822-headers')?.text ?? '';
  const body = `${status}\n${original}\n${mail.text ?? ''}`;
  const recipientRaw = header(status, 'Final-Recipient') ?? header(status, 'Original-Recipient');
  const action = header(status, 'Action')?.toLowerCase() ?? null;
  const code = header(status, 'Status');
  const messageIdRaw = header(original, 'Message-ID') ?? header(body, 'Message-ID');
  return {
    key: header(body, 'X-Warden-Idempotency-Key'),
    messageId: messageIdRaw ? (messageIdRaw.match(/<[^>]+>/)?.[0] ?? messageIdRaw) : null,
    recipient: recipientRaw ? recipientRaw.replace(/^rfc822;\s*/i, '') : null,
    action,
    status: code,
    diagnostic: header(status, 'Diagnostic-Code'),
    permanent: action === 'failed' || /^5\./.test(code ?? ''),
  };
}
