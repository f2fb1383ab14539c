// What a pipeline means for one rule: its field mapping, its placeholder values and the extra
// conditions (add_condition) that tie the rule's logsource to events. Without a pipeline a rule
// reads fields by their own names and its logsource adds no condition.
import type { ItemContext } from './compile-item.ts';
import { appliesTo, type Pipeline } from './pipeline.ts';
import { expandPlaceholders } from './placeholders.ts';
import type { DetectionItem, SigmaRule } from './types.ts';

export interface RuleContext extends ItemContext {
  /** add_condition items, ANDed with the rule's own condition. */
  extraItems: DetectionItem[];
}

export function ruleContext(
  rule: SigmaRule,
  pipeline: Pipeline | undefined,
  allowUnresolved: boolean,
): RuleContext {
  const applicable = pipeline
    ? pipeline.transformations.filter((t) => appliesTo(t, rule.logsource))
    : [];
  const mapping = new Map<string, string[]>();
  const extraItems: DetectionItem[] = [];
  let wildcardAll = false;
  const wildcardNames = new Set<string>();
  for (const t of applicable) {
    if (t.type === 'field_name_mapping')
      for (const [from, to] of Object.entries(t.mapping)) mapping.set(from, to);
    else if (t.type === 'add_condition') {
      for (const [key, values] of Object.entries(t.conditions)) {
        const [field = '', ...modifiers] = key.split('|');
        extraItems.push({ field, modifiers, values, pos: rule.pos });
      }
    } else if (t.type === 'wildcard_placeholders') {
      if (t.include) for (const n of t.include) wildcardNames.add(n);
      else wildcardAll = true;
    }
  }
  const vars = pipeline?.vars ?? {};
  return {
    extraItems,
    mapField: (f) => mapping.get(f) ?? [f],
    expand: (value) => {
      const r = expandPlaceholders(value, {
        values: (name) =>
          vars[name] ??
          (wildcardAll || wildcardNames.has(name)
            ? ['*']
            : allowUnresolved
              ? ['%unresolved%']
              : undefined),
      });
      return r;
    },
  };
}
