// One partition's detection: the same steps as the detect pipeline's DetectionRunner (event
// time, `warden.*` fields, Sigma engine, detections -> alert hits), with the per-actor history
// split so the cross-actor part comes from the shared GlobalContext. Pure: no I/O.
import { hitFor } from '../detect/detection-sink.ts';
import type { AlertHit } from '../detect/alert-merge.ts';
import type { ActorEventView } from '../detect/actor-context.ts';
import type { AccessEvent } from '../logs/access-event.ts';
import { type CompiledRuleSet, createEngine, type DetectionEngine } from '../sigma/index.ts';
import { type GlobalContext, PartitionContext } from './split-context.ts';

export class PartitionDetector {
  readonly context: PartitionContext;
  private readonly engine: DetectionEngine;

  constructor(ruleSet: CompiledRuleSet, global: GlobalContext) {
    this.engine = createEngine(ruleSet);
    this.context = new PartitionContext(global);
  }

  /** Pushes one event (call before the global fold of the same event); returns its hits. */
  push(event: AccessEvent, line: number): AlertHit[] {
    const timeMs = Date.parse(event.time);
    if (Number.isNaN(timeMs)) return [];
    const view = { ...event } as unknown as Record<string, unknown>;
    view.warden = this.context.observe(event as unknown as ActorEventView, timeMs);
    const detections = this.engine.push(view, { line, timeMs, id: event.id });
    return detections.map((d) => hitFor(d, event, timeMs));
  }
}
