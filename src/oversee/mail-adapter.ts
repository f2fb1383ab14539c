// The smallest email port oversight needs (one message at a time) and its nodemailer adapter
// over an SMTP URL. Kept here until the notify module's email channel can take its place.
import nodemailer from 'nodemailer';

export interface OverseeMail {
  to: string;
  subject: string;
  text: string;
}

export interface OverseeMailer {
  send(mail: OverseeMail): Promise<void>;
  close(): void;
}

/** `smtp://host:port` (plain, for local relays and tests) or `smtps://…`; credentials in the URL. */
export function smtpMailer(url: string, from: string): OverseeMailer {
  const u = new URL(url);
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port || (u.protocol === 'smtps:' ? 465 : 25)),
    secure: u.protocol === 'smtps:',
    ignoreTLS: u.protocol === 'smtp:' && u.searchParams.get('starttls') !== 'require',
    ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
  });
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
