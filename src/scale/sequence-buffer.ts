// What a partition has received but not yet released, by raw sequence. A batch carries whole
// raw messages, so one message holds all of a sequence's items (context tuples, or this
// partition's entries); a redelivered batch (grouped differently, under another message id)
// replaces them whole instead of doubling them. Releasing takes sequences one by one, so a
// step costs what it releases, not the size of the backlog. Pure: no I/O.
import { seqOfPosition } from './raw-line.ts';

/** Anything positioned in cluster order: [position, ...]. */
export type Positioned = readonly [number, ...unknown[]];

export class SequenceBuffer<T extends Positioned> {
  private readonly bySeq = new Map<number, T[]>();

  /** Files one message's items, dropping those at or below `done` (already released). */
  accept(items: readonly T[], done: number): void {
    const touched = new Map<number, T[]>();
    for (const x of items) {
      const seq = seqOfPosition(x[0]);
      if (seq <= done) continue;
      let list = touched.get(seq);
      if (!list) {
        list = [];
        touched.set(seq, list);
        this.bySeq.set(seq, list);
      }
      list.push(x);
    }
    for (const l of touched.values()) if (!sorted(l)) l.sort((a, b) => a[0] - b[0]);
  }

  /** The sequence's items in position order (removed from the buffer), or undefined. */
  take(seq: number): T[] | undefined {
    const list = this.bySeq.get(seq);
    this.bySeq.delete(seq);
    return list;
  }

  get size(): number {
    return this.bySeq.size;
  }
}

function sorted(list: readonly Positioned[]): boolean {
  for (let i = 1; i < list.length; i++)
    if ((list[i - 1] as Positioned)[0] > (list[i] as Positioned)[0]) return false;
  return true;
}
