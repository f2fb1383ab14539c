// Processing pipelines, a minimal pySigma-like YAML: `vars` (placeholder values for `expand`)
// and `transformations` of type field_name_mapping, add_condition (how a logsource maps onto
// events), value_placeholders and wildcard_placeholders, each optionally limited by
// `rule_conditions` on the rule's logsource. See docs/SIGMA.md for the format.
import { LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import type { Logsource, RuleError, RuleValue } from './types.ts';
import { DocReader, isMap, isScalar, isSeq, nodeOf, ruleValueOf, stringAt } from './yaml-nodes.ts';

export interface LogsourceCondition extends Logsource {
  type: 'logsource';
}

interface TransformationBase {
  id?: string;
  when: LogsourceCondition[];
  whenOp: 'and' | 'or';
}

export type Transformation = TransformationBase &
  (
    | { type: 'field_name_mapping'; mapping: Record<string, string[]> }
    | { type: 'add_condition'; conditions: Record<string, RuleValue[]> }
    | { type: 'value_placeholders' | 'wildcard_placeholders'; include?: string[] }
  );

export interface Pipeline {
  name: string;
  vars: Record<string, string[]>;
  transformations: Transformation[];
}

const TYPES = [
  'field_name_mapping',
  'add_condition',
  'value_placeholders',
  'wildcard_placeholders',
];

export function parsePipeline(
  yamlText: string,
  file: string,
): { pipeline?: Pipeline; errors: RuleError[] } {
  const lines = new LineCounter();
  const r = new DocReader(file, lines);
  const doc = parseDocument(yamlText, { lineCounter: lines, uniqueKeys: true });
  for (const e of doc.errors) r.errorAt(r.posAt(e.pos[0]), `YAML: ${e.message.split('\n')[0]}`);
  if (r.errors.length) return { errors: r.errors };
  const root = doc.contents;
  if (!isMap(root)) {
    r.errorAt({ file, line: 1, col: 1 }, 'a pipeline must be a map with "transformations"');
    return { errors: r.errors };
  }
  const pipeline: Pipeline = {
    name: stringAt(r, root, 'name', false) ?? file,
    vars: parseVars(r, root),
    transformations: [],
  };
  const list = nodeOf(root, 'transformations');
  if (list !== undefined && !isSeq(list)) r.error(list, '"transformations" must be a list');
  for (const item of isSeq(list) ? (list.items as Node[]) : []) {
    if (!isMap(item)) {
      r.error(item, 'a transformation must be a map');
      continue;
    }
    const t = parseTransformation(r, item);
    if (t) pipeline.transformations.push(t);
  }
  return r.errors.length ? { errors: r.errors } : { pipeline, errors: [] };
}

function parseVars(r: DocReader, root: YAMLMap): Record<string, string[]> {
  const node = nodeOf(root, 'vars');
  const vars: Record<string, string[]> = {};
  if (node === undefined) return vars;
  if (!isMap(node)) {
    r.error(node, '"vars" must map placeholder names to values');
    return vars;
  }
  for (const p of node.items) {
    const name = isScalar(p.key) ? String(p.key.value) : '';
    const v = p.value;
    if (isScalar(v) && v.value !== null) vars[name] = [String(v.value)];
    else if (isSeq(v) && v.items.every((x) => isScalar(x) && x.value !== null))
      vars[name] = v.items.map((x) => String((x as { value: unknown }).value));
    else r.error(v ?? p.key, `var "${name}" must be a value or a list of values`);
  }
  return vars;
}

function parseTransformation(r: DocReader, map: YAMLMap): Transformation | null {
  const type = stringAt(r, map, 'type', true);
  if (type === undefined) return null;
  if (!TYPES.includes(type)) {
    r.error(
      nodeOf(map, 'type'),
      `unknown transformation type "${type}" (supported: ${TYPES.join(', ')})`,
    );
    return null;
  }
  const base: TransformationBase = {
    when: parseRuleConditions(r, map),
    whenOp: stringAt(r, map, 'rule_cond_op', false) === 'or' ? 'or' : 'and',
  };
  const id = stringAt(r, map, 'id', false);
  if (id !== undefined) base.id = id;
  if (type === 'field_name_mapping') {
    const m = nodeOf(map, 'mapping');
    if (!isMap(m)) {
      r.error(m ?? map, 'field_name_mapping needs a "mapping" map');
      return null;
    }
    const mapping: Record<string, string[]> = {};
    for (const p of m.items) {
      const from = isScalar(p.key) ? String(p.key.value) : '';
      const to = p.value;
      if (isScalar(to) && typeof to.value === 'string') mapping[from] = [to.value];
      else if (
        isSeq(to) &&
        to.items.length &&
        to.items.every((x) => isScalar(x) && typeof x.value === 'string')
      )
        mapping[from] = to.items.map((x) => String((x as { value: unknown }).value));
      else r.error(to ?? p.key, `mapping for "${from}" must be a field name or a list of names`);
    }
    return { ...base, type, mapping };
  }
  if (type === 'add_condition') {
    const c = nodeOf(map, 'conditions');
    if (!isMap(c)) {
      r.error(c ?? map, 'add_condition needs a "conditions" map');
      return null;
    }
    const conditions: Record<string, RuleValue[]> = {};
    for (const p of c.items) {
      const field = isScalar(p.key) ? String(p.key.value) : '';
      const v = p.value;
      if (isScalar(v)) conditions[field] = [ruleValueOf(v)];
      else if (isSeq(v) && v.items.every((x) => isScalar(x)))
        conditions[field] = v.items.map((x) => ruleValueOf(x as never));
      else r.error(v ?? p.key, `condition "${field}" must be a value or a list of values`);
    }
    return { ...base, type, conditions };
  }
  const include = nodeOf(map, 'include');
  const t: Transformation = {
    ...base,
    type: type as 'value_placeholders' | 'wildcard_placeholders',
  };
  if (include !== undefined) {
    if (isSeq(include))
      t.include = include.items.map((x) => String((x as { value: unknown }).value));
    else r.error(include, '"include" must be a list of placeholder names');
  }
  return t;
}

function parseRuleConditions(r: DocReader, map: YAMLMap): LogsourceCondition[] {
  const node = nodeOf(map, 'rule_conditions');
  if (node === undefined) return [];
  if (!isSeq(node)) {
    r.error(node, '"rule_conditions" must be a list');
    return [];
  }
  const out: LogsourceCondition[] = [];
  for (const c of node.items as Node[]) {
    if (!isMap(c) || stringAt(r, c, 'type', true) !== 'logsource') {
      r.error(c, 'only rule conditions of type "logsource" are supported');
      continue;
    }
    const cond: LogsourceCondition = { type: 'logsource' };
    for (const k of ['category', 'product', 'service'] as const) {
      const v = stringAt(r, c, k, false);
      if (v !== undefined) cond[k] = v;
    }
    out.push(cond);
  }
  return out;
}

/** Whether a transformation applies to a rule with this logsource. */
export function appliesTo(t: Transformation, ls: Logsource): boolean {
  if (t.when.length === 0) return true;
  const one = (c: LogsourceCondition) =>
    (['category', 'product', 'service'] as const).every(
      (k) => c[k] === undefined || c[k] === ls[k],
    );
  return t.whenOp === 'or' ? t.when.some(one) : t.when.every(one);
}
