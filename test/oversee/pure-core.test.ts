// The pure cores: tier formula, conditional display, scoring with unanswered items, residual risk
// and signals, reminder planning.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { computeInherentRisk, tierOf } from '../../src/oversee/inherent-risk.ts';
import { visibleQuestions } from '../../src/oversee/question-conditions.ts';
import { residualRisk, WEAKNESS_FLOOR } from '../../src/oversee/residual-risk.ts';
import { planReminder } from '../../src/oversee/reminder-plan.ts';
import { scoreAssessment } from '../../src/oversee/scoring.ts';
import { evaluateSignals } from '../../src/oversee/signals.ts';
import { MFA_QUESTIONNAIRE } from './fixtures.ts';

const NOW = new Date('2026-11-20T00:00:00Z');
const base = { vendor_id: 'v', data: ['name' as const], customers: 0, grants: [], internet_exposed: false, sub_processors: 0, dpa_signed: true };

describe('tier computation', () => {
  test('more sensitive data, more customers, more access and exposure each raise inherent risk', () => {
    const low = computeInherentRisk(base);
    const sensitive = computeInherentRisk({ ...base, data: ['name', 'payment_card'] });
    const many = computeInherentRisk({ ...base, customers: 180_000 });
    const access = computeInherentRisk({ ...base, grants: [{ type: 'vendor_staff' }, { type: 'vendor_staff' }] });
    const exposed = computeInherentRisk({ ...base, internet_exposed: true });
    const noDpa = computeInherentRisk({ ...base, dpa_signed: false, sub_processors: 2 });
    for (const r of [sensitive, many, access, exposed, noDpa]) assert.ok(r.score > low.score, JSON.stringify(r.lines));
    assert.equal(sensitive.lines.find((l) => l.factor === 'data')?.points, 25 + 2);
    assert.equal(access.lines.find((l) => l.factor === 'access')?.points, 4);
    assert.equal(noDpa.lines.find((l) => l.factor === 'third_parties')?.points, 8 + 5);
    assert.equal(many.lines.find((l) => l.factor === 'volume')?.points, 25);
  });

  test('the dealer CRM profile (contact + purchase data, 20 000 customers, 12 staff grants, exposed) is critical', () => {
    const r = computeInherentRisk({ ...base, data: ['name', 'postal_address', 'phone', 'email', 'vehicle_purchase', 'service_history'], customers: 20_000,
      grants: Array.from({ length: 12 }, () => ({ type: 'vendor_staff' })), internet_exposed: true, sub_processors: 1 });
    assert.equal(r.tier, 'critical');
    assert.equal(r.score, r.lines.reduce((s, l) => s + l.points, 0));
  });

  test('thresholds map scores to tiers and the score stays within 0..100', () => {
    assert.deepEqual([tierOf(65), tierOf(64.9), tierOf(45), tierOf(25), tierOf(24.9)], ['critical', 'high', 'high', 'medium', 'low']);
    fc.assert(fc.property(fc.nat(10_000_000), fc.nat(40), fc.boolean(), fc.nat(10), (customers, grants, exposed, subs) => {
      const r = computeInherentRisk({ ...base, data: ['health', 'email', 'phone'], customers, grants: Array.from({ length: grants }, () => ({ type: 'vendor_staff' })), internet_exposed: exposed, sub_processors: subs, dpa_signed: false });
      return r.score >= 0 && r.score <= 100;
    }));
  });
});

describe('conditional questions', () => {
  const ids = (answers: Record<string, string | string[]>) => visibleQuestions(MFA_QUESTIONNAIRE.questions, answers).map((q) => q.id);
  test('a follow-up appears only when its condition holds', () => {
    assert.ok(!ids({}).includes('factor'));
    assert.ok(ids({ mfa: 'yes' }).includes('factor'));
    assert.ok(!ids({ mfa: 'no' }).includes('factor'));
    assert.ok(ids({ pentest: '2026-06-01' }).includes('report'));
  });
  test('a chain collapses when its root is hidden, even with a stale answer below it', () => {
    assert.ok(ids({ mfa: 'yes', factor: 'sms' }).includes('factor-why'));
    assert.ok(!ids({ mfa: 'no', factor: 'sms' }).includes('factor-why'));
  });
  test('a cycle hides the questions in it instead of looping', () => {
    const qs = [
      { ...MFA_QUESTIONNAIRE.questions[0]!, id: 'a', show_if: { question: 'b', answered: true } },
      { ...MFA_QUESTIONNAIRE.questions[0]!, id: 'b', show_if: { question: 'a', answered: true } },
    ];
    assert.deepEqual(visibleQuestions(qs, { a: 'yes', b: 'yes' }), []);
  });
});

describe('scoring', () => {
  test('unanswered questions count against the score; hidden ones do not count at all', () => {
    const none = scoreAssessment(MFA_QUESTIONNAIRE, {}, {}, NOW);
    assert.equal(none.score, 0);
    assert.equal(none.possible, 4 + 4 + 2 + 1); // mfa, shared, enc, pentest (factor/report hidden; 'where' weight 0)
    assert.equal(none.unanswered, 5);
    const half = scoreAssessment(MFA_QUESTIONNAIRE, { mfa: 'no', shared: 'yes' }, {}, NOW);
    assert.equal(half.score, Math.round((1000 * 4) / 11) / 10);
    assert.equal(half.items.find((i) => i.id === 'mfa')?.status, 'fail');
    assert.equal(half.items.find((i) => i.id === 'enc')?.status, 'unanswered');
  });
  test('all passing answers with evidence score 100; partial multi-choice earns its share; old dates fail', () => {
    const full = scoreAssessment(MFA_QUESTIONNAIRE, { mfa: 'yes', factor: 'key', shared: 'yes', enc: ['transit', 'rest'], pentest: '2026-06-01', where: 'JP' }, { report: 1 }, NOW);
    assert.equal(full.score, 100);
    const partial = scoreAssessment(MFA_QUESTIONNAIRE, { enc: ['transit'], pentest: '2024-01-01' }, {}, NOW);
    assert.equal(partial.items.find((i) => i.id === 'enc')?.earned, 1);
    assert.equal(partial.items.find((i) => i.id === 'enc')?.status, 'partial');
    assert.equal(partial.items.find((i) => i.id === 'pentest')?.status, 'fail');
    assert.equal(partial.items.find((i) => i.id === 'report')?.status, 'unanswered'); // shown (date answered), no file
  });
  test('per-control gaps name the failing questions, largest gap first', () => {
    const s = scoreAssessment(MFA_QUESTIONNAIRE, { mfa: 'yes', factor: 'sms', shared: 'no', enc: ['transit', 'rest'], pentest: '2026-06-01' }, { report: 1 }, NOW);
    const ia2 = s.controls.find((c) => c.control === 'IA-2');
    assert.deepEqual(ia2?.failing.sort(), ['factor', 'factor-why']);
    assert.equal(s.controls[0]?.control, 'AC-2');
    assert.equal(s.controls[0]?.gap, 4);
    assert.equal(s.controls.find((c) => c.control === 'SC-8')?.gap, 0);
  });
  test('the score is always within 0..100 whatever the answers', () => {
    const answer = fc.constantFrom('yes', 'no', 'key', 'sms', '', '2026-01-01', 'junk');
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('mfa', 'factor', 'factor-why', 'shared', 'pentest', 'where'), answer), (a) => {
      const s = scoreAssessment(MFA_QUESTIONNAIRE, a, {}, NOW);
      return s.score >= 0 && s.score <= 100 && s.earned <= s.possible;
    }));
  });
});

describe('residual risk and signals', () => {
  test('residual = inherent × weakness, explained, raised by signals, floored and capped', () => {
    const r = residualRisk(80, 'critical', 40, []);
    assert.equal(r.control_weakness, 0.6);
    assert.equal(r.residual, 48);
    assert.ok(r.lines.some((l) => l.includes('80 × 0.6 = 48')));
    assert.equal(residualRisk(80, 'critical', 100, []).control_weakness, WEAKNESS_FLOOR);
    assert.equal(residualRisk(80, 'critical', null, []).residual, 80);
    const s = evaluateSignals({ alerts: [], grants: [], findings: [], sla: [{ incident_id: 'i1', breached: true, message: 'told us after 96 h; contract says 24 h' }] }, NOW);
    const raised = residualRisk(80, 'critical', 40, s);
    assert.equal(raised.residual, 68);
    assert.ok(raised.lines.some((l) => l.includes('96 h')));
    assert.equal(residualRisk(95, 'critical', null, s).residual, 100);
  });
  test('each signal kind raises risk with a reason; false positives, fresh grants and closed findings do not', () => {
    const s = evaluateSignals({
      alerts: [{ id: 'a1', title: 'Bulk export', level: 'high', status: 'new', system: 'dealer-crm' }, { id: 'a2', title: 'noise', level: 'high', status: 'false_positive', system: 'dealer-crm' }],
      grants: [{ system: 'dealer-crm', account: 'old', type: 'vendor_staff', last_used: '2026-07-01' }, { system: 'dealer-crm', account: 'fresh', type: 'vendor_staff', last_used: '2026-11-01' }, { system: 'dealer-crm', account: 'never', type: 'service', last_used: null }],
      sla: [{ incident_id: 'i1', breached: false, message: 'in time' }],
      findings: [{ id: 'f1', title: 'No MFA', severity: 'critical', status: 'open', due_at: '2026-10-01T00:00:00Z' }, { id: 'f2', title: 'Done', severity: 'critical', status: 'closed', due_at: '2026-10-01T00:00:00Z' }],
    }, NOW);
    assert.deepEqual(s.map((x) => `${x.kind}:${x.ref}:${x.points}`), ['alert:a1:15', 'stale_grant:dealer-crm/old:3', 'overdue_finding:f1:10']);
    assert.ok(s.every((x) => x.reason.length > 10));
  });
});

describe('reminder plan', () => {
  const due = '2026-12-01T00:00:00.000Z';
  const at = (iso: string, done: string[] = []) => planReminder(due, new Date(iso), new Set(done));
  test('7, 3 and 1 days before and once overdue; each only once', () => {
    assert.deepEqual(at('2026-11-20T00:00:00Z'), { send: null, skip: [] });
    assert.deepEqual(at('2026-11-24T00:00:00Z'), { send: '7d', skip: [] });
    assert.deepEqual(at('2026-11-24T01:00:00Z', ['7d']), { send: null, skip: [] });
    assert.deepEqual(at('2026-11-28T00:00:00Z', ['7d']), { send: '3d', skip: [] });
    assert.deepEqual(at('2026-11-30T00:00:00Z', ['7d', '3d']), { send: '1d', skip: [] });
    assert.deepEqual(at('2026-12-01T00:00:01Z', ['7d', '3d', '1d']), { send: 'overdue', skip: [] });
    assert.deepEqual(at('2026-12-05T00:00:00Z', ['7d', '3d', '1d', 'overdue']), { send: null, skip: [] });
  });
  test('a late start sends only the latest reminder and skips the ones it overtook', () => {
    assert.deepEqual(at('2026-11-30T12:00:00Z'), { send: '1d', skip: ['7d', '3d'] });
  });
});
