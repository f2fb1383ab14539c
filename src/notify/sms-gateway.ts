// The SMS channel's port and its one real adapter: a JSON POST to an HTTP SMS gateway with the
// credentials from config (WARDEN_SMS_URL, WARDEN_SMS_USER, WARDEN_SMS_TOKEN) and the notice's
// idempotency key, so a gateway that honours it drops a resend.
import { WardenError } from '../errors.ts';

export interface SmsMessage {
  to: string;
  text: string;
  key: string;
}

export interface SmsResult {
  ok: boolean;
  permanent: boolean;
  status: number;
  response: string;
}

export interface SmsGateway {
  send(message: SmsMessage): Promise<SmsResult>;
}

export interface HttpSmsConfig {
  url: string;
  user?: string | undefined;
  token?: string | undefined;
  timeoutMs?: number;
}

export function smsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HttpSmsConfig {
  const url = env.WARDEN_SMS_URL?.trim();
  // The value is never echoed: a gateway URL may carry a token.
  if (!url) throw new WardenError('bad_usage', 'not set: the SMS channel needs the URL of an HTTP SMS gateway', 'WARDEN_SMS_URL');
  if (!/^https?:\/\//.test(url)) throw new WardenError('bad_usage', 'must be an http(s) URL of the SMS gateway', 'WARDEN_SMS_URL');
  return { url, user: env.WARDEN_SMS_USER, token: env.WARDEN_SMS_TOKEN };
}

export class HttpSmsGateway implements SmsGateway {
  constructor(private readonly config: HttpSmsConfig) {}

  async send(message: SmsMessage): Promise<SmsResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': message.key };
    const { user, token } = this.config;
    if (user && token) headers.authorization = `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
    else if (token) headers.authorization = `Bearer ${token}`;
    try {
      const res = await fetch(this.config.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to: message.to, text: message.text, reference: message.key }),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
      });
      const response = (await res.text()).slice(0, 300);
      // 4xx other than 429 will not heal by retrying; 5xx and 429 may.
      return { ok: res.ok, permanent: !res.ok && res.status < 500 && res.status !== 429, status: res.status, response };
    } catch (err) {
      return { ok: false, permanent: false, status: 0, response: (err as Error).message };
    }
  }
}
