// One partition's detection, with the detect pipeline's own pieces: a DetectionRunner (event
// time, `warden.*` fields from an ActorContext, Sigma engine) for the partition's events, and
// the same ActorContext observing every other partition's events (as history views) in order,
// so its cross-account history equals the single process's. Pure: no I/O.
import type { ActorEventView } from '../detect/actor-context.ts';
import { ActorContext } from '../detect/actor-context.ts';
import type { AlertHit } from '../detect/alert-merge.ts';
import { hitFor } from '../detect/detection-sink.ts';
import { DetectionRunner, timeValueMs } from '../detect/detection-runner.ts';
import type { AccessEvent } from '../logs/access-event.ts';
import type { CompiledRuleSet } from '../sigma/index.ts';

export class PartitionDetector {
  readonly context = new ActorContext();
  private readonly runner: DetectionRunner;

  constructor(ruleSet: CompiledRuleSet) {
    this.runner = new DetectionRunner(ruleSet, { actorContext: this.context });
  }

  /** Detects over one of the partition's own events; returns its alert hits. */
  push(event: AccessEvent, line: number): AlertHit[] {
    const r = this.runner.push({ ...event } as unknown as Record<string, unknown>, line);
    return r.ok ? r.detections.map((d) => hitFor(d, event, r.timeMs)) : [];
  }

  /** Folds another partition's event into the history (no detection). */
  observe(view: ActorEventView): void {
    const t = timeValueMs(view.time);
    if (!Number.isNaN(t)) this.context.observe(view, t);
  }
}
