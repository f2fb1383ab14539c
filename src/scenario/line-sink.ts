// Writes lines to a file through one reused buffer that each line is encoded straight into.
// The scenario writes about 2 GB of log lines: building megabyte strings by concatenation
// (flattened, then encoded) or handing a fresh buffer to a stream for every megabyte (external
// memory the GC keeps chasing) cost several times more. The writes are synchronous: the
// generator is CPU-bound and the page cache takes them, and the demo CLI is its only caller.
import { closeSync, openSync, writeSync } from 'node:fs';

const SIZE = 1 << 20;

export class LineSink {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(SIZE);
  private at = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  /** Adds `text` (its line break included). */
  add(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit: check that bound, not the exact length.
    if (this.at + text.length * 3 > SIZE) this.flush();
    if (text.length * 3 > SIZE) writeSync(this.fd, text);
    else this.at += this.buf.write(text, this.at);
  }

  private flush(): void {
    let done = 0;
    while (done < this.at) done += writeSync(this.fd, this.buf, done, this.at - done);
    this.at = 0;
  }

  end(): void {
    this.flush();
    closeSync(this.fd);
  }
}
