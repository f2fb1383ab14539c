// Entry point of the parser: multi-document YAML text in, rules, correlations and positioned
// errors out. YAML syntax errors become RuleErrors; documents that are not Sigma at all (no
// title, logsource, detection or correlation) are counted as skipped, not as rules.
import { LineCounter, parseAllDocuments } from 'yaml';
import { parseCorrelation } from './parse-correlation.ts';
import { parseRule } from './parse-rule.ts';
import type { ParsedRuleDocuments } from './types.ts';
import { DocReader, isMap, pairOf } from './yaml-nodes.ts';

const SIGMA_KEYS = ['title', 'logsource', 'detection', 'correlation'];

export function parseRuleDocuments(yamlText: string, file: string): ParsedRuleDocuments {
  const lines = new LineCounter();
  const reader = new DocReader(file, lines);
  const out: ParsedRuleDocuments = {
    rules: [],
    correlations: [],
    errors: reader.errors,
    documents: 0,
    skipped: 0,
  };
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(yamlText, { lineCounter: lines, uniqueKeys: true });
  } catch (e) {
    reader.errorAt(
      { file, line: 1, col: 1 },
      `YAML: ${e instanceof Error ? e.message : String(e)}`,
    );
    return out;
  }
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    if (doc.errors.length) {
      out.documents++; // a document meant as a rule that does not even parse still counts
      for (const e of doc.errors)
        reader.errorAt(reader.posAt(e.pos[0]), `YAML: ${firstLine(e.message)}`);
      continue;
    }
    const root = doc.contents;
    if (root === null) continue; // an empty document (e.g. a trailing `---`)
    if (!isMap(root)) {
      reader.error(root, 'a Sigma document must be a map');
      continue;
    }
    if (!SIGMA_KEYS.some((k) => pairOf(root, k))) {
      out.skipped++;
      continue;
    }
    out.documents++;
    if (pairOf(root, 'correlation')) {
      const c = parseCorrelation(reader, root);
      if (c) out.correlations.push(c);
    } else {
      const r = parseRule(reader, root);
      if (r) out.rules.push(r);
    }
  }
  return out;
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).replace(/ at line \d+, column \d+:?$/, '');
}
