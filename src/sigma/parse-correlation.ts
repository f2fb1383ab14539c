// Reads one Sigma correlation document: type (all seven of v2.1), referenced rules, group-by,
// timespan, condition (ranges allowed), field, aliases and generate. References are resolved
// later (compile-rule-set.ts), because they may point into other files.
import type { Node, YAMLMap } from 'yaml';
import { LEVELS } from './parse-rule.ts';
import { parseTimespan } from './timespan.ts';
import {
  CORRELATION_TYPES,
  type CorrelationCondition,
  type CorrelationType,
  type SigmaCorrelation,
  type SourcePos,
} from './types.ts';
import {
  type DocReader,
  isMap,
  isScalar,
  isSeq,
  nodeOf,
  stringAt,
  stringListAt,
} from './yaml-nodes.ts';

const BOUNDS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
const VALUE_TYPES: CorrelationType[] = [
  'value_count',
  'value_sum',
  'value_avg',
  'value_percentile',
];

export function parseCorrelation(r: DocReader, map: YAMLMap): SigmaCorrelation | null {
  const before = r.errors.length;
  const title = stringAt(r, map, 'title', true);
  const id = stringAt(r, map, 'id', false);
  const name = stringAt(r, map, 'name', false);
  const levelText = stringAt(r, map, 'level', false);
  if (levelText !== undefined && !LEVELS.includes(levelText))
    r.error(nodeOf(map, 'level'), `"level" must be one of ${LEVELS.join(', ')}`);
  const genNode = nodeOf(map, 'generate');
  let generate = false;
  if (genNode !== undefined) {
    if (isScalar(genNode) && typeof genNode.value === 'boolean') generate = genNode.value;
    else r.error(genNode, '"generate" must be true or false');
  }
  const corr = nodeOf(map, 'correlation');
  if (!isMap(corr)) {
    r.error(corr ?? map, '"correlation" must be a map');
    return null;
  }
  const typeText = stringAt(r, corr, 'type', true);
  const type = CORRELATION_TYPES.find((t) => t === typeText);
  if (typeText !== undefined && !type)
    r.error(
      nodeOf(corr, 'type'),
      `unknown correlation type "${typeText}" (expected ${CORRELATION_TYPES.join(', ')})`,
    );
  const rulesNode = nodeOf(corr, 'rules');
  const rules = stringListAt(r, corr, 'rules');
  const rulePositions: SourcePos[] = isSeq(rulesNode)
    ? rulesNode.items.map((n) => r.posOf(n))
    : rules.map(() => r.posOf(rulesNode));
  if (rulesNode === undefined) r.error(corr, 'correlation is missing "rules"');
  else if (rules.length === 0) r.error(rulesNode, 'correlation "rules" is empty');
  const groupBy = stringListAt(r, corr, 'group-by');
  const timespanText = stringAt(r, corr, 'timespan', true);
  let timespanMs = 0;
  if (timespanText !== undefined) {
    const t = parseTimespan(timespanText);
    if (typeof t === 'string') r.error(nodeOf(corr, 'timespan'), t);
    else timespanMs = t;
  }
  const condition = type ? parseCorrelationCondition(r, corr, type, rules.length) : null;
  const aliases = parseAliases(r, corr);
  if (r.errors.length > before || title === undefined || !type || condition === null) return null;
  const out: SigmaCorrelation = {
    title,
    level: levelText ?? 'medium',
    type,
    rules,
    rulePositions,
    groupBy,
    timespanMs,
    condition,
    aliases,
    generate,
    pos: r.posOf(map),
  };
  if (id !== undefined) out.id = id;
  if (name !== undefined) out.name = name;
  return out;
}

function parseCorrelationCondition(
  r: DocReader,
  corr: YAMLMap,
  type: CorrelationType,
  ruleCount: number,
): CorrelationCondition | null {
  const node = nodeOf(corr, 'condition');
  const temporal = type === 'temporal' || type === 'temporal_ordered';
  const cond: CorrelationCondition = {};
  const legacyField = stringListAt(r, corr, 'field');
  if (legacyField.length) cond.field = legacyField;
  if (node === undefined) {
    if (temporal) return { ...cond, gte: ruleCount };
    r.error(corr, `a ${type} correlation needs a "condition"`);
    return null;
  }
  if (!isMap(node)) {
    r.error(node, 'correlation condition must be a map such as {gte: 10}');
    return null;
  }
  let ok = true;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = pair.value as Node | null;
    if ((BOUNDS as readonly string[]).includes(key) || key === 'percentile') {
      if (!isScalar(v) || typeof v.value !== 'number') {
        r.error(v ?? pair.key, `condition "${key}" must be a number`);
        ok = false;
      } else (cond as Record<string, number>)[key] = v.value;
    } else if (key === 'field') {
      if (isScalar(v) && typeof v.value === 'string') cond.field = [v.value];
      else if (isSeq(v) && v.items.every((x) => isScalar(x) && typeof x.value === 'string')) {
        cond.field = v.items.map((x) => String((x as { value: unknown }).value));
      } else {
        r.error(v ?? pair.key, 'condition "field" must be a field name or a list of names');
        ok = false;
      }
    } else {
      r.error(
        pair.key,
        `unknown correlation condition "${key}" (expected gt, gte, lt, lte, eq, neq, field)`,
      );
      ok = false;
    }
  }
  if (!ok) return null;
  if (!BOUNDS.some((b) => cond[b] !== undefined)) {
    if (temporal) cond.gte = ruleCount;
    else {
      r.error(node, 'correlation condition needs a bound: gt, gte, lt, lte, eq or neq');
      return null;
    }
  }
  if (VALUE_TYPES.includes(type) && !cond.field?.length) {
    r.error(node, `a ${type} correlation needs "field" in its condition`);
    return null;
  }
  if (
    cond.percentile !== undefined &&
    (type !== 'value_percentile' || cond.percentile < 0 || cond.percentile > 100)
  ) {
    r.error(node, '"percentile" is a number 0-100 and only for value_percentile');
    return null;
  }
  return cond;
}

function parseAliases(r: DocReader, corr: YAMLMap): Record<string, Record<string, string>> {
  const node = nodeOf(corr, 'aliases');
  const out: Record<string, Record<string, string>> = {};
  if (node === undefined) return out;
  if (!isMap(node)) {
    r.error(node, '"aliases" must map alias names to {rule: field} maps');
    return out;
  }
  for (const pair of node.items) {
    const alias = isScalar(pair.key) ? String(pair.key.value) : '';
    const inner = pair.value;
    if (!isMap(inner)) {
      r.error(inner ?? pair.key, `alias "${alias}" must map rule names to field names`);
      continue;
    }
    const fields: Record<string, string> = {};
    for (const p of inner.items) {
      if (isScalar(p.key) && isScalar(p.value) && typeof p.value.value === 'string')
        fields[String(p.key.value)] = p.value.value;
      else r.error(p.value ?? p.key, `alias "${alias}": each rule maps to one field name`);
    }
    out[alias] = fields;
  }
  return out;
}
