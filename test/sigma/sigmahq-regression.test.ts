// SigmaHQ's own regression pairs (../shared/data/sigma/regression_data): each info.yml names the
// rule that must fire on the .json Windows events beside it. All rules of the corpus run at once
// (so the index and every other rule are exercised too) over the flattened events. At least 98%
// must detect, and every miss is listed here with its reason.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { listRuleFiles } from '../../src/detect/rule-pack.ts';
import { flattenWindowsEvent } from '../../src/logs/evtx-flatten.ts';
import {
  compileRuleSet,
  createEngine,
  parseRuleDocuments,
  type SigmaRule,
} from '../../src/sigma/index.ts';
import { splitConcatenatedJson } from './support/concatenated-json.ts';
import { engineAndNaive } from './support/harness.ts';

const CORPUS = '../shared/data/sigma';

/** Pairs that cannot detect, by the directory of their info.yml, with the reason. */
const EXPECTED_MISSES: Record<string, string> = {
  'rules/cisco/aaa/cisco_cli_dot1x_disabled':
    'no event file in the corpus: its info.yml lists only a commented-out .raw test (Cisco CLI text)',
};

function infoFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...infoFiles(p));
    else if (name === 'info.yml') out.push(p);
  }
  return out;
}

/** Every rule of the corpus, compiled once for the tests below. */
async function corpusRuleSet() {
  const files = (await listRuleFiles([CORPUS])).filter((f) => !f.includes('regression_data'));
  const rules: SigmaRule[] = [];
  for (const f of files) rules.push(...parseRuleDocuments(readFileSync(f, 'utf8'), f).rules);
  const { ruleSet, errors } = compileRuleSet(
    { rules, correlations: [] },
    { allowUnresolvedPlaceholders: true },
  );
  assert.equal(errors.length, 0);
  return ruleSet;
}

/** The flattened events of every .json file under `dir`, in file order. */
function eventsUnder(dir: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...eventsUnder(p));
    else if (name.endsWith('.json'))
      for (const raw of splitConcatenatedJson(readFileSync(p, 'utf8')))
        out.push(flattenWindowsEvent(raw));
  }
  return out;
}

describe('SigmaHQ regression pairs', () => {
  const ruleSetOnce = corpusRuleSet();

  it('at least 98% of the pairs detect, and the misses are exactly the expected ones', async () => {
    const ruleSet = await ruleSetOnce;
    const root = join(CORPUS, 'regression_data');
    const misses: Record<string, string> = {};
    let pairs = 0;
    for (const info of infoFiles(root)) {
      pairs++;
      const dir = dirname(info);
      const key = dir.slice(root.length + 1);
      const wanted = (parse(readFileSync(info, 'utf8')) as { rule_metadata: Array<{ id: string }> })
        .rule_metadata[0]?.id;
      const engine = createEngine(ruleSet);
      let line = 0;
      let fired = false;
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
        for (const raw of splitConcatenatedJson(readFileSync(join(dir, name), 'utf8'))) {
          for (const d of engine.push(flattenWindowsEvent(raw), { line: ++line, timeMs: line }))
            if (d.rule === wanted) fired = true;
        }
      }
      if (!fired)
        misses[key] = line === 0 ? 'no events' : `rule ${wanted} did not fire on ${line} events`;
    }
    assert.equal(pairs, 203);
    assert.deepEqual(
      Object.keys(misses).sort(),
      Object.keys(EXPECTED_MISSES).sort(),
      JSON.stringify(misses),
    );
    const rate = (pairs - Object.keys(misses).length) / pairs;
    assert.ok(rate >= 0.98, `detection rate ${rate}`);
  });

  it('the index hides no match: the engine reports exactly the rules that match, run one by one', async () => {
    // Every one of the 3,780 rules on every regression event, against the engine (index,
    // proofs, vetoes, kills, memos), twice: the second pass is answered from warm memos.
    const ruleSet = await ruleSetOnce;
    const events = eventsUnder(join(CORPUS, 'regression_data'));
    assert.ok(events.length > 200);
    const engine = createEngine(ruleSet);
    let line = 0;
    let matches = 0;
    for (let pass = 0; pass < 2; pass++)
      for (const ev of events) {
        const { got, want } = engineAndNaive(engine, ruleSet.rules, ev, ++line);
        assert.deepEqual(got, want, `event ${line}: ${JSON.stringify(ev).slice(0, 300)}`);
        matches += want.length;
      }
    assert.ok(matches > 1_000, `${matches} matches`);
  });
});
