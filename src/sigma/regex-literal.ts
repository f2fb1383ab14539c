// Finds a literal substring every match of a regular expression must contain (conservatively:
// top-level literal runs of a pattern with no top-level alternation). The matcher checks it
// before running the regex engine, and the rule index files `re` rules under it.

const QUANTIFIERS = new Set(['*', '?', '+', '{']);
const META = new Set(['.', '^', '$', '|', '(', ')', '[', ']', '*', '+', '?', '{', '}']);

/** The longest required literal (lower-cased when `insensitive`), or null if none of 3+ chars. */
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
      i++;
      if (n !== undefined && depth === 0 && /[^A-Za-z0-9]/.test(n)) {
        if (QUANTIFIERS.has(pattern[i + 1] ?? '')) end();
        else run += n;
      } else end();
      continue;
    }
    if (c === '[') {
      inClass = true;
      end();
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
    if (depth > 0 || c === '(' || c === ')' || META.has(c)) {
      end();
      continue;
    }
    if (QUANTIFIERS.has(pattern[i + 1] ?? '')) end();
    else run += c;
  }
  end();
  let best = '';
  for (const r of runs) if (r.length > best.length) best = r;
  if (best.length < 3) return null;
  return insensitive ? best.toLowerCase() : best;
}
