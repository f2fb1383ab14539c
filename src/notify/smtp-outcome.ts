// Classifies an SMTP send failure: 5xx replies are permanent (the notice is marked failed with
// the server's reason), 4xx replies and connection trouble are temporary (retried with backoff).
export interface SmtpFailure {
  permanent: boolean;
  code: number | null;
  reason: string;
}

export function classifySmtpError(err: unknown): SmtpFailure {
  const e = err as { responseCode?: unknown; response?: unknown; message?: unknown; code?: unknown };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const text = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(err);
  const reason = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  if (code !== null) return { permanent: code >= 500, code, reason };
  // Errors without a reply code: the connection or the envelope. A bad envelope never heals.
  return { permanent: e.code === 'EENVELOPE', code: null, reason };
}

export function backoffMs(base: number, attempt: number): number {
  return base * 2 ** Math.max(0, attempt - 1);
}
