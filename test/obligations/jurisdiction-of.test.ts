import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jurisdictionOf } from '../../src/obligations/jurisdiction-of.ts';

test('a US customer is named by state, a Japanese one by country', () => {
  assert.equal(jurisdictionOf('US', 'US-CA'), 'US-CA');
  assert.equal(jurisdictionOf('us', 'tx'), 'US-TX');
  assert.equal(jurisdictionOf('US', null), 'US');
  assert.equal(jurisdictionOf('JP', 'JP-13'), 'JP');
});

test('Quebec and Alberta keep their subdivision; Ontario falls back to Canada', () => {
  assert.equal(jurisdictionOf('CA', 'CA-QC'), 'CA-QC');
  assert.equal(jurisdictionOf('CA', 'AB'), 'CA-AB');
  assert.equal(jurisdictionOf('CA', 'CA-ON'), 'CA');
});

test('US territories given as countries map to their US subdivision code', () => {
  assert.equal(jurisdictionOf('PR', null), 'US-PR');
  assert.equal(jurisdictionOf('GU', 'GU'), 'US-GU');
});
