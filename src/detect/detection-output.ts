// The JSONL shape `warden detect` prints for each detection (CONTRACTS.md): single-event rules
// as {rule,title,level,line}; correlations with their group, time range, count and lines. Pure.
import type { Detection } from '../sigma/index.ts';

export function detectionRecord(d: Detection): Record<string, unknown> {
  if (d.kind === 'rule') return { rule: d.rule, title: d.title, level: d.level, line: d.line };
  return {
    rule: d.rule,
    title: d.title,
    level: d.level,
    correlation: d.correlation,
    group: d.group,
    first: d.first,
    last: d.last,
    count: d.count,
    lines: d.lines,
  };
}
