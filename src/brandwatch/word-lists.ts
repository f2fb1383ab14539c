// Parses user word and suffix lists (`--dictionary FILE`, `--tld FILE`) the way dnstwist does:
// one entry a line, lower-cased, deduplicated, entries that cannot be a label dropped. Pure.

const WORD = /^(?:xn--[a-z0-9-]{3,59}|[a-z0-9-]{1,63})$/;
const SUFFIX = /^[a-z0-9-]{2,63}(?:\.[a-z0-9-]{2,63})?$/;

function entries(text: string, valid: RegExp): string[] {
  const seen = new Set<string>();
  for (const line of text.toLowerCase().split(/\r?\n/)) {
    const t = line.trim();
    if (valid.test(t)) seen.add(t);
  }
  return [...seen];
}

export function parseWordList(text: string): string[] {
  return entries(text, WORD);
}

export function parseSuffixList(text: string): string[] {
  return entries(text, SUFFIX);
}
