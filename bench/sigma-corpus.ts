// Benchmark (b) of issue 3: all SigmaHQ rules (../shared/data/sigma, 3,780) over the SigmaHQ
// regression events (flattened Windows events) repeated to 1M events, on one core. Prints the
// naive baseline (every rule tried on every event, on a sample), the indexed figure, a second
// indexed figure with the free-text fields made unique per repetition (so the index's memo of
// field texts cannot hit on them), and the ratio. Rates are per CPU second (one core; the machine
// is shared), with a CPU budget per run. Each figure also prints the spread of its 100,000-event
// chunks: identical work, so a wide spread means the machine was contended during the run.
// Run: node --import tsx bench/sigma-corpus.ts [events=1000000] [naive=1000] [both|repeated|unique]
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

// Free-text and per-process fields made unique in the second figure: a counter per repetition
// is appended, so no memo keyed by a field's text can hit on them (real logs repeat images,
// users and event ids, but command lines, paths and GUIDs vary far more).
const UNIQUE_FIELDS = [
  'CommandLine',
  'ParentCommandLine',
  'ScriptBlockText',
  'Payload',
  'ContextInfo',
  'TargetFilename',
  'TargetObject',
  'Details',
  'ImageLoaded',
  'QueryName',
  'PipeName',
  'ImagePath',
  'ServiceFileName',
  'Hashes',
  'ProcessGuid',
  'ParentProcessGuid',
  'LogonGuid',
];

/** The events of repetition `rep` with a counter appended to each free-text field they have. */
function uniqueRepetition(rep: number): Record<string, unknown>[] {
  return events.map((e) => {
    const copy: Record<string, unknown> = { ...e };
    for (const f of UNIQUE_FIELDS) {
      const v = copy[f];
      if (typeof v === 'string') copy[f] = `${v} #${rep}`;
    }
    return copy;
  });
}

/**
 * Runs up to `n` events or until `budgetMs` of CPU time is spent; rates are per CPU second.
 * `unique`: each repetition's free-text fields are made unique (the copying is not timed).
 */
function run(set: typeof ruleSet, n: number, budgetMs: number, unique = false) {
  const engine = createEngine(set);
  let detections = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let done = 0;
  let batch = events;
  let excludedMicros = 0;
  // Rates of each CHUNK events: the same work every time, so their spread is the machine's
  // (another process on the other core, the host), not the engine's.
  const chunkRates: number[] = [];
  let chunkStartMicros = 0;
  while (done < n) {
    const stop = Math.min(n, done + 1000);
    for (; done < stop; done++) {
      const at = done % events.length;
      if (unique && at === 0) {
        // The copying stands in for parsing fresh events; its CPU time is not counted.
        const c0 = process.cpuUsage();
        batch = uniqueRepetition(done / events.length);
        const c = process.cpuUsage(c0);
        excludedMicros += c.user + c.system;
      }
      const ev = batch[at] as Record<string, unknown>;
      detections += engine.push(ev, { line: done + 1, timeMs: done }).length;
    }
    const used = process.cpuUsage(cpu0);
    const micros = used.user + used.system - excludedMicros;
    if (done % CHUNK === 0) {
      chunkRates.push(CHUNK / ((micros - chunkStartMicros) / 1e6));
      chunkStartMicros = micros;
    }
    if (micros / 1000 > budgetMs) break;
  }
  const used = process.cpuUsage(cpu0);
  const cpuSecs = (used.user + used.system - excludedMicros) / 1e6;
  const wallSecs = (performance.now() - wall0) / 1000;
  const evals = engine.stats().ruleEvaluations;
  // After a full collection when node runs with --expose-gc (else it includes garbage).
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  return { events: done, perCpuSec: done / cpuSecs, perWallSec: done / wallSecs, detections, evals, heapMb, chunkRates };
}

const CHUNK = 100_000;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

/** min / median / max of the chunk rates, or '' when the run had fewer than two chunks. */
function spread(rates: number[]): string {
  if (rates.length < 2) return '';
  const s = [...rates].sort((a, b) => a - b);
  const at = (q: number) => fmt(s[Math.min(s.length - 1, Math.floor(q * s.length))] as number);
  return `; per ${fmt(CHUNK)}-event chunk (${s.length}): min ${at(0)}, median ${at(0.5)}, max ${at(1)}`;
}

const naiveSet = { ...ruleSet, index: new RuleIndex(ruleSet.rules.map(() => [])) };
run(ruleSet, 5_000, 30_000); // warm-up
ruleSet.index.memo.clear();
const naive = run(naiveSet, Number(process.argv[3] ?? naiveSample), 30_000);
const mode = process.argv[4] ?? 'both';
const skipped = { events: 0, perCpuSec: 0, perWallSec: 0, detections: 0, evals: 0, heapMb: 0, chunkRates: [] };
const indexed = mode === 'unique' ? skipped : run(ruleSet, total, 100_000);
ruleSet.index.memo.clear(); // the unique run starts from an empty memo too
const uniq = mode === 'repeated' ? skipped : run(ruleSet, total, 100_000, true);
console.log(`rules: ${ruleSet.rules.length} compiled (parse ${fmt(parseMs)} ms, compile ${fmt(compileMs)} ms); ${ruleSet.index.always.length} always tried, ${ruleSet.index.indexedFields} indexed fields`);
console.log(`events: ${events.length} distinct regression events (flattened), repeated`);
console.log(`baseline (naive: every rule on every event), ${fmt(naive.events)} events: ${fmt(naive.perCpuSec)} events/s per CPU second (${fmt(naive.perWallSec)} wall), ${(naive.evals / naive.events).toFixed(0)} rules tried per event`);
if (mode !== 'unique') console.log(`indexed, ${fmt(indexed.events)} of ${fmt(total)} events${indexed.events < total ? ' (stopped at the 100 s CPU budget)' : ''}: ${fmt(indexed.perCpuSec)} events/s per CPU second (${fmt(indexed.perWallSec)} wall), ${(indexed.evals / indexed.events).toFixed(1)} rules run per event, ${fmt(indexed.detections)} detections, heap ${fmt(indexed.heapMb)} MB at the end${spread(indexed.chunkRates)}`);
if (mode !== 'repeated') console.log(`indexed, free-text fields unique per repetition (${UNIQUE_FIELDS.length} fields; no memo hits on them; copying not timed), ${fmt(uniq.events)} of ${fmt(total)} events${uniq.events < total ? ' (stopped at the 100 s CPU budget)' : ''}: ${fmt(uniq.perCpuSec)} events/s per CPU second (${fmt(uniq.perWallSec)} wall), ${(uniq.evals / uniq.events).toFixed(1)} rules run per event, ${fmt(uniq.detections)} detections, heap ${fmt(uniq.heapMb)} MB at the end${spread(uniq.chunkRates)}`);
console.log(`ratio: ${(Math.max(indexed.perCpuSec, uniq.perCpuSec) / naive.perCpuSec).toFixed(1)}x the naive baseline (${mode === 'unique' ? 'unique' : 'repeated'} events)`);
