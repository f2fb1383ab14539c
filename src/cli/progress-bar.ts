// A progress bar on stderr for long work, only when stderr is a terminal (never in pipes/CI).
import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(label: string, unit = 'MB'): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`,
    hideCursor: true,
  });
  let started = false;
  const scale = unit === 'MB' ? 1 / 1e6 : 1;
  return {
    update(done, total) {
      const t = Math.max(1, Math.round(total * scale));
      if (!started) {
        bar.start(t, 0);
        started = true;
      }
      bar.setTotal(t);
      bar.update(Math.min(t, Math.round(done * scale)));
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
