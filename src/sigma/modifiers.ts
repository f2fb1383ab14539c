// The value modifiers of Sigma v2.1 (appendix "Sigma Modifiers") and the checks a modifier chain
// must pass before it is compiled: known names, `re` flags only after `re`, and value types the
// modifier can take. Used by the parser so `warden rules check` reports them with positions.
import { TIME_PARTS } from './time-parts.ts';
import type { RuleValue } from './types.ts';

export const MODIFIERS = new Set([
  'contains',
  'startswith',
  'endswith',
  'all',
  'exists',
  'cased',
  'neq',
  'windash',
  're',
  'i',
  'm',
  's',
  'base64',
  'base64offset',
  'utf16le',
  'wide',
  'utf16be',
  'utf16',
  'lt',
  'lte',
  'gt',
  'gte',
  ...TIME_PARTS,
  'cidr',
  'expand',
  'fieldref',
]);

export const NUMERIC_COMPARATORS = new Set(['lt', 'lte', 'gt', 'gte']);

/** Modifiers whose comparison `neq` does not negate. */
const NEQ_EXCLUDES = new Set(['re', 'cidr', ...NUMERIC_COMPARATORS, ...TIME_PARTS]);

/** A problem with a modifier chain: the message and which modifier (index) it concerns. */
export interface ModifierProblem {
  message: string;
  index: number;
}

export function checkModifiers(mods: string[], values: RuleValue[]): ModifierProblem | null {
  for (const [i, m] of mods.entries()) {
    if (!MODIFIERS.has(m)) return { message: `unknown modifier "${m}"`, index: i };
    if ((m === 'i' || m === 'm' || m === 's') && !mods.slice(0, i).includes('re')) {
      return {
        message: `modifier "${m}" is a regular-expression flag and needs "re" before it`,
        index: i,
      };
    }
  }
  const at = (name: string) => mods.indexOf(name);
  if (at('exists') >= 0 && !values.every((v) => typeof v === 'boolean')) {
    return { message: 'modifier "exists" takes true or false', index: at('exists') };
  }
  for (const m of NUMERIC_COMPARATORS) {
    if (
      at(m) >= 0 &&
      !values.every((v) => typeof v === 'number' || (typeof v === 'string' && isNumeric(v)))
    ) {
      return { message: `modifier "${m}" takes a number`, index: at(m) };
    }
  }
  // `neq` negates a value comparison (strings, numbers as written, fieldref); on a regular
  // expression, a CIDR range, a numeric bound or a time part it would be silently ignored
  if (at('neq') >= 0) {
    const other = mods.find((m) => NEQ_EXCLUDES.has(m));
    if (other !== undefined)
      return { message: `modifier "neq" cannot be combined with "${other}"`, index: at('neq') };
  }
  for (const m of ['re', 'cidr', 'fieldref']) {
    if (at(m) >= 0 && !values.every((v) => typeof v === 'string')) {
      return { message: `modifier "${m}" takes a string`, index: at(m) };
    }
  }
  return null;
}

export function isNumeric(s: string): boolean {
  return s.trim() !== '' && Number.isFinite(Number(s));
}
