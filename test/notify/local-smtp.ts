// A real SMTP server (smtp-server) for the tests: records every message it accepts (parsed with
// mailparser), and can reject or defer chosen recipients and slow down each message.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string;
  key: string;
  messageId: string;
  language: string;
  mail: ParsedMail;
}

export interface LocalSmtp {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export interface SmtpBehaviour {
  /** Recipients refused with a 550 at RCPT TO. */
  reject?: Set<string>;
  /** Recipients answered 451 this many times before they are accepted. */
  defer?: Map<string, number>;
  /** Delay before accepting each message, ms. */
  delayMs?: number;
  /** Do not parse messages (benchmarks): record only the count. */
  countOnly?: boolean;
}

export async function startSmtp(behaviour: SmtpBehaviour = {}): Promise<LocalSmtp & { count: () => number; connectionErrors: Error[] }> {
  const received: Received[] = [];
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      const rcpt = address.address;
      if (behaviour.reject?.has(rcpt)) return cb(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      const left = behaviour.defer?.get(rcpt) ?? 0;
      if (left > 0) {
        behaviour.defer?.set(rcpt, left - 1);
        return cb(Object.assign(new Error('4.2.1 try again later'), { responseCode: 451 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        count++;
        if (!behaviour.countOnly) {
          const mail = await simpleParser(Buffer.concat(chunks));
          const rcpt = session.envelope.rcptTo.map((r) => r.address).join(',');
          received.push({ to: rcpt, key: String(mail.headers.get('x-warden-idempotency-key') ?? ''), messageId: mail.messageId ?? '', language: String(mail.headers.get('content-language') ?? ''), mail });
        }
        if (behaviour.delayMs) setTimeout(() => cb(null), behaviour.delayMs);
        else cb(null);
      });
    },
  });
  // A client that vanishes mid-session (the kill -9 test's sender) resets its connection; the
  // server reports that as an 'error' event, which would otherwise be thrown as uncaught.
  const connectionErrors: Error[] = [];
  server.on('error', (err: Error) => connectionErrors.push(err));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    count: () => count,
    connectionErrors,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
