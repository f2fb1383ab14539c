// Results of costly detection items, memoised by the field's text. An item on one field (no
// `fieldref`, no numeric or time comparison) is a pure function of the field's text, and real
// logs repeat texts (images, users, whole command lines), so a regular expression or a long
// value list needs to run once per distinct text. Cheap items (one equality, one suffix) are not
// memoised: a Map lookup costs about as much as they do. All items share one bounded pool.
import { MemoPool } from './bounded-memo.ts';
import { NUMERIC_COMPARATORS } from './modifiers.ts';
import { TIME_PARTS } from './time-parts.ts';

export const itemMemo = new MemoPool<boolean>({
  maxEntries: 65_536,
  maxChars: 4_000_000,
  maxKeyLength: 4_096,
});

/** Values at which an item's list is worth a memo lookup. */
const MANY_VALUES = 4;

/**
 * Whether an item with these modifiers is decided by its field's texts alone: fieldref reads
 * another field; comparisons and time parts see numbers and strings apart. `all` tests the
 * scalars together, so it is decided by one text only where the field holds at most one
 * (`allowAll`: the caller makes sure of that).
 */
export function decidedByText(mods: string[], allowAll = false): boolean {
  for (const m of mods) {
    if (m === 'fieldref' || (m === 'all' && !allowAll) || NUMERIC_COMPARATORS.has(m)) return false;
    if ((TIME_PARTS as readonly string[]).includes(m)) return false;
  }
  return true;
}

/** Whether an item with these modifiers and this many values gains from a memo. */
export function worthMemo(mods: string[], valueCount: number): boolean {
  return (
    decidedByText(mods) &&
    (valueCount >= MANY_VALUES ||
      mods.includes('re') ||
      mods.includes('windash') ||
      mods.includes('cased'))
  );
}
