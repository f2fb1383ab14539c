// Test harness for the Sigma conformance suite: builds one-rule rule sets from a detection
// snippet (YAML) and runs events through them, failing loudly on parse or compile errors.
import assert from 'node:assert/strict';
import {
  compileRuleSet,
  createEngine,
  type Detection,
  type DetectionEngine,
  type EventMeta,
  type Pipeline,
  parsePipeline,
  parseRuleDocuments,
} from '../../../src/sigma/index.ts';

/** Indents a YAML snippet under `detection:`. */
function indent(s: string): string {
  return s
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

export function ruleYaml(detection: string, id = 'rule-under-test'): string {
  return `title: rule under test\nid: ${id}\nlevel: high\nlogsource:\n  product: test\ndetection:\n${indent(detection)}\n`;
}

export function compileYaml(yaml: string, pipeline?: Pipeline) {
  const parsed = parseRuleDocuments(yaml, 'test.yml');
  assert.deepEqual(parsed.errors, [], 'rule should parse');
  const { ruleSet, errors } = compileRuleSet(parsed, pipeline ? { pipeline } : {});
  assert.deepEqual(errors, [], 'rule should compile');
  return ruleSet;
}

/** A predicate: does the detection snippet match this event? */
export function matcher(
  detection: string,
  pipeline?: Pipeline,
): (event: Record<string, unknown>) => boolean {
  const ruleSet = compileYaml(ruleYaml(detection), pipeline);
  const engine = createEngine(ruleSet);
  let line = 0;
  return (event) => engine.push(event, { line: ++line, timeMs: line * 1000 }).length > 0;
}

/** Errors (parse, then compile) for a YAML text. */
export function errorsOf(yaml: string, file = 'test.yml') {
  const parsed = parseRuleDocuments(yaml, file);
  if (parsed.errors.length) return parsed.errors;
  return compileRuleSet(parsed, { allowUnresolvedPlaceholders: false }).errors;
}

export function pipelineOf(yaml: string): Pipeline {
  const { pipeline, errors } = parsePipeline(yaml, 'pipeline.yml');
  assert.deepEqual(errors, []);
  assert.ok(pipeline);
  return pipeline;
}

export interface TimedEvent {
  event: Record<string, unknown>;
  meta: EventMeta;
}

/** Runs events (with their times) through a rule set; returns every detection, flush included. */
export function runAll(
  yaml: string,
  events: TimedEvent[],
  options: { maxDisorderMs?: number } = {},
): Detection[] {
  const engine = createEngine(compileYaml(yaml), options);
  const out: Detection[] = [];
  for (const e of events) out.push(...engine.push(e.event, e.meta));
  out.push(...engine.flush());
  return out;
}

/**
 * The keys of the rules the engine reports for `ev` and of the rules that match it when each is
 * run on its own (sorted): the index must hide no match and invent none.
 */
export function engineAndNaive(
  engine: DetectionEngine,
  rules: readonly { key: string; test(ev: Record<string, unknown>): boolean }[],
  ev: Record<string, unknown>,
  line: number,
): { got: string[]; want: string[] } {
  const got = engine
    .push(ev, { line, timeMs: line })
    .map((d) => d.rule)
    .sort();
  const want = rules
    .filter((r) => r.test(ev))
    .map((r) => r.key)
    .sort();
  return { got, want };
}
