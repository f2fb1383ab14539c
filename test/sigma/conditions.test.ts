// Conformance: search identifiers (maps AND, lists OR, keyword searches, null, empty values),
// conditions with the spec's precedence (or < and < not < x of < parentheses), `1 of`/`any of`/
// `all of` with patterns and `them`, condition lists, and field lookup (exact key, then path).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isError, parseCondition } from '../../src/sigma/condition-parser.ts';
import type { ConditionNode } from '../../src/sigma/index.ts';
import { matcher } from './support/harness.ts';

const abc = `a:\n  A: 1\nb:\n  B: 1\nc:\n  C: 1\n`;
const ev = (a: boolean, b: boolean, c: boolean) => ({ A: a ? 1 : 0, B: b ? 1 : 0, C: c ? 1 : 0 });

describe('search identifiers', () => {
  it('map entries are ANDed', () => {
    const m = matcher(`sel:\n  EventLog: Security\n  EventID: 4679\ncondition: sel`);
    assert.equal(m({ EventLog: 'Security', EventID: 4679 }), true);
    assert.equal(m({ EventLog: 'Security', EventID: 4680 }), false);
  });
  it('a list of values is ORed', () => {
    const m = matcher(`sel:\n  EventID: [517, 1102]\ncondition: sel`);
    assert.equal(m({ EventID: 1102 }), true);
    assert.equal(m({ EventID: '517' }), true, 'numbers compare as their text');
    assert.equal(m({ EventID: 518 }), false);
  });
  it('a list of maps is ORed', () => {
    const m = matcher(
      `sel:\n  - Image|endswith: '\\example.exe'\n  - Description|contains: 'Test executable'\ncondition: sel`,
    );
    assert.equal(m({ Image: 'C:\\x\\example.exe' }), true);
    assert.equal(m({ Description: 'a Test executable here' }), true);
    assert.equal(m({ Image: 'C:\\x\\other.exe', Description: 'nothing' }), false);
  });
  it('keyword lists match anywhere in the event, ORed', () => {
    const m = matcher(`keywords:\n  - 'event::clear'\n  - 'event::drop'\ncondition: keywords`);
    assert.equal(m({ msg: 'mimikatz # event::drop' }), true);
    assert.equal(m({ nested: { deep: ['x', 'EVENT::CLEAR'] } }), true);
    assert.equal(m({ msg: 'event::list' }), false);
  });
  it("keywords under '|all' must all appear", () => {
    const m = matcher(
      `keywords:\n  '|all':\n    - 'OabVirtualDirectory'\n    - ' -ExternalUrl '\ncondition: keywords`,
    );
    assert.equal(m({ a: 'Set-OabVirtualDirectory', b: 'x -ExternalUrl y' }), true);
    assert.equal(m({ a: 'Set-OabVirtualDirectory' }), false);
  });
  it('null matches a missing or null field; empty string matches only an empty value', () => {
    const n = matcher(
      `sel:\n  EventID: 4738\nfilter:\n  PasswordLastSet: null\ncondition: sel and not filter`,
    );
    assert.equal(n({ EventID: 4738, PasswordLastSet: '2026-01-01' }), true);
    assert.equal(n({ EventID: 4738 }), false);
    assert.equal(n({ EventID: 4738, PasswordLastSet: null }), false);
    const e = matcher(`sel:\n  Comment: ''\ncondition: sel`);
    assert.equal(e({ Comment: '' }), true);
    assert.equal(e({ Comment: ' ' }), false);
    assert.equal(e({}), false);
  });
  it('fields are read by exact key first, then as a dotted path', () => {
    const m = matcher(`sel:\n  actor.user: 'support-07*'\ncondition: sel`);
    assert.equal(m({ actor: { user: 'support-07@crm-vendor.example' } }), true);
    assert.equal(m({ 'actor.user': 'support-07@x', actor: { user: 'other' } }), true);
    assert.equal(m({ 'actor.user': 'other', actor: { user: 'support-07@x' } }), false);
    assert.equal(m({ actor: 'support-07' }), false);
  });
  it('a multi-valued field matches when any element does', () => {
    const m = matcher(`sel:\n  fields: payment_card\ncondition: sel`);
    assert.equal(m({ fields: ['name', 'payment_card'] }), true);
    assert.equal(m({ fields: ['name', 'email'] }), false);
  });
});

describe('condition precedence', () => {
  it('and binds tighter than or: a or b and c', () => {
    const m = matcher(`${abc}condition: a or b and c`);
    assert.equal(m(ev(true, false, false)), true);
    assert.equal(m(ev(false, true, false)), false);
  });
  it('not binds tighter than and: not a and b', () => {
    const m = matcher(`${abc}condition: not a and b`);
    assert.equal(m(ev(false, true, false)), true);
    assert.equal(m(ev(true, false, false)), false, 'would match if read as not (a and b)');
  });
  it('parentheses override: (a or b) and c', () => {
    const m = matcher(`${abc}condition: (a or b) and c`);
    assert.equal(m(ev(true, false, false)), false);
    assert.equal(m(ev(true, false, true)), true);
  });
  it('x of binds tighter than not: not 1 of b*', () => {
    const m = matcher(`a:\n  A: 1\nb1:\n  B: 1\nb2:\n  C: 1\ncondition: a and not 1 of b*`);
    assert.equal(m({ A: 1, B: 0, C: 0 }), true);
    assert.equal(m({ A: 1, B: 0, C: 1 }), false);
  });
  it('a condition list is ORed', () => {
    const m = matcher(`${abc}condition:\n  - a and b\n  - c`);
    assert.equal(m(ev(false, false, true)), true);
    assert.equal(m(ev(true, true, false)), true);
    assert.equal(m(ev(true, false, false)), false);
  });
});

describe('x of', () => {
  const sels = `selection_a:\n  A: 1\nselection_b:\n  B: 1\n_helper:\n  C: 1\nfilter:\n  D: 1\n`;
  it('1 of pattern: any matching identifier', () => {
    const m = matcher(`${sels}condition: 1 of selection_*`);
    assert.equal(m({ B: 1 }), true);
    assert.equal(m({ C: 1, D: 1 }), false);
  });
  it('any of is 1 of', () => {
    const m = matcher(`${sels}condition: any of selection_*`);
    assert.equal(m({ A: 1 }), true);
    assert.equal(m({ D: 1 }), false);
  });
  it('all of pattern: every matching identifier', () => {
    const m = matcher(`${sels}condition: all of selection_*`);
    assert.equal(m({ A: 1, B: 1 }), true);
    assert.equal(m({ A: 1 }), false);
  });
  it('1 of them skips identifiers starting with _', () => {
    const m = matcher(`${sels}condition: 1 of them`);
    assert.equal(m({ D: 1 }), true);
    assert.equal(m({ C: 1 }), false, '_helper is not part of them');
  });
  it('all of them needs every identifier not starting with _', () => {
    const m = matcher(`${sels}condition: all of them`);
    assert.equal(m({ A: 1, B: 1, D: 1 }), true);
    assert.equal(m({ A: 1, B: 1, C: 1 }), false);
  });
});

type Tree =
  | { k: 'v'; n: 'a' | 'b' | 'c' }
  | { k: 'not'; x: Tree }
  | { k: 'and' | 'or'; l: Tree; r: Tree };
const PREC = { or: 1, and: 2, not: 3, v: 4 } as const;

function print(t: Tree, parentPrec: number, extraParens: boolean): string {
  const p = PREC[t.k];
  let s: string;
  if (t.k === 'v') s = t.n;
  else if (t.k === 'not') s = `not ${print(t.x, p, extraParens)}`;
  else s = `${print(t.l, p, extraParens)} ${t.k} ${print(t.r, p + 1, extraParens)}`;
  return p < parentPrec || (extraParens && t.k !== 'v') ? `(${s})` : s;
}
function evalTree(t: Tree, env: Record<string, boolean>): boolean {
  if (t.k === 'v') return env[t.n] as boolean;
  if (t.k === 'not') return !evalTree(t.x, env);
  return t.k === 'and'
    ? evalTree(t.l, env) && evalTree(t.r, env)
    : evalTree(t.l, env) || evalTree(t.r, env);
}
function evalNode(n: ConditionNode, env: Record<string, boolean>): boolean {
  if (n.kind === 'ref') return env[n.name] as boolean;
  if (n.kind === 'not') return !evalNode(n.operand, env);
  if (n.kind === 'and') return evalNode(n.left, env) && evalNode(n.right, env);
  if (n.kind === 'or') return evalNode(n.left, env) || evalNode(n.right, env);
  throw new Error('unexpected node');
}
const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      k: fc.constant('v' as const),
      n: fc.constantFrom('a' as const, 'b' as const, 'c' as const),
    }),
    fc.record({ k: fc.constant('not' as const), x: tie('t') }),
    fc.record({ k: fc.constantFrom('and' as const, 'or' as const), l: tie('t'), r: tie('t') }),
  ),
})).t;

describe('condition parsing properties', () => {
  it('printing with minimal parentheses and parsing back keeps the meaning', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (t, extra) => {
        const parsed = parseCondition(print(t, 0, extra));
        assert.ok(!isError(parsed), print(t, 0, extra));
        for (let bits = 0; bits < 8; bits++) {
          const env = { a: (bits & 1) > 0, b: (bits & 2) > 0, c: (bits & 4) > 0 };
          assert.equal(evalNode(parsed as ConditionNode, env), evalTree(t, env));
        }
      }),
      { numRuns: 500 },
    );
  });
  it('any token soup either parses or returns an error with an offset inside the text', () => {
    const tok = fc.constantFrom(
      'a',
      'b',
      'and',
      'or',
      'not',
      '(',
      ')',
      '1 of',
      'all of',
      'them',
      'x*',
      '|',
    );
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        const r = parseCondition(text);
        if (isError(r)) assert.ok(r.offset >= 0 && r.offset <= text.length);
      }),
      { numRuns: 1000 },
    );
  });
});
