// One event in, detections out: reads the event time (`--time-field`, default `time`), adds the
// Warden extension fields (`warden.*`, actor-context.ts), lifts raw fields to the top level for
// formats whose rules expect them there (Windows events), and pushes into the Sigma engine.
// Shared by `warden detect` and the detection sink of `warden ingest`. No I/O.
import { type CompiledRuleSet, createEngine, type Detection, type DetectionEngine } from '../sigma/index.ts';
import { timeTextMs } from '../logs/iso-time.ts';
import { ActorContext, type ActorEventView } from './actor-context.ts';

export interface RunnerOptions {
  timeField?: string | undefined;
  /**
   * Lift `raw.*` to the top level (evtx-json: SigmaHQ rules name EventID, Image, … directly):
   * always, never, or 'windows' for events whose raw fields are a flattened Windows event.
   */
  hoistRaw?: boolean | 'windows';
  maxDisorderMs?: number;
  actorContext?: ActorContext;
}

export type PushResult = { ok: true; detections: Detection[]; timeMs: number } | { ok: false; reason: string };

/** Epoch ms of a time value: ISO strings, or numbers (ms; seconds when below 1e11). */
export function timeValueMs(v: unknown): number {
  if (typeof v === 'number') return v < 1e11 ? v * 1000 : v;
  if (typeof v === 'string') return timeTextMs(v);
  return Number.NaN;
}

function readPath(obj: Record<string, unknown>, path: string): unknown {
  if (path in obj) return obj[path];
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export class DetectionRunner {
  readonly context: ActorContext;
  private readonly engine: DetectionEngine;
  private readonly timeField: string;
  private readonly hoistRaw: boolean | 'windows';

  constructor(ruleSet: CompiledRuleSet, options: RunnerOptions = {}) {
    this.engine = createEngine(ruleSet, options.maxDisorderMs === undefined ? {} : { maxDisorderMs: options.maxDisorderMs });
    this.timeField = options.timeField ?? 'time';
    this.hoistRaw = options.hoistRaw ?? false;
    this.context = options.actorContext ?? new ActorContext();
  }

  /** Pushes one event (it gains a `warden` object); returns the detections it completed. */
  push(event: Record<string, unknown>, line: number): PushResult {
    const timeMs = timeValueMs(readPath(event, this.timeField));
    if (Number.isNaN(timeMs)) return { ok: false, reason: `${this.timeField}: missing or not a time` };
    if (typeof event.time === 'string') event.warden = this.context.observe(event as unknown as ActorEventView, timeMs);
    const raw = event.raw as Record<string, unknown> | undefined;
    const hoist = this.hoistRaw === 'windows' ? raw?.EventID !== undefined && raw.Channel !== undefined : this.hoistRaw;
    const view = hoist && raw && typeof raw === 'object' ? { ...raw, ...event } : event;
    const id = typeof event.id === 'string' ? event.id : undefined;
    const detections = this.engine.push(view, id === undefined ? { line, timeMs } : { line, timeMs, id });
    return { ok: true, detections, timeMs };
  }

  flush(): Detection[] {
    return this.engine.flush();
  }
}
