// The streaming pipeline of `warden detect`: batches of lines -> log adapter (given, or sniffed
// from the first lines) -> detection runner -> detections, in input order. Malformed lines are
// reported with their line number and counted; the stream goes on. No I/O of its own.
import { WardenError } from '../errors.ts';
import { adapterFor, sniffFormat } from '../logs/adapters/registry.ts';
import type { FieldMapping, LineParser, LogAdapter, ParseResult } from '../logs/log-adapter.ts';
import type { CompiledRuleSet, Detection } from '../sigma/index.ts';
import { DetectionRunner } from './detection-runner.ts';

export interface DetectStreamOptions {
  ruleSet: CompiledRuleSet;
  format?: string | undefined; // a --format name, or 'auto' (default)
  source: string;
  mapping?: FieldMapping | undefined;
  timeField?: string | undefined;
  maxDisorderMs?: number;
  where?: string; // the input's name, for errors
  onDetection(d: Detection): void;
  onMalformed(line: number, reason: string): void;
  /** Called after each batch of lines: where a writer waits for its output to drain. */
  afterBatch?(): Promise<void>;
}

export interface DetectStats {
  format: string;
  lines: number;
  events: number;
  malformed: number;
  detections: number;
}

const SNIFF_LINES = 5;
/** Lines parsed before they are delivered (see the main loop). */
const RUN = 32;
const SKIP: ParseResult = { ok: 'skip' };

/** Formats whose rules (SigmaHQ's) name the source's own fields at the top level. */
const HOISTED_FORMATS: ReadonlySet<string> = new Set(['evtx-json']);

export async function detectStream(
  batches: AsyncIterable<string[]>,
  opts: DetectStreamOptions,
): Promise<DetectStats> {
  const stats: DetectStats = {
    format: opts.format ?? 'auto',
    lines: 0,
    events: 0,
    malformed: 0,
    detections: 0,
  };
  let parser: LineParser | undefined;
  let runner: DetectionRunner | undefined;
  const pending: string[] = [];

  const start = (adapter: LogAdapter) => {
    stats.format = adapter.format;
    parser = adapter.open({ source: opts.source, mapping: opts.mapping });
    runner = new DetectionRunner(opts.ruleSet, {
      timeField: opts.timeField,
      hoistRaw: HOISTED_FORMATS.has(adapter.format),
      ...(opts.maxDisorderMs === undefined ? {} : { maxDisorderMs: opts.maxDisorderMs }),
    });
  };
  const sniffed = (): LogAdapter => {
    const found = sniffFormat(pending);
    if (!found)
      throw new WardenError(
        'bad_input',
        'cannot tell the log format from its first lines: pass --format',
        opts.where ?? 'input',
      );
    return found;
  };
  const emit = (d: Detection) => {
    stats.detections++;
    opts.onDetection(d);
  };
  const handle = (text: string, lineNo: number) => {
    deliver((parser as LineParser).parse(text, lineNo), lineNo);
  };
  const deliver = (r: ParseResult, lineNo: number) => {
    if (r.ok === 'skip') return;
    if (r.ok === false) {
      stats.malformed++;
      opts.onMalformed(lineNo, r.reason);
      return;
    }
    const pushed = (runner as DetectionRunner).push(
      r.event as unknown as Record<string, unknown>,
      lineNo,
    );
    if (!pushed.ok) {
      stats.malformed++;
      opts.onMalformed(lineNo, pushed.reason);
      return;
    }
    stats.events++;
    const found = pushed.detections;
    for (let i = 0; i < found.length; i++) emit(found[i] as Detection);
  };

  if (opts.format && opts.format !== 'auto') start(adapterFor(opts.format));
  const parsed: ParseResult[] = new Array(RUN).fill(SKIP);
  for await (const batch of batches) {
    if (parser) {
      // Runs of RUN lines are parsed, then delivered in order: the parser and the engine each
      // find their own data in the CPU caches (bench/detect-pack.ts, interleaved: 1.53x -> ~1.5x
      // the floor). Short runs, so the parsed objects die young: whole batches of thousands of
      // lines made the pipeline twice as slow (parsed objects promoted out of the young space).
      const p = parser;
      for (let from = 0; from < batch.length; from += RUN) {
        const to = Math.min(batch.length, from + RUN);
        const first = stats.lines + 1;
        for (let i = from; i < to; i++)
          parsed[i - from] = p.parse(batch[i] as string, first + i - from);
        for (let i = from; i < to; i++) {
          deliver(parsed[i - from] as ParseResult, first + i - from);
          parsed[i - from] = SKIP;
        }
        stats.lines += to - from;
      }
      if (opts.afterBatch) await opts.afterBatch();
      continue;
    }
    for (const text of batch) {
      const lineNo = ++stats.lines;
      if (parser) {
        handle(text, lineNo);
        continue;
      }
      pending.push(text);
      if (pending.length < SNIFF_LINES) continue;
      start(sniffed());
      for (const [i, l] of pending.entries()) handle(l, i + 1);
      pending.length = 0;
    }
    if (opts.afterBatch) await opts.afterBatch();
  }
  if (!parser && pending.length > 0) {
    start(sniffed());
    for (const [i, l] of pending.entries()) handle(l, i + 1);
  }
  for (const d of runner?.flush() ?? []) emit(d);
  return stats;
}
