// What every match of a regular expression must have, found conservatively: a literal
// substring (top-level literal runs of a pattern with no top-level alternation), which the
// matcher checks before running the regex engine and the rule index files `re` rules under, and
// a minimum length (`.{1000,}` needs 1,000 characters: shorter texts need no regex run). Anything
// not understood ends a run or counts as empty; neither may claim what a match can lack.

const META = new Set(['.', '^', '$', '|', '(', ')', '[', ']', '*', '+', '?', '{', '}']);

/** `{n}`, `{n,}` or `{n,m}` at `i`: its length, else 0 (RE2 reads other braces literally). */
function repetitionAt(pattern: string, i: number): number {
  const m = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i, i + 24));
  return m ? m[0].length : 0;
}

/** Whether the atom ending before `i` is quantified (may repeat zero times or vary). */
function quantifiedAt(pattern: string, i: number): boolean {
  const c = pattern[i];
  return c === '*' || c === '?' || c === '+' || (c === '{' && repetitionAt(pattern, i) > 0);
}

/**
 * Where a letter or digit escape at `i` (the backslash) ends: `\x41`, `\x{263a}`, `\pL`,
 * `\p{Greek}`, octal `\012` and `\Q…\E` take arguments; `\d`, `\w`, `\b`, `\n`… are one letter.
 */
function escapeEnd(pattern: string, i: number): number {
  const n = pattern[i + 1];
  if (n === 'x') {
    if (pattern[i + 2] === '{') return pattern.indexOf('}', i) + 1 || pattern.length;
    return i + 4;
  }
  if (n === 'p' || n === 'P') {
    if (pattern[i + 2] === '{') return pattern.indexOf('}', i) + 1 || pattern.length;
    return i + 3;
  }
  if (n === 'Q') {
    const e = pattern.indexOf('\\E', i + 2);
    return e < 0 ? pattern.length : e + 2;
  }
  if (n !== undefined && /[0-7]/.test(n)) {
    let j = i + 2;
    while (j < i + 4 && /[0-7]/.test(pattern[j] ?? '')) j++;
    return j;
  }
  return i + 2;
}

/** The longest required literal (lower-cased when `insensitive`), or null if there is none. */
export function requiredRegexLiteral(pattern: string, insensitive: boolean): string | null {
  if (/\(\?[a-z]*i/.test(pattern)) insensitive = true;
  const runs: string[] = [];
  let run = '';
  let depth = 0;
  const end = () => {
    if (run) runs.push(run);
    run = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n !== undefined && /[^A-Za-z0-9]/.test(n)) {
        i++;
        if (depth > 0 || quantifiedAt(pattern, i + 1)) end();
        else run += n;
      } else {
        end();
        i = escapeEnd(pattern, i) - 1;
      }
      continue;
    }
    if (c === '[') {
      i = classEnd(pattern, i);
      end();
      continue;
    }
    if (c === '{' && depth === 0) {
      end();
      const rep = repetitionAt(pattern, i);
      if (rep > 0) i += rep - 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
    if (depth > 0 || c === '(' || c === ')' || META.has(c)) {
      end();
      continue;
    }
    if (quantifiedAt(pattern, i + 1)) end();
    else run += c;
  }
  end();
  let best = '';
  for (const r of runs) if (r.length > best.length) best = r;
  if (best.length === 0) return null;
  return insensitive ? best.toLowerCase() : best;
}

/**
 * A lower bound on the characters (code points, so also UTF-16 units) of any match: top-level
 * atoms times their least repetition; groups, anchors and unknown constructs count 0, and a
 * top-level alternation makes it 0.
 */
export function minRegexLength(pattern: string): number {
  let total = 0;
  /** The last atom's least length, until a quantifier says how often it repeats. */
  let last = 0;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (depth > 0) {
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '[') i = classEnd(pattern, i);
      continue;
    }
    let atom = 0;
    if (c === '(') {
      depth++;
    } else if (c === '|') {
      return 0;
    } else if (c === '*' || c === '?') {
      total -= last;
      last = 0;
      continue;
    } else if (c === '+') {
      continue;
    } else if (c === '{') {
      const rep = repetitionAt(pattern, i);
      if (rep > 0) {
        const least = Number(/\d+/.exec(pattern.slice(i + 1))?.[0] ?? 0);
        total += last * (least - 1);
        last *= least;
        i += rep - 1;
        continue;
      }
      atom = 1;
    } else if (c === '[') {
      i = classEnd(pattern, i);
      atom = 1;
    } else if (c === '\\') {
      const n = pattern[i + 1] ?? '';
      if (n === 'Q') {
        atom = 0;
        i = escapeEnd(pattern, i) - 1;
      } else {
        // \b \B \A \z assert a position; every other escape is one character
        atom = 'bBAz'.includes(n) ? 0 : 1;
        i = (/[A-Za-z0-9]/.test(n) ? escapeEnd(pattern, i) : i + 2) - 1;
      }
    } else if (c === '^' || c === '$') {
      atom = 0;
    } else atom = 1;
    total += atom;
    last = atom;
  }
  return Math.max(0, total);
}

/** The index of the `]` closing the class that opens at `i` (a leading `]` or `^]` is text). */
function classEnd(pattern: string, i: number): number {
  let j = i + 1;
  if (pattern[j] === '^') j++;
  if (pattern[j] === ']') j++;
  for (; j < pattern.length; j++) {
    if (pattern[j] === '\\') j++;
    else if (pattern[j] === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      if (close > 0) j = close + 1;
    } else if (pattern[j] === ']') return j;
  }
  return pattern.length;
}
