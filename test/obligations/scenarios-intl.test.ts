// Scenarios outside the US, written from each law's text: Japan's APPI (the dealer-CRM case),
// the GDPR, Korea, Brazil's business days, India's and Chile's laws not yet in force, and more.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide, one, rowsOf } from './decide-support.ts';

const JP_AWARE = '2026-11-20T09:00:00+09:00';

test('dealer-CRM breach in Japan: PPC preliminary report promptly, final within 60 days, individuals told', () => {
  const rows = decide({ aware_at: JP_AWARE, sector: 'auto_dealer', affected: { JP: 21000 } });
  const [prelim, final] = rowsOf(rows, 'JP', 'regulator');
  assert.equal(prelim?.required, true);
  assert.equal(prelim?.deadline, null);
  assert.match(prelim?.due ?? '', /promptly.*3-5 days/);
  assert.equal(final?.required, true);
  assert.equal(final?.deadline, '2027-01-19T09:00:00+09:00');
  assert.equal(final?.due, 'final report within 60 days (wrongful purpose)');
  assert.match(final?.basis ?? '', /art\. 26\(1\).*7\(iii\)/);
  assert.equal(one(rows, 'JP', 'individuals').required, true);
});

test('Japan: a misdirected letter to 50 customers with contact data triggers none of the four situations', () => {
  const rows = rowsOf(decide({ aware_at: JP_AWARE, cause: 'misdelivery', affected: { JP: 50 } }), 'JP');
  assert.ok(rows.length >= 1);
  for (const r of rows) assert.equal(r.required, false);
});

test('Japan: over 1,000 people by mistake → report, final within 30 days (no wrongful purpose)', () => {
  const rows = decide({ aware_at: JP_AWARE, cause: 'accidental_disclosure', affected: { JP: 1001 } });
  const final = rowsOf(rows, 'JP', 'regulator')[1];
  assert.equal(final?.deadline, '2026-12-20T09:00:00+09:00');
  assert.match(final?.reason ?? '', /1001 affected >= 1001/);
});

test('Japan: 1,000 people exactly is not "more than 1,000"', () => {
  const rows = rowsOf(decide({ aware_at: JP_AWARE, cause: 'lost_device', affected: { JP: 1000 } }), 'JP');
  for (const r of rows) assert.equal(r.required, false);
});

test('Japan: sensitive (health) data of 3 people lost → report, 30-day final report', () => {
  const rows = decide({ aware_at: JP_AWARE, cause: 'lost_device', affected: { JP: 3 }, data: ['name', 'health'] });
  assert.equal(rowsOf(rows, 'JP', 'regulator')[1]?.deadline, '2026-12-20T09:00:00+09:00');
});

test('Japan: credit card numbers (risk of property damage) → report even when mailed by mistake', () => {
  const rows = decide({ aware_at: JP_AWARE, cause: 'misdelivery', affected: { JP: 2 }, data: ['name', 'payment_card'] });
  assert.equal(rowsOf(rows, 'JP', 'regulator')[0]?.required, true);
});

test('Japan: the entrusted vendor (processor) tells the entrusting business instead of the PPC', () => {
  const rows = rowsOf(decide({ aware_at: JP_AWARE, role: 'processor', affected: { JP: 21000 } }), 'JP');
  assert.deepEqual(rows.map((r) => r.notify), ['controller']);
  assert.equal(rows[0]?.required, true);
});

test('Japan: advanced encryption lifts the duty', () => {
  const rows = rowsOf(decide({ aware_at: JP_AWARE, encrypted: true, affected: { JP: 21000 } }), 'JP');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.required, false);
  assert.match(rows[0]?.reason ?? '', /encryption/);
});

test('GDPR: the German authority within 72 hours of awareness, in the scenario\'s offset', () => {
  const rows = decide({ aware_at: '2026-11-20T09:00:00+01:00', affected: { DE: 3 } });
  const sa = one(rows, 'DE', 'regulator');
  assert.equal(sa.required, true);
  assert.equal(sa.deadline, '2026-11-23T09:00:00+01:00');
  assert.equal(sa.basis, 'GDPR Art. 33(1)');
  assert.equal(one(rows, 'DE', 'individuals').required, 'assess');
});

test('GDPR: every member state names its own authority (France → CNIL, Ireland → DPC)', () => {
  const rows = decide({ affected: { FR: 1, IE: 1 } });
  assert.match(one(rows, 'FR', 'regulator').recipient, /CNIL/);
  assert.match(one(rows, 'IE', 'regulator').recipient, /Data Protection Commission/);
});

test('GDPR: email with password is high risk → the individuals must be told', () => {
  const rows = decide({ affected: { NL: 100 }, data: ['email', 'account_credentials'] });
  assert.equal(one(rows, 'NL', 'individuals').required, true);
});

test('GDPR: encrypted data → no notice to individuals (Art. 34(3)(a)); the authority is a judgment', () => {
  const rows = decide({ encrypted: true, affected: { ES: 100 }, data: ['name', 'payment_card'] });
  const ind = one(rows, 'ES', 'individuals');
  assert.equal(ind.required, false);
  assert.match(ind.reason, /34\(3\)\(a\)/);
  assert.equal(one(rows, 'ES', 'regulator').required, 'assess');
});

test('GDPR: a lost laptop with contact data is an assessment for the authority, with the question', () => {
  const sa = one(decide({ cause: 'lost_device', affected: { IT: 40 } }), 'IT', 'regulator');
  assert.equal(sa.required, 'assess');
  assert.match(sa.reason, /unlikely to result in a risk/);
  assert.ok(sa.deadline, 'the 72-hour clock still runs while the controller assesses');
});

test('GDPR: a processor notifies its controller without undue delay', () => {
  const rows = rowsOf(decide({ role: 'processor', affected: { AT: 10 } }), 'AT');
  assert.deepEqual(rows.map((r) => [r.notify, r.required, r.basis]), [['controller', true, 'GDPR Art. 33(2)']]);
});

test('UK GDPR: the ICO within 72 hours', () => {
  const ico = one(decide({ aware_at: '2026-06-01T10:00:00+01:00', affected: { GB: 5 } }), 'GB', 'regulator');
  assert.match(ico.recipient, /ICO/);
  assert.equal(ico.deadline, '2026-06-04T10:00:00+01:00');
});

test('Korea: hacking → PIPC report and individual notice both within 72 hours', () => {
  const rows = decide({ aware_at: '2026-11-20T09:00:00+09:00', affected: { KR: 10 } });
  assert.equal(one(rows, 'KR', 'regulator').deadline, '2026-11-23T09:00:00+09:00');
  assert.equal(one(rows, 'KR', 'individuals').deadline, '2026-11-23T09:00:00+09:00');
});

test('Korea: 500 people by misdelivery, contact data only → individuals yes, PIPC no', () => {
  const rows = decide({ cause: 'misdelivery', affected: { KR: 500 } });
  assert.equal(one(rows, 'KR', 'individuals').required, true);
  assert.equal(one(rows, 'KR', 'regulator').required, false);
});

test('Brazil: 3 business days skip the Black Consciousness Day holiday (20 Nov) and the weekend', () => {
  const rows = decide({ aware_at: '2026-11-18T10:00:00-03:00', affected: { BR: 10 }, data: ['name', 'payment_card'] });
  // Thu 19 (1), Fri 20 holiday, Sat/Sun, Mon 23 (2), Tue 24 (3)
  assert.equal(one(rows, 'BR', 'regulator').deadline, '2026-11-24T10:00:00-03:00');
  assert.equal(one(rows, 'BR', 'individuals').deadline, '2026-11-24T10:00:00-03:00');
});

test('Brazil before Resolution 15/2024: a reasonable time, no fixed count', () => {
  const rows = decide({ aware_at: '2023-05-02T10:00:00-03:00', affected: { BR: 10 }, data: ['name', 'payment_card'] });
  assert.equal(one(rows, 'BR', 'regulator').deadline, null);
});

test('India in 2026: CERT-In within 6 hours; the DPDP breach rule is not yet in force', () => {
  const rows = rowsOf(decide({ aware_at: '2026-11-20T09:00:00+05:30', affected: { IN: 100 } }), 'IN');
  assert.deepEqual(rows.map((r) => r.law), ['CERT-In Directions']);
  assert.equal(rows[0]?.deadline, '2026-11-20T15:00:00+05:30');
});

test('India from 14 May 2027: DPDP Board report within 72 hours and Data Principals told', () => {
  const rows = rowsOf(decide({ aware_at: '2027-06-01T09:00:00+05:30', affected: { IN: 100 } }), 'IN');
  const dpdp = rows.filter((r) => r.law === 'DPDP Act');
  assert.equal(dpdp.length, 3);
  assert.ok(dpdp.some((r) => r.deadline === '2027-06-04T09:00:00+05:30'));
  assert.ok(dpdp.some((r) => r.notify === 'individuals' && r.required === true));
});

test('Chile: Ley 21.719 is not in force on 20 Nov 2026 → a row that says so; from December it applies', () => {
  const before = rowsOf(decide({ aware_at: '2026-11-20T09:00:00-03:00', affected: { CL: 5 } }), 'CL');
  assert.equal(before.length, 1);
  assert.equal(before[0]?.required, false);
  assert.match(before[0]?.reason ?? '', /applies only from 2026-12-01/);
  const after = rowsOf(decide({ aware_at: '2026-12-02T09:00:00-03:00', affected: { CL: 5 } }), 'CL');
  assert.equal(one(after, 'CL', 'regulator').required, true);
});

test('Singapore: 500 or more people is notifiable by scale → PDPC within 3 days', () => {
  const rows = decide({ aware_at: '2026-03-02T09:00:00+08:00', affected: { SG: 500 } });
  assert.equal(one(rows, 'SG', 'regulator').deadline, '2026-03-05T09:00:00+08:00');
  assert.equal(one(rows, 'SG', 'individuals').required, false);
  assert.equal(one(decide({ affected: { SG: 499 } }), 'SG', 'regulator').required, false);
});

test('Australia: credentials taken → eligible data breach; contact data only → assess serious harm', () => {
  assert.equal(one(decide({ affected: { AU: 9 }, data: ['email', 'account_credentials'] }), 'AU', 'regulator').required, true);
  assert.equal(one(decide({ affected: { AU: 9 } }), 'AU', 'regulator').required, 'assess');
});

test('Canada and Québec: OPC and CAI on real risk of significant harm / serious injury', () => {
  const rows = decide({ affected: { CA: 3, 'CA-QC': 4 }, data: ['name', 'national_id'] });
  assert.match(one(rows, 'CA', 'regulator').recipient, /Privacy Commissioner of Canada/);
  assert.match(one(rows, 'CA-QC', 'regulator').recipient, /Commission d'accès/);
});

test('Hong Kong: notice is voluntary, so never required', () => {
  for (const r of rowsOf(decide({ affected: { HK: 100 } }), 'HK')) {
    assert.equal(r.required, false);
    assert.match(r.reason, /voluntary/);
  }
});

test('Malaysia: individuals within 7 days after the 72-hour notice to the Commissioner', () => {
  const rows = decide({ aware_at: '2026-08-03T09:00:00+08:00', affected: { MY: 10 }, data: ['name', 'national_id'] });
  assert.equal(one(rows, 'MY', 'regulator').deadline, '2026-08-06T09:00:00+08:00');
  assert.equal(one(rows, 'MY', 'individuals').deadline, '2026-08-13T09:00:00+08:00');
});

test('China: the regulator immediately; the CAC 4-hour report only for a million people or more', () => {
  const small = decide({ affected: { CN: 10 } });
  assert.equal(one(small, 'CN', 'regulator', /departments/).required, true);
  assert.equal(one(small, 'CN', 'regulator', /Cyberspace/).required, false);
  const huge = decide({ aware_at: '2026-11-20T09:00:00+08:00', affected: { CN: 1_000_000 } });
  assert.equal(one(huge, 'CN', 'regulator', /Cyberspace/).deadline, '2026-11-20T13:00:00+08:00');
});

test('Colombia: SIC within 15 business days, skipping Colombian holidays', () => {
  // from Fri 2 Jan 2026: Epiphany (6 Jan) is observed on Monday 12 Jan in Colombia
  const rows = decide({ aware_at: '2026-01-02T09:00:00-05:00', affected: { CO: 1 } });
  const d = one(rows, 'CO', 'regulator').deadline ?? '';
  // 15 business days without the 12 Jan holiday would be 23 Jan; with it the 26th
  assert.equal(d, '2026-01-26T09:00:00-05:00');
});

test('South Africa: Information Regulator and data subjects as soon as reasonably possible', () => {
  const rows = decide({ affected: { ZA: 2 } });
  assert.equal(one(rows, 'ZA', 'regulator').required, true);
  assert.equal(one(rows, 'ZA', 'individuals').deadline, null);
});

test('Türkiye: the KVKK Board within 72 hours', () => {
  const r = one(decide({ aware_at: '2026-05-04T09:00:00+03:00', affected: { TR: 2 } }), 'TR', 'regulator');
  assert.equal(r.deadline, '2026-05-07T09:00:00+03:00');
});

test('Australia for a processor: no processor rule in the data → assess, pointing at the contract', () => {
  const rows = rowsOf(decide({ role: 'processor', affected: { AU: 10 } }), 'AU');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.notify, 'controller');
  assert.equal(rows[0]?.required, 'assess');
  assert.match(rows[0]?.reason ?? '', /contract/);
});

test('United Kingdom in 2019: the EU GDPR still applied (ICO, Art. 33); from 2021 the UK GDPR', () => {
  const old = one(decide({ aware_at: '2019-06-03T10:00:00+01:00', affected: { GB: 5 } }), 'GB', 'regulator');
  assert.equal(old.law, 'GDPR');
  const now = one(decide({ aware_at: '2026-06-03T10:00:00+01:00', affected: { GB: 5 } }), 'GB', 'regulator');
  assert.equal(now.law, 'UK GDPR');
  assert.equal(now.basis, 'UK GDPR Art. 33(1)');
});
