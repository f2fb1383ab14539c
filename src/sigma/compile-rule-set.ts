// Compiles parsed rules and correlations into a CompiledRuleSet: every rule into a closure (with
// the pipeline applied), the rule index, correlation references resolved (by id or name, rules
// or other correlations, no cycles), aliases and group-by readers, and who emits detections.

import { type CompiledRule, compileRule, ruleKey } from './compile-rule.ts';
import type { CompiledCorrelation } from './correlation/correlator.ts';
import { compileFieldReader } from './field-lookup.ts';
import type { Pipeline } from './pipeline.ts';
import { ruleContext } from './rule-context.ts';
import { RuleIndex } from './rule-index.ts';
import type { RuleError, SigmaCorrelation, SigmaRule } from './types.ts';

/** A consumer of a rule's or correlation's matches: correlation `corr`, as its rule `ref`. */
export interface Consumer {
  corr: number;
  ref: number;
}

export interface CompiledRuleSet {
  rules: CompiledRule[];
  /** Whether rule i reports its own single-event detections. */
  ruleEmits: boolean[];
  index: RuleIndex;
  correlations: CompiledCorrelation[];
  ruleConsumers: Consumer[][];
  correlationConsumers: Consumer[][];
  timeField?: string;
}

export interface CompileOptions {
  pipeline?: Pipeline;
  timeField?: string;
  /** For validation only: placeholders with no pipeline value compile to never-matching values. */
  allowUnresolvedPlaceholders?: boolean;
}

type Target = { kind: 'rule'; i: number } | { kind: 'corr'; i: number };

export function compileRuleSet(
  input: { rules: SigmaRule[]; correlations: SigmaCorrelation[] },
  options: CompileOptions = {},
): { ruleSet: CompiledRuleSet; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const rules: CompiledRule[] = [];
  for (const r of input.rules) {
    const c = compileRule(
      r,
      ruleContext(r, options.pipeline, options.allowUnresolvedPlaceholders ?? false),
      errors,
    );
    if (c) rules.push(c);
  }
  const names = new Map<string, Target>();
  rules.forEach((r, i) => {
    for (const n of [r.rule.id, r.rule.name])
      if (n !== undefined && !names.has(n)) names.set(n, { kind: 'rule', i });
  });
  input.correlations.forEach((c, i) => {
    for (const n of [c.id, c.name])
      if (n !== undefined && !names.has(n)) names.set(n, { kind: 'corr', i });
  });
  const ruleConsumers: Consumer[][] = rules.map(() => []);
  const ruleEmits = rules.map((r) => r.rule.generate !== false);
  const corrEmits = input.correlations.map(() => true);
  const resolved: Array<Target[] | null> = input.correlations.map((c) => {
    const targets: Target[] = [];
    for (const [ref, name] of c.rules.entries()) {
      const t = names.get(name);
      if (!t) {
        const p = c.rulePositions[ref] ?? c.pos;
        errors.push({ ...p, message: `correlation refers to unknown rule "${name}"` });
        return null;
      }
      targets.push(t);
    }
    return targets;
  });
  const cyclic = findCycles(resolved);
  const correlations: CompiledCorrelation[] = [];
  const corrIndex = new Map<number, number>();
  input.correlations.forEach((c, ci) => {
    const targets = resolved[ci];
    if (!targets) return;
    if (cyclic.has(ci)) {
      errors.push({
        ...c.pos,
        message: 'correlation refers to itself through its rules (a cycle)',
      });
      return;
    }
    corrIndex.set(ci, correlations.length);
    correlations.push(compileCorrelation(c, targets, rules, input.correlations, options.pipeline));
  });
  const correlationConsumers: Consumer[][] = correlations.map(() => []);
  input.correlations.forEach((c, ci) => {
    const at = corrIndex.get(ci);
    const targets = resolved[ci];
    if (at === undefined || !targets) return;
    targets.forEach((t, ref) => {
      if (t.kind === 'rule') {
        ruleConsumers[t.i]?.push({ corr: at, ref });
        if (!c.generate) ruleEmits[t.i] = false;
      } else if (corrIndex.has(t.i)) {
        correlationConsumers[corrIndex.get(t.i) as number]?.push({ corr: at, ref });
        if (!c.generate) corrEmits[t.i] = false;
      }
    });
  });
  for (const [ci, at] of corrIndex)
    (correlations[at] as CompiledCorrelation).emits = corrEmits[ci] ?? true;
  const ruleSet: CompiledRuleSet = {
    rules,
    ruleEmits,
    index: new RuleIndex(
      rules.map((r) => r.requirements),
      rules.map((r) => r.exact),
      rules.map((r) => r.veto),
      rules.map((r) => r.kill),
    ),
    correlations,
    ruleConsumers,
    correlationConsumers,
  };
  if (options.timeField !== undefined) ruleSet.timeField = options.timeField;
  return { ruleSet, errors };
}

function compileCorrelation(
  c: SigmaCorrelation,
  targets: Target[],
  rules: CompiledRule[],
  all: SigmaCorrelation[],
  pipeline: Pipeline | undefined,
): CompiledCorrelation {
  const fieldFor = (field: string, refName: string, t: Target): string => {
    const alias = c.aliases[field];
    const target = t.kind === 'rule' ? rules[t.i]?.rule : all[t.i];
    const aliased = alias
      ? (alias[refName] ??
        (target?.name ? alias[target.name] : undefined) ??
        (target?.id ? alias[target.id] : undefined))
      : undefined;
    const name = aliased ?? field;
    if (t.kind === 'rule' && pipeline && target)
      return ruleContext(target as SigmaRule, pipeline, true).mapField(name)[0] ?? name;
    return name;
  };
  const groupReaders = targets.map((t, ref) =>
    c.groupBy.map((g) => compileFieldReader(fieldFor(g, c.rules[ref] as string, t))),
  );
  const valueReaders = targets.map((t, ref) =>
    (c.condition.field ?? []).map((f) =>
      compileFieldReader(fieldFor(f, c.rules[ref] as string, t)),
    ),
  );
  return { corr: c, key: ruleKey(c), emits: true, groupReaders, valueReaders };
}

/** Correlations that reach themselves through correlation references. */
function findCycles(resolved: Array<Target[] | null>): Set<number> {
  const out = new Set<number>();
  resolved.forEach((_, start) => {
    const stack = [start];
    const seen = new Set<number>();
    while (stack.length) {
      const cur = stack.pop() as number;
      for (const t of resolved[cur] ?? []) {
        if (t.kind !== 'corr') continue;
        if (t.i === start) out.add(start);
        if (!seen.has(t.i)) {
          seen.add(t.i);
          stack.push(t.i);
        }
      }
    }
  });
  return out;
}
