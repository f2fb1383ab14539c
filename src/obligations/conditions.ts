// Evaluates a law rule's condition against the facts of one jurisdiction's share of a breach,
// and says in words which fact decided it (the `reason` and the --explain path). Pure.
import type { Condition } from './law-schema.ts';
import type { Scenario } from './scenario-schema.ts';

export interface Facts {
  scenario: Scenario;
  data: ReadonlySet<string>;
  affected: number;
}

export interface Verdict {
  ok: boolean;
  why: string;
}

function present(facts: Facts, cats: readonly string[]): string[] {
  return cats.filter((c) => facts.data.has(c));
}

// Law data is immutable once loaded, so each list's printed form is built once.
const joined = new WeakMap<readonly string[], string>();
function list(cats: readonly string[]): string {
  let text = joined.get(cats);
  if (text === undefined) {
    text = cats.join(', ');
    joined.set(cats, text);
  }
  return text;
}

function leaf(c: Condition, facts: Facts): Verdict[] {
  const out: Verdict[] = [];
  const s = facts.scenario;
  if (c.data_any) {
    const hit = present(facts, c.data_any);
    out.push(
      hit.length > 0
        ? { ok: true, why: `data includes ${hit.join(', ')}` }
        : { ok: false, why: `none of ${list(c.data_any)} taken` },
    );
  }
  if (c.data_with_name) {
    const hit = present(facts, c.data_with_name);
    const named = facts.data.has('name');
    const ok = named && hit.length > 0;
    out.push({
      ok,
      why: ok
        ? `name with ${hit.join(', ')}`
        : named
          ? `name taken but none of ${list(c.data_with_name)}`
          : `no name taken with ${list(c.data_with_name)}`,
    });
  }
  if (c.cause_in) {
    const ok = c.cause_in.includes(s.cause);
    out.push({ ok, why: ok ? `cause ${s.cause}` : `cause ${s.cause} is not one of ${list(c.cause_in)}` });
  }
  if (c.sector_in) {
    const ok = s.sector !== undefined && c.sector_in.includes(s.sector);
    out.push({ ok, why: ok ? `sector ${s.sector}` : `sector ${s.sector ?? 'unset'} is not ${c.sector_in.join('/')}` });
  }
  if (c.min_affected !== undefined) {
    const ok = facts.affected >= c.min_affected;
    out.push({ ok, why: `${facts.affected} affected ${ok ? '>=' : '<'} ${c.min_affected}` });
  }
  if (c.misuse_confirmed !== undefined) {
    const ok = s.misuse_confirmed === c.misuse_confirmed;
    out.push({ ok, why: `misuse ${s.misuse_confirmed ? 'confirmed' : 'not confirmed'}` });
  }
  if (c.encrypted !== undefined) {
    const ok = s.encrypted === c.encrypted;
    out.push({ ok, why: `data ${s.encrypted ? 'encrypted' : 'not encrypted'}` });
  }
  return out;
}

export function evaluateCondition(c: Condition, facts: Facts): Verdict {
  const parts = leaf(c, facts);
  if (c.all) parts.push(...c.all.map((x) => evaluateCondition(x, facts)));
  if (c.any) {
    const each = c.any.map((x) => evaluateCondition(x, facts));
    const hit = each.filter((v) => v.ok);
    parts.push(
      hit.length > 0
        ? { ok: true, why: hit.map((v) => v.why).join('; ') }
        : { ok: false, why: each.map((v) => v.why).join('; ') },
    );
  }
  if (c.not) {
    const v = evaluateCondition(c.not, facts);
    parts.push({ ok: !v.ok, why: v.ok ? `excluded: ${v.why}` : v.why });
  }
  const failed = parts.filter((p) => !p.ok);
  if (failed.length > 0) return { ok: false, why: failed.map((p) => p.why).join('; ') };
  return { ok: true, why: parts.map((p) => p.why).join('; ') };
}

/** The same test without the words: for gates whose explanation nobody reads. */
export function holds(c: Condition, facts: Facts): boolean {
  const s = facts.scenario;
  if (c.data_any && !c.data_any.some((x) => facts.data.has(x))) return false;
  if (c.data_with_name && !(facts.data.has('name') && c.data_with_name.some((x) => facts.data.has(x)))) return false;
  if (c.cause_in && !c.cause_in.includes(s.cause)) return false;
  if (c.sector_in && (s.sector === undefined || !c.sector_in.includes(s.sector))) return false;
  if (c.min_affected !== undefined && facts.affected < c.min_affected) return false;
  if (c.misuse_confirmed !== undefined && s.misuse_confirmed !== c.misuse_confirmed) return false;
  if (c.encrypted !== undefined && s.encrypted !== c.encrypted) return false;
  if (c.all && !c.all.every((x) => holds(x, facts))) return false;
  if (c.any && !c.any.some((x) => holds(x, facts))) return false;
  if (c.not && holds(c.not, facts)) return false;
  return true;
}
