// The engine's contract: rows shaped as CONTRACTS.md says, at least one per affected
// jurisdiction, deterministic, explained rule by rule, deadlines in the scenario's offset.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decideObligations, explainObligations } from '../../src/obligations/decide-obligations.ts';
import { ObligationsOutputSchema } from '../../src/obligations/obligation-schema.ts';
import { ScenarioSchema } from '../../src/obligations/scenario-schema.ts';
import { DATA_CATEGORIES } from '../../src/inventory/data-categories.ts';
import { CAUSES, SECTORS } from '../../src/obligations/scenario-schema.ts';
import { decide, laws, one } from './decide-support.ts';

const CODES = [...laws().files.map((f) => f.jurisdiction), 'XX', 'ZZ-99'];

const scenarioArb = fc.record({
  aware_at: fc
    .record({ t: fc.date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), off: fc.integer({ min: -11, max: 13 }) })
    .map(({ t, off }) => {
      const sign = off < 0 ? '-' : '+';
      const local = new Date(t.getTime() + off * 3_600_000).toISOString().slice(0, 19);
      return `${local}${sign}${String(Math.abs(off)).padStart(2, '0')}:00`;
    }),
  role: fc.constantFrom('controller', 'processor'),
  cause: fc.constantFrom(...CAUSES),
  encrypted: fc.boolean(),
  misuse_confirmed: fc.boolean(),
  sector: fc.option(fc.constantFrom(...SECTORS), { nil: undefined }),
  affected: fc.dictionary(fc.constantFrom(...CODES), fc.integer({ min: 1, max: 2_000_000 }), { minKeys: 1, maxKeys: 8 }),
  data: fc.subarray([...DATA_CATEGORIES]),
});

test('any scenario: every affected jurisdiction gets a row and every row fits the contract schema', () => {
  fc.assert(
    fc.property(scenarioArb, (raw) => {
      const s = ScenarioSchema.parse(raw.sector ? raw : { ...raw, sector: undefined });
      const rows = decideObligations(s, laws().files);
      ObligationsOutputSchema.parse({ obligations: rows });
      for (const code of Object.keys(s.affected)) assert.ok(rows.some((r) => r.jurisdiction === code), code);
      for (const r of rows) {
        if (r.required === false) assert.equal(r.deadline, null);
        if (r.deadline) assert.ok(r.deadline.endsWith(s.aware_at.slice(-6)), `${r.deadline} keeps ${s.aware_at}`);
        if (r.deadline) assert.ok(Date.parse(r.deadline) > Date.parse(s.aware_at));
      }
    }),
    { numRuns: 300 },
  );
});

test('the same scenario always yields the same obligations', () => {
  const s = { affected: { JP: 21000, 'US-CA': 120, DE: 3, BR: 40 }, sector: 'auto_dealer' as const };
  assert.deepEqual(decide(s), decide(s));
});

test('a jurisdiction without law data gets an "assess" row that says so', () => {
  const r = one(decide({ affected: { XX: 4 } }), 'XX', 'regulator');
  assert.equal(r.required, 'assess');
  assert.match(r.reason, /no law data for XX/);
});

test('--explain: the rule path names the law, the trigger and each rule with its outcome', () => {
  const s = ScenarioSchema.parse({
    aware_at: '2026-11-20T09:00:00+09:00',
    affected: { JP: 21000, 'US-CA': 120 },
    data: ['name', 'postal_address', 'phone', 'email', 'vehicle_purchase'],
  });
  const { obligations, trace } = explainObligations(s, laws().files);
  assert.deepEqual(obligations, decideObligations(s, laws().files));
  assert.ok(trace.includes('JP › APPI › appi-final → true by 2027-01-19T09:00:00+09:00'));
  assert.ok(trace.some((l) => l.startsWith('US-CA › Cal. Civ. Code § 1798.82 › trigger') && l.includes('not met')));
  assert.ok(trace.some((l) => /not in force on 2026-11-20/.test(l)), 'the superseded California version is named');
});

test('a UTC aware_at keeps its Z in deadlines', () => {
  const r = one(decide({ aware_at: '2026-11-20T09:00:00Z', affected: { DE: 3 } }), 'DE', 'regulator');
  assert.equal(r.deadline, '2026-11-23T09:00:00Z');
});

test('rows flagged as resting on secondary sources say so in the reason', () => {
  const tx = one(decide({ affected: { 'US-TX': 300 }, data: ['name', 'drivers_license'] }), 'US-TX', 'attorney_general');
  assert.match(tx.reason, /secondary sources/);
  const jp = decide({ affected: { JP: 21000 } }).filter((r) => r.jurisdiction === 'JP');
  for (const r of jp) assert.doesNotMatch(r.reason, /secondary/);
});
