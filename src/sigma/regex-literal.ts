// Finds a literal substring every match of a regular expression must contain (conservatively:
// top-level literal runs of a pattern with no top-level alternation). The matcher checks it
// before running the regex engine, and the rule index files `re` rules under it. Anything it
// does not understand ends a run; it must never return text a match can lack.

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
  let inClass = false;
  const end = () => {
    if (run) runs.push(run);
    run = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (inClass) {
      if (c === '\\') i++;
      else if (c === ']') inClass = false;
      continue;
    }
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
      inClass = true;
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
