// The SigmaHQ corpus (../shared/data/sigma, read-only, never copied): `warden rules check` accepts
// all of it (zero errors) and counts 3,780 rules: rules/ 3,141, rules-emerging-threats/ 473,
// rules-threat-hunting/ 140, rules-placeholder/ 23, rules-compliance/ 3. The 203 regression_data
// info.yml files are not Sigma rules and are skipped, not counted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRulePaths } from '../../src/cli/rules-check.ts';

const CORPUS = '../shared/data/sigma';

describe('SigmaHQ corpus', () => {
  it('rules check reports 3,780 rules and zero errors', async () => {
    const report = await checkRulePaths([CORPUS]);
    assert.deepEqual(report.errors.slice(0, 5), []);
    assert.equal(report.errors.length, 0);
    assert.equal(report.rules, 3780);
    assert.equal(report.skipped, 203, 'regression_data/**/info.yml are not rules');
  });
  it('the count is the sum of the rule folders', async () => {
    const folders: Record<string, number> = {
      rules: 3141,
      'rules-emerging-threats': 473,
      'rules-threat-hunting': 140,
      'rules-placeholder': 23,
      'rules-compliance': 3,
    };
    for (const [folder, count] of Object.entries(folders)) {
      const report = await checkRulePaths([`${CORPUS}/${folder}`]);
      assert.equal(report.rules, count, folder);
      assert.equal(report.errors.length, 0, folder);
    }
  });
});
