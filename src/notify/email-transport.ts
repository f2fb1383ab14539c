// Opens a pooled nodemailer transport from `--smtp URL` (smtp:// with opportunistic STARTTLS,
// smtps:// for implicit TLS; user:password in the URL; `?requireTLS=true`,
// `?rejectUnauthorized=false` for a test server) with a per-second rate limit.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { WardenError } from '../errors.ts';

export interface TransportOptions {
  maxConnections?: number;
  /** Messages per second across the pool; 0 or absent = unlimited. */
  rate?: number;
}

export function smtpPoolOptions(smtpUrl: string, opts: TransportOptions = {}): SMTPPool.Options {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new WardenError('bad_usage', `'${smtpUrl}' is not a URL (smtp://host:port or smtps://…)`, '--smtp');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new WardenError('bad_usage', 'must start with smtp:// or smtps://', '--smtp');
  const secure = url.protocol === 'smtps:';
  const options: SMTPPool.Options = {
    pool: true,
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    maxConnections: opts.maxConnections ?? 5,
    maxMessages: Number.POSITIVE_INFINITY,
    requireTLS: url.searchParams.get('requireTLS') === 'true',
    tls: { rejectUnauthorized: url.searchParams.get('rejectUnauthorized') !== 'false' },
  };
  if (url.username) options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  if (opts.rate && opts.rate > 0) {
    options.rateDelta = 1000;
    options.rateLimit = opts.rate;
  }
  return options;
}

export function createEmailTransport(smtpUrl: string, opts: TransportOptions = {}): Transporter {
  return nodemailer.createTransport(smtpPoolOptions(smtpUrl, opts));
}
