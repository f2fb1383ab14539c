// One notice's delivery attempts, whatever the channel: try, and on a temporary failure wait
// with exponential backoff and try again, up to a limit. A permanent failure stops at once.
// The channel says what each try came to; this module only counts and waits.
import { backoffMs } from './smtp-outcome.ts';

export interface TryResult {
  ok: boolean;
  permanent: boolean;
  /** The server's answer, kept in the ledger (SMTP reply, gateway status and body). */
  response: string | null;
  /** Why it failed, in one line. */
  reason: string;
}

export interface RetryPolicy {
  maxAttempts: number;
  backoffBaseMs: number;
  onRetry?: () => void;
}

export interface Delivery {
  result: TryResult;
  /** Ledger attempts after this run (earlier runs' attempts included). */
  attempts: number;
  /** Tries in this run. */
  tries: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function deliverWithRetries(attempt: () => Promise<TryResult>, priorAttempts: number, policy: RetryPolicy): Promise<Delivery> {
  for (let tries = 1; ; tries++) {
    const result = await attempt();
    if (result.ok || result.permanent || tries >= policy.maxAttempts) return { result, attempts: priorAttempts + tries, tries };
    policy.onRetry?.();
    await sleep(backoffMs(policy.backoffBaseMs, tries));
  }
}
