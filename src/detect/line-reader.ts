// Reads a text stream as batches of lines (one batch per chunk read), without readline's
// per-line overhead: the detection hot path and its benchmark floor share this splitter.
// Handles CRLF and a last line without a newline. The only I/O here is consuming the stream.
import type { Readable } from 'node:stream';

export async function* readLineBatches(input: Readable): AsyncGenerator<string[]> {
  input.setEncoding('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest + chunk;
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as string;
      if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
    }
    if (lines.length > 0) yield lines;
  }
  if (rest !== '') yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}
