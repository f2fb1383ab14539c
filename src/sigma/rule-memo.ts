// Whole-rule results memoised by the texts of the fields the rule reads. For rules the index
// must try on every event (no requirement: `not` filters, `null` values), whose every item is
// decided by its field's texts alone (compile-item.ts `reads`). Real logs repeat the few fields
// such rules read (an image, its parent), so a rule of twenty filters costs a lookup or two on
// most events. A field with several scalars, or a very long text, runs the rule itself.
//
// One Map level per field, keyed by the text as found: no key is built per event (joining long
// command lines into one key cost more than the rule). The tree is bounded: past MAX_ENTRIES
// results it starts empty again, so memory stays flat on an endless stream of unique texts, and
// while its hit rate is low it is consulted on a sample of calls only.
import { HitRateSampler } from './bounded-memo.ts';
import type { EventTest } from './compile-item.ts';
import { fieldSlot, scalarsAt } from './event-scratch.ts';

/** Rules reading more fields than this are run directly. */
export const MAX_MEMO_FIELDS = 3;
const MAX_ENTRIES = 16_384;
/** Longer texts are not remembered: they rarely repeat and would hold memory. */
const MAX_TEXT = 1_024;

const MISSING = 0; // absent or null
const EMPTY = 1; // present without a scalar (`[]`, `{}`)
const TEXT = 2;

type Node = Level | boolean;

/** One field's states, each leading to the next field's level (or, at the last, the result). */
interface Level {
  missing: Node | undefined;
  empty: Node | undefined;
  byText: Map<string, Node>;
}

const newLevel = (): Level => ({ missing: undefined, empty: undefined, byText: new Map() });

function child(level: Level, kind: number, text: string): Node | undefined {
  return kind === TEXT ? level.byText.get(text) : kind === MISSING ? level.missing : level.empty;
}

function setChild(level: Level, kind: number, text: string, node: Node): void {
  if (kind === TEXT) level.byText.set(text, node);
  else if (kind === MISSING) level.missing = node;
  else level.empty = node;
}

export function memoByFields(test: EventTest, fields: string[]): EventTest {
  const slots = [...new Set(fields)].map(fieldSlot);
  const last = slots.length - 1;
  // the current event's state per field (reused: no allocation per event)
  const kinds = new Array<number>(slots.length).fill(MISSING);
  const texts = new Array<string>(slots.length).fill('');
  let root = newLevel();
  let entries = 0;
  // As the other memos: while the texts do not repeat (a command line per event), most calls
  // skip the lookups and the stores that would never be read.
  const rate = new HitRateSampler();
  return (ev) => {
    if (!rate.shouldLook()) return test(ev);
    for (let i = 0; i <= last; i++) {
      const sc = scalarsAt(ev, slots[i] as number);
      const n = sc.texts.length;
      if (n > 1) return test(ev);
      if (n === 1) {
        const t = sc.texts[0] as string;
        if (t.length > MAX_TEXT) return test(ev);
        kinds[i] = TEXT;
        texts[i] = t;
      } else kinds[i] = sc.missing ? MISSING : EMPTY;
    }
    let level = root;
    for (let i = 0; i < last; i++) {
      let next = child(level, kinds[i] as number, texts[i] as string);
      if (next === undefined) {
        next = newLevel();
        setChild(level, kinds[i] as number, texts[i] as string, next);
      }
      level = next as Level;
    }
    const known = child(level, kinds[last] as number, texts[last] as string);
    rate.record(known !== undefined);
    if (known !== undefined) return known as boolean;
    const result = test(ev);
    if (++entries > MAX_ENTRIES) {
      root = newLevel();
      entries = 0;
    } else setChild(level, kinds[last] as number, texts[last] as string, result);
    return result;
  };
}
