// Compiles a parsed rule into one closure: search identifiers become OR-of-AND item tests, the
// condition tree becomes nested closures, and the pipeline's extra conditions are ANDed in.
// Also derives the index requirement: a disjunction of field literals every match satisfies.
import {
  type CompiledItem,
  compileItem,
  type EventTest,
  type FieldLiteral,
} from './compile-item.ts';
import { isNumericKind } from './compile-value.ts';
import { identifiersMatching } from './condition-parser.ts';
import type { RuleContext } from './rule-context.ts';
import { MAX_MEMO_FIELDS, memoByFields } from './rule-memo.ts';
import type { ConditionNode, DetectionItem, RuleError, SigmaRule } from './types.ts';

export interface CompiledRule {
  rule: SigmaRule;
  /** The rule's reference name in detections: id, else name, else title. */
  key: string;
  test: EventTest;
  /**
   * Disjunctions of literals every matching event satisfies, most selective first (up to 3);
   * empty when none could be derived. The index files the rule under the first and checks the
   * others before running the rule.
   */
  requirements: FieldLiteral[][];
  /**
   * The rule is one item whose `requirements[0]` is also sufficient: when the index finds one of
   * those literals in an event, the rule matches it without being run.
   */
  exact: boolean;
  /**
   * For a rule with no requirement: literals such that when none of them holds in an event, the
   * rule surely matches it (`not filter`, where filter needs one of them). The index reports
   * such events as proven instead of running the rule.
   */
  veto?: FieldLiteral[];
  /**
   * For a rule the index would try on (nearly) every event (no requirement, or only a field's
   * presence): literals each of which, found by the index, proves the rule does NOT match
   * (`not filter`, where filter holds whenever that one literal does). Such events are skipped.
   */
  kill?: FieldLiteral[];
}

type Candidates = FieldLiteral[][];

/**
 * A node's test, the disjunctions every event it holds on satisfies (`cands`), and `veto`:
 * literals such that the node surely holds on an event where none of them does (undefined
 * when there is no such set). `not X` has X's best disjunction as its veto.
 */
interface Built {
  test: EventTest;
  cands: Candidates;
  veto?: FieldLiteral[] | undefined;
  /** Literals each of which, as the index finds them, proves the node true. */
  sure: FieldLiteral[];
  /** Literals each of which proves the node false. */
  kill: FieldLiteral[];
}

/** An identifier's test, its necessary disjunctions and the literals that prove it. */
interface Ident {
  test: EventTest;
  cands: Candidates;
  sure: FieldLiteral[];
}

export function compileRule(
  rule: SigmaRule,
  ctx: RuleContext,
  errors: RuleError[],
): CompiledRule | null {
  const idents = new Map<string, Ident>();
  /** Per identifier: its one item's exact requirement, if it is one item with one. */
  const exactOf = new Map<string, FieldLiteral[]>();
  let ok = true;
  /** Every field the rule's items read; null once an item depends on more than its texts. */
  let reads: Set<string> | null = new Set();
  const compileItems = (items: DetectionItem[]) => {
    const compiled: CompiledItem[] = [];
    for (const item of items) {
      const c = compileItem(item, ctx);
      if (typeof c === 'string') {
        errors.push({ ...item.pos, message: c });
        ok = false;
      } else {
        compiled.push(c);
        if (c.reads === undefined) reads = null;
        else for (const f of c.reads) reads?.add(f);
      }
    }
    return compiled;
  };
  for (const [name, alternatives] of Object.entries(rule.detection)) {
    const alts = alternatives.map((items) => {
      const compiled = compileItems(items);
      return {
        test: andAll(compiled.map((c) => c.test)),
        cands: compiled.flatMap((c) => c.requirements),
        compiled,
      };
    });
    const only = alts.length === 1 ? alts[0]?.compiled : undefined;
    const exact = only?.length === 1 ? only[0]?.exactRequirement : undefined;
    if (exact) exactOf.set(name, exact);
    idents.set(name, {
      test: orAll(alts.map((a) => a.test)),
      cands: orCandidates(alts.map((a) => a.cands)),
      // an alternative of one item holds whenever one of that item's exact literals does
      sure: alts.flatMap((a) =>
        a.compiled.length === 1 ? provingLiterals(a.compiled[0]?.exactRequirement) : [],
      ),
    });
  }
  const extra = compileItems(ctx.extraItems);
  if (!ok) return null;
  const names = [...idents.keys()];
  const build = (n: ConditionNode): Built => {
    switch (n.kind) {
      case 'ref': {
        const ident = idents.get(n.name);
        return ident
          ? { ...ident, kill: [] }
          : { test: () => false, cands: [], sure: [], kill: [] };
      }
      case 'not': {
        const operand = build(n.operand);
        const inner = operand.test;
        return {
          test: (ev) => !inner(ev),
          cands: [],
          veto: best(operand.cands),
          sure: operand.kill,
          kill: operand.sure,
        };
      }
      case 'and': {
        const [l, r] = [build(n.left), build(n.right)];
        return {
          test: (ev) => l.test(ev) && r.test(ev),
          cands: top([...l.cands, ...r.cands]),
          veto: l.veto && r.veto ? [...l.veto, ...r.veto] : undefined,
          sure: [],
          kill: [...l.kill, ...r.kill],
        };
      }
      case 'or': {
        const [l, r] = [build(n.left), build(n.right)];
        return {
          test: (ev) => l.test(ev) || r.test(ev),
          cands: orCandidates([l.cands, r.cands]),
          veto: smaller(l.veto, r.veto),
          sure: [...l.sure, ...r.sure],
          kill: [],
        };
      }
      case 'of': {
        const parts = identifiersMatching(n.pattern, names).map((m) => idents.get(m) as Ident);
        if (n.quantifier === 'all')
          return {
            test: andAll(parts.map((p) => p.test)),
            cands: top(parts.flatMap((p) => p.cands)),
            sure: parts.length === 1 ? (parts[0] as Ident).sure : [],
            kill: [],
          };
        const need = n.quantifier;
        const tests = parts.map((p) => p.test);
        const test: EventTest =
          need === 1
            ? orAll(tests)
            : (ev) => {
                let c = 0;
                for (const t of tests) if (t(ev) && ++c >= need) return true;
                return false;
              };
        return {
          test,
          cands: orCandidates(parts.map((p) => p.cands)),
          sure: need === 1 ? parts.flatMap((p) => p.sure) : [],
          kill: [],
        };
      }
    }
  };
  const conds = rule.conditions.map(build);
  const main = orAll(conds.map((c) => c.test));
  const extraTest = andAll(extra.map((e) => e.test));
  let test: EventTest = extra.length ? (ev) => extraTest(ev) && main(ev) : main;
  const own = orCandidates(conds.map((c) => c.cands));
  const fromLogsource = top(extra.flatMap((e) => e.requirements));
  const ranked = top(own).sort((a, b) => score(b) - score(a));
  const requirements = ranked.length ? ranked.slice(0, 3) : top(fromLogsource).slice(0, 1);
  // Exact: one condition naming one identifier (directly or as the only match of `1 of` /
  // `all of`), no pipeline conditions, and the index files the rule under that item's literals.
  const cond = rule.conditions.length === 1 ? rule.conditions[0] : undefined;
  const single =
    cond?.kind === 'ref'
      ? cond.name
      : cond?.kind === 'of' && (cond.quantifier === 1 || cond.quantifier === 'all')
        ? soleMatch(identifiersMatching(cond.pattern, names))
        : undefined;
  const sole = single === undefined ? undefined : exactOf.get(single);
  const exact = extra.length === 0 && sole !== undefined && requirements[0] === sole;
  // Tried on every event: worth a memo of the whole result when a few fields decide it.
  const decidedBy = reads as Set<string> | null;
  if (
    requirements.length === 0 &&
    decidedBy !== null &&
    decidedBy.size > 0 &&
    decidedBy.size <= MAX_MEMO_FIELDS
  )
    test = memoByFields(test, [...decidedBy]);
  const out: CompiledRule = { rule, key: ruleKey(rule), test, requirements, exact };
  // Only `not` makes a veto (identifiers and `x of` have none), and pipeline conditions must hold
  // too: a veto is for rules the index would otherwise try on every event.
  const veto =
    requirements.length === 0 && extra.length === 0
      ? conds.reduce<FieldLiteral[] | undefined>((v, c) => smaller(v, c.veto), undefined)
      : undefined;
  if (veto !== undefined && veto.length > 0) out.veto = veto;
  // Conditions are ORed, so a literal kills the rule only when it kills the one condition; the
  // pipeline's conditions are ANDed in and cannot revive it. Only for rules tried on nearly
  // every event: elsewhere a frequent filter literal would cost a hit on events that never
  // reach the rule.
  const kill = conds.length === 1 ? distinctLiterals((conds[0] as Built).kill) : [];
  if (kill.length > 0 && (requirements[0] ?? []).every((l) => l.kind === 'has')) out.kill = kill;
  return out;
}

/** The literals of an exact requirement that the index can file (a non-empty text). */
function provingLiterals(exact: FieldLiteral[] | undefined): FieldLiteral[] {
  return exact ? exact.filter((l) => l.kind !== 'has' && l.text.length > 0) : [];
}

/** Each literal once (filters often repeat a value across selections). */
function distinctLiterals(lits: FieldLiteral[]): FieldLiteral[] {
  const seen = new Set<string>();
  return lits.filter((l) => {
    const key = `${l.field}\u0000${l.kind}\u0000${l.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The most selective of a node's disjunctions (undefined when it has none). */
function best(cands: Candidates): FieldLiteral[] | undefined {
  let out: FieldLiteral[] | undefined;
  for (const c of cands) if (score(c) >= 0 && (out === undefined || score(c) > score(out))) out = c;
  return out;
}

/** Either veto holds the node true when its literals are absent: the one with fewer literals. */
function smaller(a: FieldLiteral[] | undefined, b: FieldLiteral[] | undefined) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.length < a.length ? b : a;
}

function soleMatch(names: string[]): string | undefined {
  return names.length === 1 ? names[0] : undefined;
}

export function ruleKey(r: { id?: string; name?: string; title: string }): string {
  return r.id ?? r.name ?? r.title;
}

function andAll(tests: EventTest[]): EventTest {
  if (tests.length === 1) return tests[0] as EventTest;
  if (tests.length === 2) {
    const [a, b] = tests as [EventTest, EventTest];
    return (ev) => a(ev) && b(ev);
  }
  return (ev) => {
    for (const t of tests) if (!t(ev)) return false;
    return true;
  };
}

function orAll(tests: EventTest[]): EventTest {
  if (tests.length === 0) return () => false;
  if (tests.length === 1) return tests[0] as EventTest;
  return (ev) => {
    for (const t of tests) if (t(ev)) return true;
    return false;
  };
}

/**
 * How selective a disjunction is for the index: exact values beat substrings, longer beats
 * shorter, a field's mere presence comes last, and fewer alternatives win a tie. An empty
 * substring (a bare `*`) tells the index nothing.
 */
function score(c: FieldLiteral[]): number {
  if (c.length === 0) return -1;
  let min = Number.POSITIVE_INFINITY;
  for (const l of c) {
    const s = literalScore(l);
    if (s < min) min = s;
  }
  return min < 0 ? -1 : min * 1000 - c.length;
}

function literalScore(l: FieldLiteral): number {
  if (l.kind === 'eq') return 6 + l.text.length;
  if (l.kind === 'has') return 0.5;
  // a numeric bound: more selective than a presence, less than any text
  if (isNumericKind(l.kind)) return 0.75;
  if (l.text.length === 0) return -1;
  // where an anchored literal occurs is checked too: fewer texts hold it
  const anchored = l.kind === 'start' || l.kind === 'end' ? 1 : 0;
  return anchored + (l.text.length >= 4 ? l.text.length : 1 + l.text.length / 2);
}

/** Keeps the few most selective candidates so trees with many branches stay cheap. */
function top(cands: Candidates): Candidates {
  const usable = cands.filter((c) => score(c) >= 0);
  if (usable.length <= 4) return usable;
  return usable.sort((a, b) => score(b) - score(a)).slice(0, 4);
}

/** A disjunction of branches is necessary only if every branch has one: join the best of each. */
function orCandidates(branches: Candidates[]): Candidates {
  // One branch: every one of its necessary disjunctions stays necessary (the index files the
  // rule under the best and checks the others), not only the best.
  if (branches.length === 1) return top(branches[0] as Candidates);
  const ranked = branches.map((b) => top(b).sort((x, y) => score(y) - score(x)));
  if (ranked.some((b) => b.length === 0)) return [];
  // The best of each branch joined; then, per branch with a runner-up, the same with that
  // branch's runner-up: each is necessary, and a second one filters what the first lets by.
  const join = (swap: number): FieldLiteral[] =>
    ranked.flatMap((b, i) => (i === swap ? (b[1] as FieldLiteral[]) : (b[0] as FieldLiteral[])));
  const out: Candidates = [join(-1)];
  ranked.forEach((b, i) => {
    if (b.length > 1 && out.length < 4) out.push(join(i));
  });
  return out;
}
