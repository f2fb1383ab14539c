// Many `contains` values on one field (e.g. hundreds of emoji or tool names) tested in one pass:
// needles are grouped by their first character, so the text is walked once instead of once per
// needle.

export function compileNeedleSet(needles: string[]): (text: string) => boolean {
  const byFirst = new Map<string, string[]>();
  let emptyNeedle = false;
  for (const n of needles) {
    if (n === '') emptyNeedle = true;
    const first = n[0];
    if (first === undefined) continue;
    const list = byFirst.get(first);
    if (list) list.push(n);
    else byFirst.set(first, [n]);
  }
  return (text) => {
    if (emptyNeedle) return true;
    for (let i = 0; i < text.length; i++) {
      const list = byFirst.get(text[i] as string);
      if (!list) continue;
      for (const n of list) if (text.startsWith(n, i)) return true;
    }
    return false;
  };
}
