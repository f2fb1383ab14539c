// A detection partition's receive buffer: items are released by raw sequence in position order,
// whatever order the messages came in; a redelivered batch replaces a sequence's items instead
// of doubling them; items already released are not filed again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { positionOf } from '../../src/scale/raw-line.ts';
import { SequenceBuffer } from '../../src/scale/sequence-buffer.ts';

type Item = [number, string];
const item = (seq: number, i: number): Item => [positionOf(seq, i), `${seq}.${i}`];

test('sequences come out in position order whatever order their messages arrived in', () => {
  const buf = new SequenceBuffer<Item>();
  buf.accept([item(3, 0), item(3, 1), item(4, 0)], 0); // a later batch first (two ingest workers)
  buf.accept([item(1, 1), item(1, 0), item(2, 0)], 0); // unsorted inside a message
  assert.deepEqual(
    buf.take(1)?.map((x) => x[1]),
    ['1.0', '1.1'],
  );
  assert.deepEqual(
    buf.take(2)?.map((x) => x[1]),
    ['2.0'],
  );
  assert.deepEqual(
    buf.take(3)?.map((x) => x[1]),
    ['3.0', '3.1'],
  );
  assert.equal(buf.take(3), undefined, 'taken once');
  assert.equal(buf.size, 1);
});

test('a redelivered batch, grouped differently, replaces its sequences instead of doubling them', () => {
  const buf = new SequenceBuffer<Item>();
  buf.accept([item(5, 0), item(5, 1), item(6, 0)], 0);
  buf.accept([item(6, 0), item(7, 0)], 0); // the redelivery covered sequences 6-7
  assert.deepEqual(
    buf.take(5)?.map((x) => x[1]),
    ['5.0', '5.1'],
  );
  assert.deepEqual(
    buf.take(6)?.map((x) => x[1]),
    ['6.0'],
  );
  assert.deepEqual(
    buf.take(7)?.map((x) => x[1]),
    ['7.0'],
  );
});

test('items of sequences already released are dropped', () => {
  const buf = new SequenceBuffer<Item>();
  buf.accept([item(8, 0), item(9, 0), item(10, 0)], 9);
  assert.equal(buf.take(8), undefined);
  assert.equal(buf.take(9), undefined);
  assert.deepEqual(
    buf.take(10)?.map((x) => x[1]),
    ['10.0'],
  );
});
