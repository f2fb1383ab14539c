// `expand` placeholders: `%name%` in a value is replaced by each of the pipeline's values for
// it (several placeholders multiply out); `\%` is a plain percent sign. A placeholder with no
// value is an error unless the pipeline turns unknown ones into `*` (wildcard_placeholders).

export interface PlaceholderSource {
  values(name: string): string[] | undefined;
}

const PART = /\\%|%([^%\s\\]+)%/g;

export function expandPlaceholders(value: string, src: PlaceholderSource): string[] | string {
  let results = [''];
  let last = 0;
  for (const m of value.matchAll(PART)) {
    const at = m.index ?? 0;
    const plain = value.slice(last, at);
    last = at + m[0].length;
    if (m[0] === '\\%') {
      results = results.map((r) => `${r}${plain}%`);
      continue;
    }
    const name = m[1] as string;
    const vals = src.values(name);
    if (vals === undefined) return `placeholder %${name}% has no value in the pipeline`;
    if (vals.length === 0) return `placeholder %${name}% has an empty value list`;
    const next: string[] = [];
    for (const r of results) for (const v of vals) next.push(`${r}${plain}${v}`);
    if (next.length > 4096) return `placeholder %${name}% expands to too many values`;
    results = next;
  }
  const rest = value.slice(last);
  return results.map((r) => r + rest);
}
