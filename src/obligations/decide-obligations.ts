// The obligations engine: scenario in, obligations out (CONTRACTS.md). For each affected
// jurisdiction and each federal law covering it, applies the law in force at aware_at and
// says whom to tell, whether it is required, by when, and why — with an optional rule path
// (--explain). Pure: the law data comes in as an argument.
import { evaluateCondition, type Facts, holds } from './conditions.ts';
import { decideDeadline } from './decide-deadline.ts';
import { localDate, type OffsetTime, parseOffsetTime } from './deadline-arithmetic.ts';
import { covered, inForce, lawBookOf } from './law-book.ts';
import type { Law, LawFile, LawRule } from './law-schema.ts';
import type { Obligation, Required } from './obligation-schema.ts';
import { fallbackRow } from './fallback-rows.ts';
import type { Scenario } from './scenario-schema.ts';

interface Run {
  scenario: Scenario;
  aware: OffsetTime;
  date: string;
  data: ReadonlySet<string>;
  trace: string[] | null;
}

export interface Explained {
  obligations: Obligation[];
  trace: string[];
}

/** Adds a line to the rule path; the line is built only when a trace is being kept. */
function note(run: Run, line: () => string): void {
  run.trace?.push(line());
}

function sourceNote(law: Law, rule: LawRule): string {
  const level = rule.source ?? law.source;
  return level === 'secondary' ? ' [rests on secondary sources; verify against the statute]' : '';
}

function row(code: string, law: Law, rule: LawRule, required: Required, reason: string): Obligation {
  return {
    jurisdiction: code,
    law: law.law,
    notify: rule.notify,
    recipient: rule.recipient,
    required,
    deadline: null,
    due: required === false ? 'not required' : '',
    basis: rule.citation,
    reason: reason + sourceNote(law, rule),
  };
}

function decideRule(rule: LawRule, facts: Facts, triggerWhy: string): { required: Required; reason: string } {
  for (const e of rule.exempt_if ?? []) {
    if (holds(e.when, facts)) {
      return { required: false, reason: `${e.reason} (${e.citation}): ${evaluateCondition(e.when, facts).why}` };
    }
  }
  if (!rule.mandatory) return { required: false, reason: `voluntary: ${rule.note ?? 'the law recommends but does not require notice'}` };
  const lead = triggerWhy ? `${triggerWhy}; ` : '';
  if (!rule.required_if) return { required: true, reason: `${lead}no threshold or risk test applies: notice is due` };
  const req = evaluateCondition(rule.required_if, facts);
  if (req.ok) return { required: true, reason: `${lead}${req.why}` };
  if (rule.assess_if && holds(rule.assess_if, facts)) {
    return { required: 'assess', reason: `${rule.assess_question} (the facts do not settle it: ${req.why})` };
  }
  return { required: false, reason: `threshold not met: ${req.why}` };
}

function evaluateLaw(run: Run, file: LawFile, code: string, law: Law, facts: Facts): Obligation[] {
  const rules = law.rules.filter(
    (r) =>
      inForce(r, run.date) &&
      r.role === run.scenario.role &&
      (!r.applies_if || holds(r.applies_if, facts)),
  );
  note(run, () => `${code} › ${law.law}: in force; ${rules.length} rule(s) apply to a ${run.scenario.role}`);
  const primary = rules[0];
  if (!primary) return [];
  let triggerWhy = '';
  if (law.trigger) {
    const t = evaluateCondition(law.trigger, facts);
    note(run, () => `${code} › ${law.law} › trigger (${law.trigger_citation ?? law.citation}): ${t.ok ? 'met' : 'not met'}: ${t.why}`);
    if (!t.ok) {
      const why = `no covered data under ${law.trigger_citation ?? law.citation}: ${t.why}`;
      return [row(code, law, primary, false, why)];
    }
    triggerWhy = t.why;
  }
  for (const e of law.exempt_if ?? []) {
    if (holds(e.when, facts)) {
      const v = evaluateCondition(e.when, facts);
      note(run, () => `${code} › ${law.law} › exemption: ${e.reason}`);
      return [row(code, law, primary, false, `${e.reason} (${e.citation}): ${v.why}`)];
    }
  }
  const deadlines = new Map<string, string | null>();
  return rules.map((rule) => {
    const d = decideRule(rule, facts, triggerWhy);
    const out = row(code, law, rule, d.required, d.reason);
    if (d.required !== false) {
      const due = decideDeadline(rule, facts, run.aware, file.holidays ?? code, deadlines);
      out.deadline = due.deadline;
      out.due = due.due;
    }
    deadlines.set(rule.id, out.deadline);
    note(run, () => `${code} › ${law.law} › ${rule.id} → ${String(d.required)}${out.deadline ? ` by ${out.deadline}` : ''}`);
    return out;
  });
}

function evaluateFile(run: Run, file: LawFile, code: string, affected: number): Obligation[] {
  const facts: Facts = { scenario: run.scenario, data: run.data, affected };
  const out: Obligation[] = [];
  for (const law of file.laws) {
    if (!inForce(law, run.date)) {
      note(run, () => `${code} › ${law.law}: not in force on ${run.date} (${law.effective_from ?? '…'}–${law.effective_until ?? '…'})`);
      continue;
    }
    out.push(...evaluateLaw(run, file, code, law, facts));
  }
  return out;
}

function evaluate(scenario: Scenario, files: readonly LawFile[], trace: string[] | null): Obligation[] {
  const aware = parseOffsetTime(scenario.aware_at);
  const run: Run = { scenario, aware, date: localDate(aware), data: new Set(scenario.data), trace };
  const book = lawBookOf(files);
  const out: Obligation[] = [];
  const codes = Object.keys(scenario.affected);
  for (const code of codes) {
    const file = book.direct.get(code);
    const n = scenario.affected[code] ?? 0;
    const rows = file ? evaluateFile(run, file, code, n) : [];
    if (!file) note(run, () => `${code}: no law data`);
    out.push(...(rows.length > 0 || book.federal.some((f) => covered(f, code) && f.jurisdiction === code)
      ? rows
      : [fallbackRow(code, file, run.scenario, run.date)]));
  }
  for (const fed of book.federal) {
    const mine = codes.filter((c) => covered(fed, c));
    if (mine.length === 0) continue;
    const n = mine.reduce((sum, c) => sum + (scenario.affected[c] ?? 0), 0);
    const rows = evaluateFile(run, fed, fed.jurisdiction, n);
    out.push(...rows);
    if (rows.length === 0 && codes.includes(fed.jurisdiction)) {
      out.push(fallbackRow(fed.jurisdiction, fed, run.scenario, run.date));
    }
  }
  return out;
}

/** Every notification duty the scenario triggers, one row per (jurisdiction, law, recipient). */
export function decideObligations(scenario: Scenario, laws: readonly LawFile[]): Obligation[] {
  return evaluate(scenario, laws, null);
}

/** The same decision with the rule path that led to it, line by line. */
export function explainObligations(scenario: Scenario, laws: readonly LawFile[]): Explained {
  const trace: string[] = [];
  return { obligations: evaluate(scenario, laws, trace), trace };
}
