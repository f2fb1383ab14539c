// The imperative shell of phishwatch: streams a feed file line by line (constant memory),
// hands each line to the pure extractors and matcher, reports hits (each domain/brand once,
// at its first line), malformed lines and progress through callbacks. .eml files or folders
// of them are parsed whole, one message at a time.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WardenError } from '../errors.ts';
import { type BrandHit, type BrandIndex, matchHost } from './brand-matcher.ts';
import { namesInEml } from './eml-names.ts';
import { type LineFormat, namesInLine } from './feed-lines.ts';

export type FeedFormat = LineFormat | 'eml' | 'auto';
export const FEED_FORMATS: readonly FeedFormat[] = ['auto', 'certstream', 'domains', 'urls', 'eml'];

export interface FeedHit extends BrandHit {
  line: number;
  /** The file the hit came from (a folder of .eml files has several). */
  file: string;
}

export interface FeedStats {
  lines: number;
  names: number;
  hits: number;
  malformed: number;
}

export interface FeedCallbacks {
  onHit(hit: FeedHit): void;
  onMalformed?(where: string, message: string): void;
  /** Called about every `progressEvery` lines. */
  onProgress?(stats: FeedStats): void;
  progressEvery?: number;
}

function guessFormat(firstLine: string): LineFormat {
  const t = firstLine.trim();
  if (t.startsWith('{')) return 'certstream';
  return t.includes('://') || t.startsWith('hxxp') ? 'urls' : 'domains';
}

class HitSink {
  private readonly seen = new Set<string>();
  constructor(
    private readonly cb: FeedCallbacks,
    readonly stats: FeedStats,
  ) {}

  offer(hit: BrandHit | null, file: string, line: number): void {
    if (!hit) return;
    const key = `${hit.domain}|${hit.brand}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.stats.hits++;
    this.cb.onHit({ ...hit, line, file });
  }
}

/** Lines of a file in batches, split on LF (CR dropped), one chunk in memory at a time. */
async function* lineBatches(path: string): AsyncGenerator<string[]> {
  let carry = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (carry + (chunk as string)).split('\n');
    carry = lines.pop() ?? '';
    yield lines;
  }
  if (carry !== '') yield [carry];
}

async function scanLines(path: string, format: FeedFormat, index: BrandIndex, sink: HitSink, cb: FeedCallbacks) {
  const stats = sink.stats;
  const every = cb.progressEvery ?? 250_000;
  let lineFormat: LineFormat | undefined = format === 'auto' || format === 'eml' ? undefined : format;
  let n = 0;
  for await (const batch of lineBatches(path)) {
    for (const raw of batch) {
      n++;
      stats.lines++;
      if (stats.lines % every === 0) cb.onProgress?.(stats);
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (lineFormat === undefined) {
        if (line.trim() === '') continue;
        lineFormat = guessFormat(line);
      }
      const r = namesInLine(line, lineFormat);
      if ('skip' in r) continue;
      if ('error' in r) {
        stats.malformed++;
        cb.onMalformed?.(`${path}:${n}`, r.error);
        continue;
      }
      for (const host of r.hosts) {
        stats.names++;
        sink.offer(matchHost(index, host), path, n);
      }
    }
  }
}

async function scanEml(path: string, index: BrandIndex, sink: HitSink, cb: FeedCallbacks) {
  const info = await stat(path);
  const files = info.isDirectory()
    ? (await readdir(path)).filter((f) => f.toLowerCase().endsWith('.eml')).sort().map((f) => join(path, f))
    : [path];
  for (const file of files) {
    sink.stats.lines++;
    try {
      for (const name of await namesInEml(await readFile(file))) {
        sink.stats.names++;
        sink.offer(matchHost(index, name.host), file, name.line);
      }
    } catch (err) {
      sink.stats.malformed++;
      cb.onMalformed?.(file, `not a readable message: ${(err as Error).message}`);
    }
  }
}

/** Scans one feed; resolves with the counts. Throws WardenError only when the file is missing. */
export async function scanFeed(path: string, format: FeedFormat, index: BrandIndex, cb: FeedCallbacks): Promise<FeedStats> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new WardenError('bad_input', 'no such file', path);
  const stats: FeedStats = { lines: 0, names: 0, hits: 0, malformed: 0 };
  const sink = new HitSink(cb, stats);
  const eml = format === 'eml' || (format === 'auto' && (info.isDirectory() || path.toLowerCase().endsWith('.eml')));
  if (eml) await scanEml(path, index, sink, cb);
  else await scanLines(path, format, index, sink, cb);
  return stats;
}
