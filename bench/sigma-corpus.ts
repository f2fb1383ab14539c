// Benchmark (b) of issue 3: all SigmaHQ rules (../shared/data/sigma, 3,780) over the SigmaHQ
// regression events (flattened Windows events) repeated to 1M events, on one core. Prints the
// naive baseline (every rule tried on every event, on a sample), the indexed figure and the ratio.
// Rates are per CPU second (one core; the machine is shared), with a CPU budget so the run stays
// under 3 minutes. Run: node --import tsx bench/sigma-corpus.ts [events=1000000] [naive=1000]
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
const naiveSample = 1_000;

const ruleFiles = (await listRuleFiles([CORPUS])).filter((f) => !f.includes('regression_data'));
const rules: SigmaRule[] = [];
let t0 = performance.now();
for (const f of ruleFiles) rules.push(...parseRuleDocuments(readFileSync(f, 'utf8'), f).rules);
const parseMs = performance.now() - t0;
t0 = performance.now();
const { ruleSet } = compileRuleSet({ rules, correlations: [] }, { allowUnresolvedPlaceholders: true });
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

/** Runs up to `n` events or until `budgetMs` of CPU time is spent; rates are per CPU second. */
function run(set: typeof ruleSet, n: number, budgetMs: number) {
  const engine = createEngine(set);
  let detections = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let done = 0;
  while (done < n) {
    const stop = Math.min(n, done + 1000);
    for (; done < stop; done++) {
      const ev = events[done % events.length] as Record<string, unknown>;
      detections += engine.push(ev, { line: done + 1, timeMs: done }).length;
    }
    const used = process.cpuUsage(cpu0);
    if ((used.user + used.system) / 1000 > budgetMs) break;
  }
  const used = process.cpuUsage(cpu0);
  const cpuSecs = (used.user + used.system) / 1e6;
  const wallSecs = (performance.now() - wall0) / 1000;
  const evals = engine.stats().ruleEvaluations;
  return { events: done, perCpuSec: done / cpuSecs, perWallSec: done / wallSecs, detections, evals };
}

const naiveSet = { ...ruleSet, index: new RuleIndex(ruleSet.rules.map(() => [])) };
run(ruleSet, 5_000, 30_000); // warm-up
const naive = run(naiveSet, Number(process.argv[3] ?? naiveSample), 30_000);
const indexed = run(ruleSet, total, 100_000);
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`rules: ${ruleSet.rules.length} compiled (parse ${fmt(parseMs)} ms, compile ${fmt(compileMs)} ms); ${ruleSet.index.always.length} always tried, ${ruleSet.index.indexedFields} indexed fields`);
console.log(`events: ${events.length} distinct regression events (flattened), repeated`);
console.log(`baseline (naive: every rule on every event), ${fmt(naive.events)} events: ${fmt(naive.perCpuSec)} events/s per CPU second (${fmt(naive.perWallSec)} wall), ${(naive.evals / naive.events).toFixed(0)} rules tried per event`);
console.log(`indexed, ${fmt(indexed.events)} of ${fmt(total)} events${indexed.events < total ? ' (stopped at the 100 s CPU budget)' : ''}: ${fmt(indexed.perCpuSec)} events/s per CPU second (${fmt(indexed.perWallSec)} wall), ${(indexed.evals / indexed.events).toFixed(1)} rules tried per event, ${fmt(indexed.detections)} detections`);
console.log(`ratio: ${(indexed.perCpuSec / naive.perCpuSec).toFixed(1)}x the naive baseline`);
