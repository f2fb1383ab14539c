// The streaming detection engine: pushes each event through the rule index and the compiled
// rules, reports single-event detections for rules that generate them, and feeds matches to the
// correlators (and correlation hits to correlations built on them). Event time comes from
// `meta.timeMs`; the watermark trails the latest time by `maxDisorderMs` to tolerate disorder.
import type { CompiledRuleSet } from './compile-rule-set.ts';
import type { CorrelationHit } from './correlation/correlator.ts';
import { Correlator } from './correlation/correlator.ts';
import { beginEvent } from './event-scratch.ts';
import { compileFieldReader } from './field-lookup.ts';
import type { Detection, EngineStats, EventMeta } from './types.ts';

export interface DetectionEngine {
  push(event: Record<string, unknown>, meta: EventMeta): Detection[];
  flush(): Detection[];
  stats(): EngineStats;
}

export interface EngineOptions {
  /** How far behind the latest event time an event may arrive and still correlate (default 60 s). */
  maxDisorderMs?: number;
  /** Cap on `lines` / `eventIds` carried by one correlation detection (default 10,000). */
  maxEvidence?: number;
}

export function createEngine(
  ruleSet: CompiledRuleSet,
  options: EngineOptions = {},
): DetectionEngine {
  const disorder = options.maxDisorderMs ?? 60_000;
  const maxEvidence = options.maxEvidence ?? 10_000;
  const correlators = ruleSet.correlations.map((c) => new Correlator(c));
  const readTime = ruleSet.timeField ? compileFieldReader(ruleSet.timeField) : null;
  const s: EngineStats = {
    events: 0,
    ruleEvaluations: 0,
    ruleMatches: 0,
    detections: 0,
    correlationGroups: 0,
    correlationEntries: 0,
    lateEvents: 0,
  };
  let maxTime = Number.NEGATIVE_INFINITY;
  // Most events complete no detection: they all get this one empty array (never mutated; an
  // array is allocated only when there is something to report).
  const NONE: Detection[] = Object.freeze([]) as unknown as Detection[];
  let out: Detection[] = NONE;
  const emit = (d: Detection) => {
    if (out === NONE) out = [];
    out.push(d);
  };
  let current: Record<string, unknown> = {};
  // Rules matched by the current event: matched[0..nMatched). Never truncated: setting an
  // array's length to 0 drops its storage, which the next event's pushes allocate again.
  const matched: number[] = [];
  let nMatched = 0;
  const rules = ruleSet.rules;
  const visit = (i: number, proven: boolean) => {
    if (proven) {
      matched[nMatched++] = i;
      return;
    }
    s.ruleEvaluations++;
    if ((rules[i] as (typeof rules)[number]).test(current)) matched[nMatched++] = i;
  };

  const emitHits = (ci: number, hits: CorrelationHit[], watermark: number) => {
    const cc = ruleSet.correlations[ci];
    if (!cc) return;
    for (const h of hits) {
      const lines = h.entries
        .flatMap((e) => e.lines)
        .sort((a, b) => a - b)
        .slice(0, maxEvidence);
      const ids = h.entries.flatMap((e) => e.ids).slice(0, maxEvidence);
      const firstMs = (h.entries[0] as { t: number }).t;
      const lastMs = (h.entries[h.entries.length - 1] as { t: number }).t;
      if (cc.emits) {
        s.detections++;
        emit({
          kind: 'correlation',
          rule: cc.key,
          title: cc.corr.title,
          level: cc.corr.level,
          correlation: cc.corr.type,
          group: h.group,
          first: new Date(firstMs).toISOString(),
          last: new Date(lastMs).toISOString(),
          firstMs,
          lastMs,
          count: h.entries.length,
          lines,
          eventIds: ids,
        });
      }
      for (const con of ruleSet.correlationConsumers[ci] ?? []) {
        const next = (correlators[con.corr] as Correlator).add(
          con.ref,
          h.group,
          lastMs,
          lines,
          ids,
          watermark,
        );
        emitHits(con.corr, next, watermark);
      }
    }
  };

  return {
    push(event, meta) {
      s.events++;
      out = NONE;
      nMatched = 0;
      current = event;
      beginEvent();
      ruleSet.index.candidates(event, visit);
      s.ruleMatches += nMatched;
      let t = meta.timeMs;
      if (!Number.isFinite(t) && readTime) t = Date.parse(String(readTime(event)));
      if (Number.isFinite(t) && t > maxTime) maxTime = t;
      const watermark = maxTime - disorder;
      if (Number.isFinite(t) && t < watermark) s.lateEvents++;
      for (let m = 0; m < nMatched; m++) {
        const i = matched[m] as number;
        const r = rules[i] as (typeof rules)[number];
        if (ruleSet.ruleEmits[i]) {
          s.detections++;
          const d: Detection = {
            kind: 'rule',
            rule: r.key,
            title: r.rule.title,
            level: r.rule.level,
            line: meta.line,
          };
          if (meta.id !== undefined) d.eventId = meta.id;
          emit(d);
        }
        if (!Number.isFinite(t)) continue;
        for (const con of ruleSet.ruleConsumers[i] ?? []) {
          const hits = (correlators[con.corr] as Correlator).add(
            con.ref,
            event,
            t,
            [meta.line],
            meta.id === undefined ? [] : [meta.id],
            watermark,
          );
          emitHits(con.corr, hits, watermark);
        }
      }
      for (let ci = 0; ci < correlators.length; ci++) {
        const hits = (correlators[ci] as Correlator).advance(watermark);
        if (hits.length) emitHits(ci, hits, watermark);
      }
      return out;
    },
    flush() {
      out = NONE;
      for (const [ci, c] of correlators.entries())
        emitHits(ci, c.flush(), Number.POSITIVE_INFINITY);
      return out;
    },
    stats() {
      s.correlationGroups = correlators.reduce((n, c) => n + c.groupCount, 0);
      s.correlationEntries = correlators.reduce((n, c) => n + c.entryCount, 0);
      return { ...s };
    },
  };
}
