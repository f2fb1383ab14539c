// Reads one Sigma detection-rule document into a SigmaRule: metadata, logsource, search
// identifiers (maps, lists of maps, keyword lists) with their modifiers checked, and the parsed
// condition(s) with every referenced identifier resolved. Problems go to the reader with places.
import type { Node, Scalar, YAMLMap } from 'yaml';
import {
  identifiersMatching,
  isError,
  parseCondition,
  referencedNames,
} from './condition-parser.ts';
import { checkModifiers } from './modifiers.ts';
import type {
  ConditionNode,
  DetectionItem,
  Logsource,
  RuleValue,
  SearchIdentifier,
  SigmaRule,
} from './types.ts';
import {
  type DocReader,
  isMap,
  isScalar,
  isSeq,
  nodeOf,
  pairOf,
  ruleValueOf,
  stringAt,
  stringListAt,
} from './yaml-nodes.ts';

export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'];
export const STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'];

export function parseRule(r: DocReader, map: YAMLMap): SigmaRule | null {
  const before = r.errors.length;
  const title = stringAt(r, map, 'title', true);
  const id = stringAt(r, map, 'id', false);
  const name = stringAt(r, map, 'name', false);
  const level = enumAt(r, map, 'level', LEVELS) ?? 'medium';
  const status = enumAt(r, map, 'status', STATUSES);
  const tags = stringListAt(r, map, 'tags');
  const logsource = parseLogsource(r, map);
  const generateNode = nodeOf(map, 'generate');
  let generate: boolean | undefined;
  if (generateNode !== undefined) {
    if (isScalar(generateNode) && typeof generateNode.value === 'boolean')
      generate = generateNode.value;
    else r.error(generateNode, '"generate" must be true or false');
  }
  const detectionNode = nodeOf(map, 'detection');
  if (detectionNode === undefined) r.error(map, 'missing required "detection"');
  else if (!isMap(detectionNode)) r.error(detectionNode, '"detection" must be a map');
  const parsed = isMap(detectionNode) ? parseDetection(r, detectionNode) : null;
  if (r.errors.length > before || title === undefined || parsed === null) return null;
  const rule: SigmaRule = {
    title,
    level,
    tags,
    logsource,
    detection: parsed.identifiers,
    conditions: parsed.conditions,
    pos: r.posOf(map),
  };
  if (id !== undefined) rule.id = id;
  if (name !== undefined) rule.name = name;
  if (status !== undefined) rule.status = status;
  if (generate !== undefined) rule.generate = generate;
  return rule;
}

function enumAt(r: DocReader, map: YAMLMap, key: string, allowed: string[]): string | undefined {
  const v = stringAt(r, map, key, false);
  if (v === undefined) return undefined;
  if (!allowed.includes(v)) {
    r.error(nodeOf(map, key), `"${key}" must be one of ${allowed.join(', ')} (got "${v}")`);
    return undefined;
  }
  return v;
}

function parseLogsource(r: DocReader, map: YAMLMap): Logsource {
  const node = nodeOf(map, 'logsource');
  if (node === undefined) {
    r.error(map, 'missing required "logsource"');
    return {};
  }
  if (!isMap(node)) {
    r.error(node, '"logsource" must be a map');
    return {};
  }
  const ls: Logsource = {};
  for (const key of ['category', 'product', 'service'] as const) {
    const v = stringAt(r, node, key, false);
    if (v !== undefined) ls[key] = v;
  }
  return ls;
}

function parseDetection(
  r: DocReader,
  det: YAMLMap,
): { identifiers: Record<string, SearchIdentifier>; conditions: ConditionNode[] } | null {
  const identifiers: Record<string, SearchIdentifier> = {};
  const failed: string[] = []; // reported already; the condition may still name them
  for (const pair of det.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'condition') continue;
    if (key === 'timeframe') {
      r.error(
        pair.key,
        '"timeframe" is not Sigma v2: express time windows with a correlation rule',
      );
      continue;
    }
    const ident = parseSearchIdentifier(r, pair.value as Node | null, pair.key);
    if (ident) identifiers[key] = ident;
    else failed.push(key);
  }
  const condPair = pairOf(det, 'condition');
  if (!condPair) {
    r.error(det, 'detection has no "condition"');
    return null;
  }
  const condNodes: Node[] = isSeq(condPair.value)
    ? (condPair.value.items as Node[])
    : [condPair.value as Node];
  const conditions: ConditionNode[] = [];
  const names = [...Object.keys(identifiers), ...failed];
  for (const node of condNodes) {
    if (!isScalar(node) || typeof node.value !== 'string') {
      r.error(node ?? condPair.key, 'condition must be a string (or a list of strings)');
      continue;
    }
    const quoted = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? 1 : 0;
    const tree = parseCondition(node.value);
    if (isError(tree)) {
      r.error(node, `bad condition: ${tree.message}`, quoted + tree.offset);
      continue;
    }
    const problem = checkConditionNames(tree, names);
    if (problem) {
      const at = node.value.indexOf(problem.name);
      r.error(node, problem.message, quoted + Math.max(at, 0));
      continue;
    }
    conditions.push(tree);
  }
  return { identifiers, conditions };
}

function checkConditionNames(
  tree: ConditionNode,
  names: string[],
): { name: string; message: string } | null {
  for (const { name } of referencedNames(tree)) {
    if (!names.includes(name))
      return { name, message: `condition refers to unknown search identifier "${name}"` };
  }
  const stack: ConditionNode[] = [tree];
  while (stack.length) {
    const n = stack.pop() as ConditionNode;
    if (n.kind === 'and' || n.kind === 'or') stack.push(n.left, n.right);
    else if (n.kind === 'not') stack.push(n.operand);
    else if (n.kind === 'of' && identifiersMatching(n.pattern, names).length === 0) {
      return { name: n.pattern, message: `"of ${n.pattern}" matches no search identifier` };
    }
  }
  return null;
}

function parseSearchIdentifier(
  r: DocReader,
  node: Node | null,
  keyNode: unknown,
): SearchIdentifier | null {
  if (node === null || node === undefined) {
    r.error(keyNode, 'search identifier has no value');
    return null;
  }
  if (isMap(node)) {
    const items = parseItemMap(r, node);
    return items ? [items] : null;
  }
  if (isSeq(node)) {
    const alternatives: SearchIdentifier = [];
    const keywords: RuleValue[] = [];
    let ok = true;
    for (const entry of node.items as Node[]) {
      if (isMap(entry)) {
        const items = parseItemMap(r, entry);
        if (items) alternatives.push(items);
        else ok = false;
      } else if (isScalar(entry)) keywords.push(ruleValueOf(entry));
      else {
        r.error(entry, 'list entries must be values or maps');
        ok = false;
      }
    }
    if (keywords.length)
      alternatives.push([{ field: null, modifiers: [], values: keywords, pos: r.posOf(node) }]);
    if (alternatives.length === 0 && ok) r.error(node, 'search identifier is an empty list');
    return ok && alternatives.length ? alternatives : null;
  }
  if (isScalar(node))
    return [[{ field: null, modifiers: [], values: [ruleValueOf(node)], pos: r.posOf(node) }]];
  r.error(node, 'search identifier must be a map or a list');
  return null;
}

function parseItemMap(r: DocReader, map: YAMLMap): DetectionItem[] | null {
  const items: DetectionItem[] = [];
  let ok = true;
  for (const pair of map.items) {
    const keyNode = pair.key as Scalar;
    const key = isScalar(keyNode) ? String(keyNode.value ?? '') : '';
    const [field = '', ...modifiers] = key.split('|');
    const values = itemValues(r, pair.value as Node | null, keyNode);
    if (values === null) {
      ok = false;
      continue;
    }
    const problem = checkModifiers(modifiers, values);
    if (problem) {
      const quoted = keyNode.type === 'QUOTE_SINGLE' || keyNode.type === 'QUOTE_DOUBLE' ? 1 : 0;
      const col =
        field.length + 1 + modifiers.slice(0, problem.index).reduce((n, m) => n + m.length + 1, 0);
      r.error(keyNode, problem.message, quoted + col);
      ok = false;
      continue;
    }
    items.push({ field: field === '' ? null : field, modifiers, values, pos: r.posOf(keyNode) });
  }
  if (items.length === 0 && ok) r.error(map, 'search identifier map is empty');
  return ok && items.length ? items : null;
}

function itemValues(r: DocReader, node: Node | null, keyNode: unknown): RuleValue[] | null {
  if (node === null || node === undefined) return [null];
  if (isScalar(node)) return [ruleValueOf(node)];
  if (isSeq(node)) {
    const out: RuleValue[] = [];
    for (const v of node.items as Node[]) {
      if (isScalar(v)) out.push(ruleValueOf(v));
      else {
        r.error(v, 'field values must be scalars');
        return null;
      }
    }
    if (out.length === 0) {
      r.error(node, 'field has an empty list of values');
      return null;
    }
    return out;
  }
  r.error(node ?? keyNode, 'field value must be a scalar or a list of scalars');
  return null;
}
