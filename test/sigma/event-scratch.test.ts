// The per-event scratch reuses its arrays and the previous event's lower-cased texts: whatever
// the sequence of events, a field's lower-cased texts must be exactly its texts lower-cased.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  allScalars,
  beginEvent,
  fieldSlot,
  loweredTexts,
  scalarsAt,
} from '../../src/sigma/event-scratch.ts';

const text = fc.constantFrom('A', 'a', 'Cmd.EXE', 'cmd.exe', 'İ', 'ß', 'x', '', '4688');
const value = fc.oneof(
  text,
  fc.integer({ min: 0, max: 3 }),
  fc.array(text, { maxLength: 3 }),
  fc.constant(null),
);

describe('event scratch', () => {
  it("a field's lower-cased texts follow every event, also when values repeat", () => {
    const slot = fieldSlot('ScratchTestField');
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 12 }), (values) => {
        for (const v of values) {
          const ev = { ScratchTestField: v, Other: v };
          beginEvent();
          const sc = scalarsAt(ev, slot);
          assert.deepEqual(
            loweredTexts(sc),
            sc.texts.map((t) => t.toLowerCase()),
          );
          const all = allScalars(ev);
          assert.deepEqual(
            loweredTexts(all),
            all.texts.map((t) => t.toLowerCase()),
          );
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
