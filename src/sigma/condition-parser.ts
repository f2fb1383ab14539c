// Parses a detection `condition` into a tree with the spec's precedence, least to most binding:
// `or`, `and`, `not`, `x of`, parentheses. Errors carry the character offset so the caller can
// report file:line:col. Identifier checks (unknown names, empty patterns) live in the rule parser.
import type { ConditionNode } from './types.ts';

export interface ConditionError {
  message: string;
  offset: number;
}

interface Token {
  text: string;
  lower: string;
  offset: number;
}

const TOKEN_RE = /\(|\)|[^\s()]+/g;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE))
    out.push({ text: m[0], lower: m[0].toLowerCase(), offset: m.index ?? 0 });
  return out;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', '(', ')']);

export function parseCondition(text: string): ConditionNode | ConditionError {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (message: string, at?: Token): ConditionError => ({
    message,
    offset: (at ?? peek())?.offset ?? text.length,
  });

  const parseOr = (): ConditionNode | ConditionError => {
    let left = parseAnd();
    while (!isError(left) && peek()?.lower === 'or') {
      pos++;
      const right = parseAnd();
      if (isError(right)) return right;
      left = { kind: 'or', left, right };
    }
    return left;
  };
  const parseAnd = (): ConditionNode | ConditionError => {
    let left = parseNot();
    while (!isError(left) && peek()?.lower === 'and') {
      pos++;
      const right = parseNot();
      if (isError(right)) return right;
      left = { kind: 'and', left, right };
    }
    return left;
  };
  const parseNot = (): ConditionNode | ConditionError => {
    if (peek()?.lower === 'not') {
      pos++;
      const operand = parseNot();
      return isError(operand) ? operand : { kind: 'not', operand };
    }
    return parsePrimary();
  };
  const parsePrimary = (): ConditionNode | ConditionError => {
    const t = peek();
    if (!t) return fail('condition ends too early: expected a search identifier');
    if (t.text === '(') {
      pos++;
      const inner = parseOr();
      if (isError(inner)) return inner;
      if (peek()?.text !== ')') return fail('expected ")" to close an earlier "("');
      pos++;
      return inner;
    }
    const next = tokens[pos + 1];
    if (next?.lower === 'of') {
      const q =
        t.lower === 'all'
          ? 'all'
          : t.lower === 'any'
            ? 1
            : /^[1-9]\d*$/.test(t.lower)
              ? Number(t.lower)
              : null;
      if (q === null) return fail(`"${t.text} of": expected "1 of", "any of" or "all of"`, t);
      const target = tokens[pos + 2];
      if (!target || KEYWORDS.has(target.lower))
        return fail('expected a search-identifier pattern or "them" after "of"', target);
      pos += 3;
      return { kind: 'of', quantifier: q, pattern: target.lower === 'them' ? 'them' : target.text };
    }
    if (KEYWORDS.has(t.lower))
      return fail(`unexpected "${t.text}": expected a search identifier`, t);
    if (t.lower === 'them' || t.lower === 'all' || t.lower === 'any') {
      return fail(`unexpected "${t.text}": did you mean "1 of them"?`, t);
    }
    if (t.text.includes('|'))
      return fail(
        `"${t.text}": aggregation expressions ("|") are not Sigma v2; use a correlation rule`,
        t,
      );
    pos++;
    return { kind: 'ref', name: t.text };
  };

  if (tokens.length === 0) return { message: 'condition is empty', offset: 0 };
  const tree = parseOr();
  if (isError(tree)) return tree;
  if (pos < tokens.length) {
    const t = tokens[pos] as Token;
    if (t.text.startsWith('|')) {
      return fail(
        'aggregation expressions ("| count() ...") are not Sigma v2: use a correlation rule',
        t,
      );
    }
    return fail(`unexpected "${t.text}" after a complete condition (missing "and"/"or"?)`, t);
  }
  return tree;
}

export function isError(x: ConditionNode | ConditionError): x is ConditionError {
  return (x as ConditionError).message !== undefined;
}

/** Search identifiers an `x of` pattern selects: `them` is every one not starting with `_`. */
export function identifiersMatching(pattern: string, names: string[]): string[] {
  if (pattern === 'them') return names.filter((n) => !n.startsWith('_'));
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return names.filter((n) => re.test(n));
}

/** Every identifier name the tree refers to directly (not through patterns). */
export function referencedNames(
  node: ConditionNode,
  out: Array<{ name: string }> = [],
): Array<{ name: string }> {
  switch (node.kind) {
    case 'and':
    case 'or':
      referencedNames(node.left, out);
      referencedNames(node.right, out);
      break;
    case 'not':
      referencedNames(node.operand, out);
      break;
    case 'ref':
      out.push({ name: node.name });
      break;
    case 'of':
      break;
  }
  return out;
}
