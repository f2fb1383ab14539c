// Paces a channel's requests: at most `concurrency` at once and, with a rate, starts spaced at
// least 1/rate seconds apart. SMS gateways meter both; the SMTP pool does its own pacing.
export type Pacer = <T>(task: () => Promise<T>) => Promise<T>;

export interface PacerOptions {
  concurrency: number;
  /** Starts per second; 0 or absent = unlimited. */
  rate?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createPacer(opts: PacerOptions): Pacer {
  const limit = Math.max(1, opts.concurrency);
  const spacing = opts.rate && opts.rate > 0 ? 1000 / opts.rate : 0;
  const waiting: Array<() => void> = [];
  let running = 0;
  let nextStart = 0;
  const acquire = async (): Promise<void> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    if (spacing === 0) return;
    // Reserve the next start slot before waiting, so concurrent callers queue behind each other.
    const start = Math.max(Date.now(), nextStart);
    nextStart = start + spacing;
    if (start > Date.now()) await sleep(start - Date.now());
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async (task) => {
    await acquire();
    try {
      return await task();
    } finally {
      release();
    }
  };
}
