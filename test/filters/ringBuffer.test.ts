import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { createRingBuffer } from '../../src/filters/ringBuffer.js';

describe('createRingBuffer', () => {
  it('keeps the last `capacity` items, oldest first', () => {
    const ring = createRingBuffer<number>(3);
    expect(ring.length).toBe(0);
    [1, 2].forEach((n) => ring.push(n));
    expect(ring.snapshot().toArray()).toEqual([1, 2]);
    [3, 4, 5].forEach((n) => ring.push(n));
    expect(ring.length).toBe(3);
    expect([ring.at(0), ring.at(1), ring.at(2)]).toEqual([3, 4, 5]);
  });

  it('snapshots never change, across many pushes, compactions, drops and clears (checked against a plain array)', () => {
    const ring = createRingBuffer<number>(5);
    const model: number[] = [];
    const snaps: Array<[number[], ReturnType<typeof ring.snapshot>]> = [];
    for (let n = 0; n < 500; n++) {
      ring.push(n);
      model.push(n);
      if (model.length > 5) model.shift();
      if (n === 250) {
        ring.clear();
        model.length = 0;
      }
      if (n % 7 === 0) {
        ring.dropOldest();
        model.shift();
      }
      snaps.push([[...model], ring.snapshot()]);
    }
    for (const [expected, snap] of snaps) {
      expect(snap.toArray()).toEqual(expected);
      expect(Array.from({ length: snap.length }, (_, i) => snap.at(i))).toEqual(expected);
    }
  });

  it('with capacity Infinity, is trimmed only by dropOldest', () => {
    const ring = createRingBuffer<number>(Infinity);
    for (let n = 0; n < 1000; n++) ring.push(n);
    expect(ring.length).toBe(1000);
    for (let n = 0; n < 990; n++) ring.dropOldest();
    expect(ring.snapshot().toArray()).toEqual([990, 991, 992, 993, 994, 995, 996, 997, 998, 999]);
    ring.clear();
    ring.dropOldest();
    expect(ring.length).toBe(0);
  });

  it('rejects a capacity that is not an integer >= 1', () => {
    expect(() => createRingBuffer(0)).toThrow(InvalidOptionError);
    expect(() => createRingBuffer(2.5)).toThrow(/capacity/);
  });
});
