// Sniffing help for the JSON-per-line formats: the first non-blank line parsed as a JSON
// object, or undefined when it is not one. Pure.

export function firstJsonObject(lines: string[]): Record<string, unknown> | undefined {
  const first = lines.find((l) => l.trim() !== '');
  if (!first?.trimStart().startsWith('{')) return undefined;
  try {
    const o: unknown = JSON.parse(first);
    return typeof o === 'object' && o !== null && !Array.isArray(o) ? (o as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
