import { checkNumberOption } from './InvalidOptionError.js';

/**
 * An immutable view of a {@link RingBuffer}'s contents at one moment, taken in O(1). Later pushes never change it.
 */
export interface RingSnapshot<T> {
  readonly length: number;
  /** Item `i`, oldest first (0 <= i < length). */
  at(i: number): T;
  /** A new array of the items, oldest first (O(length)). */
  toArray(): T[];
}

/** A bounded FIFO of the most recent items with O(1) push, drop-oldest and snapshot. */
export interface RingBuffer<T> {
  readonly length: number;
  /** Maximum length; pushing beyond it drops the oldest item. */
  readonly capacity: number;
  push(item: T): void;
  /** Item `i`, oldest first. */
  at(i: number): T;
  /** Drops the oldest item (no-op when empty). */
  dropOldest(): void;
  /** Empties the buffer (snapshots taken before keep their items). */
  clear(): void;
  snapshot(): RingSnapshot<T>;
}

class Snapshot<T> implements RingSnapshot<T> {
  constructor(
    private readonly items: readonly T[],
    private readonly start: number,
    readonly length: number,
  ) {}
  at(i: number): T {
    return this.items[this.start + i] as T;
  }
  toArray(): T[] {
    return this.items.slice(this.start, this.start + this.length);
  }
}

/**
 * Creates a ring buffer of the last `capacity` items whose snapshots cost O(1).
 *
 * Items are appended to a backing array that is only ever appended to, never overwritten, so a snapshot is just
 * (array, start, length) and stays valid forever. When the dead prefix outgrows the live items, the live items move
 * to a fresh array (amortised O(1) per push); old snapshots keep the old array. This is what lets
 * `slidingWindow` emit an O(1) window per frame instead of copying N frames.
 *
 * @param capacity Maximum number of items, an integer >= 1, or `Infinity` for a buffer trimmed only by
 *   {@link RingBuffer.dropOldest}.
 * @internal
 */
export function createRingBuffer<T>(capacity: number): RingBuffer<T> {
  if (capacity !== Infinity) checkNumberOption('createRingBuffer', 'capacity', capacity, { min: 1, integer: true });
  let items: T[] = [];
  let start = 0;
  const compactAt = (live: number): number => Math.max(32, 2 * live);
  const buffer: RingBuffer<T> = {
    get length() {
      return items.length - start;
    },
    capacity,
    push(item: T): void {
      items.push(item);
      if (items.length - start > capacity) start++;
      if (start >= compactAt(items.length - start)) {
        items = items.slice(start);
        start = 0;
      }
    },
    at(i: number): T {
      return items[start + i] as T;
    },
    dropOldest(): void {
      if (start < items.length) start++;
    },
    clear(): void {
      items = [];
      start = 0;
    },
    snapshot(): RingSnapshot<T> {
      return new Snapshot(items, start, items.length - start);
    },
  };
  return buffer;
}
