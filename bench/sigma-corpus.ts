// Benchmark (b) of issue 3: all SigmaHQ rules (../shared/data/sigma, 3,780) over the SigmaHQ
// regression events (flattened Windows events) repeated to 1M events, on one core. Prints the
// naive baseline (every rule tried on every event, on a sample), the indexed figure and the ratio.
// Run: node --import tsx bench/sigma-corpus.ts [events=1000000]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listRuleFiles } from '../src/detect/rule-pack.ts';
import { flattenWindowsEvent } from '../src/logs/evtx-flatten.ts';
import {
  compileRuleSet,
  createEngine,
  parseRuleDocuments,
  type SigmaRule,
} from '../src/sigma/index.ts';
import { RuleIndex } from '../src/sigma/rule-index.ts';
import { splitConcatenatedJson } from '../test/sigma/support/concatenated-json.ts';

const CORPUS = '../shared/data/sigma';
const total = Number(process.argv[2] ?? 1_000_000);
const naiveSample = 2_000;

const ruleFiles = (await listRuleFiles([CORPUS])).filter((f) => !f.includes('regression_data'));
const rules: SigmaRule[] = [];
let t0 = performance.now();
for (const f of ruleFiles) rules.push(...parseRuleDocuments(readFileSync(f, 'utf8'), f).rules);
const parseMs = performance.now() - t0;
t0 = performance.now();
const { ruleSet } = compileRuleSet({ rules, correlations: [] });
const compileMs = performance.now() - t0;

const events: Record<string, unknown>[] = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.json'))
      for (const e of splitConcatenatedJson(readFileSync(p, 'utf8')))
        events.push(flattenWindowsEvent(e));
  }
};
walk(join(CORPUS, 'regression_data'));

function run(
  set: typeof ruleSet,
  n: number,
): { perSec: number; detections: number; evals: number } {
  const engine = createEngine(set);
  let detections = 0;
  const start = performance.now();
  for (let i = 0; i < n; i++)
    detections += engine.push(events[i % events.length] as Record<string, unknown>, {
      line: i + 1,
      timeMs: i,
    }).length;
  const secs = (performance.now() - start) / 1000;
  return { perSec: n / secs, detections, evals: engine.stats().ruleEvaluations };
}

const naiveSet = { ...ruleSet, index: new RuleIndex(ruleSet.rules.map(() => [])) };
run(ruleSet, 20_000); // warm-up
const naive = run(naiveSet, Number(process.argv[3] ?? naiveSample));
const indexed = run(ruleSet, total);
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(
  `rules: ${ruleSet.rules.length} compiled (parse ${fmt(parseMs)} ms, compile ${fmt(compileMs)} ms); ${ruleSet.index.always.length} always tried, ${ruleSet.index.indexedFields} indexed fields`,
);
console.log(`events: ${events.length} distinct regression events, repeated`);
console.log(
  `baseline (naive, every rule on every event, ${fmt(naiveSample)} events): ${fmt(naive.perSec)} events/s, ${(naive.evals / naiveSample).toFixed(0)} rules tried per event`,
);
console.log(
  `indexed (${fmt(total)} events): ${fmt(indexed.perSec)} events/s, ${(indexed.evals / total).toFixed(1)} rules tried per event, ${fmt(indexed.detections)} detections`,
);
console.log(`ratio: ${(indexed.perSec / naive.perSec).toFixed(1)}x the naive baseline`);
