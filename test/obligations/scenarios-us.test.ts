// US scenarios written from the state statutes' text and the federal rules (FTC Safeguards,
// HIPAA, GLBA): which data elements trigger, AG and CRA thresholds, deadlines and exceptions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide, one, rowsOf } from './decide-support.ts';

const DL = ['name', 'postal_address', 'drivers_license'];

for (const code of ['US-CA', 'US-TX', 'US-FL', 'US-NY']) {
  test(`${code}: name, address, phone, email and purchase are not personal information: no state duty`, () => {
    const rows = rowsOf(decide({ affected: { [code]: 5000 } }), code);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.required, false);
    assert.match(rows[0]?.reason ?? '', /name taken but none of .*drivers_license/);
  });
}

test('California, from 1 Jan 2026: driver licence numbers → residents within 30 days, AG 15 days after', () => {
  const rows = decide({ aware_at: '2026-03-02T10:00:00-08:00', affected: { 'US-CA': 1200 }, data: DL });
  const ind = one(rows, 'US-CA', 'individuals');
  assert.equal(ind.required, true);
  assert.equal(ind.deadline, '2026-04-01T10:00:00-08:00');
  assert.equal(ind.basis, 'Cal. Civ. Code § 1798.82(a)(2)');
  const ag = one(rows, 'US-CA', 'attorney_general');
  assert.equal(ag.required, true);
  assert.equal(ag.deadline, '2026-04-16T10:00:00-08:00');
  assert.match(ag.reason, /1200 affected >= 501/);
});

test('California: 500 residents is not "more than 500": no AG sample notice', () => {
  const ag = one(decide({ affected: { 'US-CA': 500 }, data: DL }), 'US-CA', 'attorney_general');
  assert.equal(ag.required, false);
  assert.equal(ag.deadline, null);
});

test('California before 2026: the old law sets no day count ("most expedient time")', () => {
  const rows = decide({ aware_at: '2025-06-10T09:00:00-07:00', affected: { 'US-CA': 800 }, data: DL });
  const ind = one(rows, 'US-CA', 'individuals');
  assert.equal(ind.required, true);
  assert.equal(ind.deadline, null);
  assert.match(ind.due, /most expedient/);
});

test('Texas: 250 residents → AG within 30 days; residents within 60 days', () => {
  const rows = decide({ aware_at: '2026-05-01T08:00:00-05:00', affected: { 'US-TX': 250 }, data: DL });
  assert.equal(one(rows, 'US-TX', 'attorney_general').deadline, '2026-05-31T08:00:00-05:00');
  assert.equal(one(rows, 'US-TX', 'individuals').deadline, '2026-06-30T08:00:00-05:00');
  assert.equal(one(rows, 'US-TX', 'consumer_reporting_agencies').required, false);
});

test('Texas: 249 residents stay below the AG threshold; 10,001 reach the CRAs', () => {
  assert.equal(one(decide({ affected: { 'US-TX': 249 }, data: DL }), 'US-TX', 'attorney_general').required, false);
  const big = decide({ affected: { 'US-TX': 10001 }, data: DL });
  assert.equal(one(big, 'US-TX', 'consumer_reporting_agencies').required, true);
});

test('Florida: 500 residents → Department of Legal Affairs within 30 days; CRAs only above 1,000', () => {
  const rows = decide({ aware_at: '2026-07-01T12:00:00-04:00', affected: { 'US-FL': 500 }, data: DL });
  const ag = one(rows, 'US-FL', 'attorney_general');
  assert.equal(ag.required, true);
  assert.equal(ag.deadline, '2026-07-31T12:00:00-04:00');
  assert.equal(one(rows, 'US-FL', 'consumer_reporting_agencies').required, false);
  const big = decide({ affected: { 'US-FL': 1001 }, data: DL });
  assert.equal(one(big, 'US-FL', 'consumer_reporting_agencies').required, true);
});

test('New York: AG, Department of State and State Police are all told; residents within 30 days', () => {
  const rows = decide({ aware_at: '2026-02-02T09:00:00-05:00', affected: { 'US-NY': 40 }, data: DL });
  assert.equal(one(rows, 'US-NY', 'individuals').deadline, '2026-03-04T09:00:00-05:00');
  assert.equal(one(rows, 'US-NY', 'attorney_general').required, true);
  assert.equal(one(rows, 'US-NY', 'regulator', /Department of State/).required, true);
  assert.equal(one(rows, 'US-NY', 'regulator', /State Police/).required, true);
  assert.equal(one(rows, 'US-NY', 'consumer_reporting_agencies').required, false);
});

test('New York before the 21 Dec 2024 amendment had no 30-day limit', () => {
  const rows = decide({ aware_at: '2024-06-03T09:00:00-04:00', affected: { 'US-NY': 40 }, data: DL });
  assert.equal(one(rows, 'US-NY', 'individuals').deadline, null);
});

test('email with password is personal information on its own in California, not in Texas', () => {
  const data = ['email', 'account_credentials'];
  const rows = decide({ affected: { 'US-CA': 10, 'US-TX': 10 }, data });
  assert.equal(one(rows, 'US-CA', 'individuals').required, true);
  assert.match(one(rows, 'US-CA', 'individuals').reason, /account_credentials/);
  assert.equal(one(rows, 'US-TX', 'individuals').required, false);
});

test('encryption safe harbour: encrypted driver licence numbers need no notice in California', () => {
  const rows = rowsOf(decide({ affected: { 'US-CA': 900 }, data: DL, encrypted: true }), 'US-CA');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.required, false);
  assert.match(rows[0]?.reason ?? '', /safe harbour/);
});

test('a processor tells its controller: within 10 days in Florida, immediately in California', () => {
  const rows = decide({ aware_at: '2026-07-01T12:00:00-04:00', role: 'processor', affected: { 'US-FL': 50, 'US-CA': 50 }, data: DL });
  const fl = one(rows, 'US-FL', 'controller');
  assert.equal(fl.deadline, '2026-07-11T12:00:00-04:00');
  assert.equal(rowsOf(rows, 'US-FL', 'individuals').length, 0);
  const ca = one(rows, 'US-CA', 'controller');
  assert.equal(ca.required, true);
  assert.equal(ca.deadline, null);
});

test('a misdirected letter in a risk-of-harm state (Florida) is an assessment, in California a duty', () => {
  const rows = decide({ cause: 'misdelivery', affected: { 'US-FL': 5, 'US-CA': 5 }, data: DL });
  const fl = one(rows, 'US-FL', 'individuals');
  assert.equal(fl.required, 'assess');
  assert.match(fl.reason, /risk-of-harm/);
  assert.equal(one(rows, 'US-CA', 'individuals').required, true);
});

test('Vermont: the AG preliminary notice counts 14 business days, skipping Thanksgiving', () => {
  const rows = decide({ aware_at: '2026-11-20T09:00:00-05:00', affected: { 'US-VT': 3 }, data: DL });
  // Nov 23-25, 27, 30, Dec 1-4, 7-11: the 14th business day is Fri 11 Dec (26 Nov is Thanksgiving)
  assert.equal(one(rows, 'US-VT', 'attorney_general').deadline, '2026-12-11T09:00:00-05:00');
});

test('Puerto Rico: DACO within 10 days of detection', () => {
  const rows = decide({ aware_at: '2026-04-01T09:00:00-04:00', affected: { 'US-PR': 3 }, data: DL });
  assert.equal(one(rows, 'US-PR', 'regulator').deadline, '2026-04-11T09:00:00-04:00');
});

test('FTC Safeguards Rule: a car dealer with 500+ US consumers reports within 30 days, on a US row', () => {
  const rows = decide({
    aware_at: '2026-11-20T09:00:00-08:00',
    sector: 'auto_dealer',
    affected: { 'US-CA': 300, 'US-TX': 300 },
  });
  const ftc = one(rows, 'US', 'regulator');
  assert.equal(ftc.law, 'FTC Safeguards Rule');
  assert.equal(ftc.required, true);
  assert.equal(ftc.deadline, '2026-12-20T09:00:00-08:00');
  assert.match(ftc.reason, /600 affected >= 500/);
});

test('FTC Safeguards Rule: 499 consumers → not required; no sector → no FTC row at all', () => {
  const small = decide({ sector: 'auto_dealer', affected: { 'US-CA': 499 } });
  assert.equal(one(small, 'US', 'regulator').required, false);
  assert.equal(rowsOf(decide({ affected: { 'US-CA': 5000 } }), 'US').length, 0);
});

test('FTC Safeguards Rule: encrypted customer information is no notification event', () => {
  const rows = decide({ sector: 'auto_dealer', encrypted: true, affected: { 'US-CA': 5000 } });
  assert.equal(one(rows, 'US', 'regulator').required, false);
});

test('HIPAA: a healthcare breach of 600 → individuals and HHS within 60 days', () => {
  const rows = decide({ aware_at: '2026-01-05T09:00:00-05:00', sector: 'healthcare', affected: { 'US-NY': 600 }, data: ['name', 'health'] });
  assert.equal(one(rows, 'US', 'individuals').deadline, '2026-03-06T09:00:00-05:00');
  assert.equal(one(rows, 'US', 'regulator', /Health and Human Services/).required, true);
});

test('GLBA: a bank whose customers\' account numbers were taken tells its federal regulator', () => {
  const rows = decide({ sector: 'financial', affected: { 'US-OH': 20 }, data: ['name', 'financial_account'] });
  assert.equal(one(rows, 'US', 'regulator', /primary federal regulator/).required, true);
  assert.equal(one(rows, 'US', 'individuals').required, 'assess');
});

test('customers known only as "US" still get a row', () => {
  const rows = decide({ affected: { US: 12 } });
  assert.ok(rowsOf(rows, 'US').length >= 1);
});

test('Oklahoma: the AG notice (500+ residents, 60 days after residents) exists only from 2026', () => {
  const before = decide({ aware_at: '2025-10-01T09:00:00-05:00', affected: { 'US-OK': 800 }, data: DL });
  assert.equal(rowsOf(before, 'US-OK', 'attorney_general').length, 0);
  const after = decide({ aware_at: '2026-10-01T09:00:00-05:00', affected: { 'US-OK': 800 }, data: DL });
  const ag = one(after, 'US-OK', 'attorney_general');
  assert.equal(ag.required, true);
  assert.match(ag.due, /60 days after notifying residents/);
});
