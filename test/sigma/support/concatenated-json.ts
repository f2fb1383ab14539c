// Reads files holding one JSON value, an array, or several pretty-printed JSON objects one after
// another (as some SigmaHQ regression files do): returns the objects in order.

export function splitConcatenatedJson(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i;
    } else if ((c === '}' || c === ']') && --depth === 0) {
      const v: unknown = JSON.parse(text.slice(start, i + 1));
      if (Array.isArray(v)) out.push(...v);
      else out.push(v);
    }
  }
  return out;
}
