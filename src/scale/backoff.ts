// Retry with exponential backoff and jitter for the workers' loops: a restarting NATS or
// PostgreSQL makes a step fail for a while; the step is retried until it succeeds or the
// worker is told to stop. Counts every failure through the given callback.

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  stopped?: () => boolean;
  onError?: (err: unknown, attempt: number, waitMs: number) => void;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `step` until it resolves; returns undefined only when stopped first. */
export async function withBackoff<T>(step: () => Promise<T>, o: BackoffOptions = {}): Promise<T | undefined> {
  let wait = o.initialMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (o.stopped?.()) return undefined;
      const jittered = Math.round(wait * (0.5 + Math.random() / 2));
      o.onError?.(err, attempt, jittered);
      await sleep(jittered);
      wait = Math.min(wait * 2, o.maxMs ?? 5000);
    }
  }
}
