import { take } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { fromDoorbell } from '../../src/streams/fromDoorbell.js';

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));
const ring = (ints: Int32Array): void => {
  Atomics.add(ints, 0, 1);
  Atomics.notify(ints, 0);
};

describe('fromDoorbell (Atomics.waitAsync)', () => {
  it('emits once per ring, one for rings that come together, none for rings before subscribing or after unsubscribing', async () => {
    const ints = new Int32Array(new SharedArrayBuffer(8));
    ring(ints); // before: not emitted
    let count = 0;
    const sub = fromDoorbell(ints, 0).subscribe(() => count++);
    await tick();
    expect(count).toBe(0);
    ring(ints);
    await tick();
    expect(count).toBe(1);
    ring(ints);
    ring(ints); // both before the waiter runs: one emission, the reader reads all that is new
    await tick();
    expect(count).toBe(2);
    sub.unsubscribe();
    ring(ints);
    await tick();
    expect(count).toBe(2);
  });

  it('emits at once when rung while a subscriber handles the previous ring, and stops at take(n)', async () => {
    const ints = new Int32Array(new SharedArrayBuffer(8));
    const seen: number[] = [];
    let completed = false;
    fromDoorbell(ints, 0)
      .pipe(take(3))
      .subscribe({
        next: () => {
          seen.push(Atomics.load(ints, 0));
          if (seen.length === 1) ring(ints); // rung while handling: the next wait finds it changed
        },
        complete: () => (completed = true),
      });
    ring(ints);
    await tick();
    expect(seen).toEqual([1, 2]);
    ring(ints);
    ring(ints);
    await tick();
    expect(seen).toEqual([1, 2, 4]); // the two rings together: one emission
    expect(completed).toBe(true);
  });
});
