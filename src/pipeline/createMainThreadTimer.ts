import { percentiles } from '../filters/percentiles.js';
import type { Percentiles } from '../types.js';

/** Per-frame totals kept (the oldest are overwritten first). */
const CAPACITY = 2048;

/**
 * Measures posestream's own work on the page's main thread, frame by frame: `time(fn)` adds the duration of a
 * posestream handler to the current frame, `exclude(fn)` leaves out what runs inside it that is not posestream's
 * (the user's subscribers), and `endFrame()` closes the frame when its pose frame has reached the page.
 * @internal
 */
export interface MainThreadTimer {
  /** Runs `fn`, counting its duration (minus excluded time) into the current frame; nested calls count once. */
  time<T>(fn: () => T): T;
  /** Runs `fn` without counting it (inside `time`). */
  exclude<T>(fn: () => T): T;
  /** Closes the current frame (inside `time`, once the outermost `time` is done): its total is kept, stamped with `now()`. */
  endFrame(): void;
  /** Per-frame totals (ms) of the frames closed after `since` (on `now()`'s clock). */
  since(since: number): Percentiles;
}

/** @internal */
export function createMainThreadTimer(now: () => number = () => performance.now()): MainThreadTimer {
  const totals = new Float64Array(CAPACITY);
  const stamps = new Float64Array(CAPACITY);
  let size = 0;
  let next = 0;
  let depth = 0;
  let excludeDepth = 0;
  let excluded = 0;
  let current = 0;
  let endPending = false;
  const close = (): void => {
    totals[next] = current;
    stamps[next] = now();
    next = (next + 1) % CAPACITY;
    size = Math.min(size + 1, CAPACITY);
    current = 0;
    endPending = false;
  };
  return {
    time(fn) {
      if (depth > 0) return fn();
      depth = 1;
      excluded = 0;
      const start = now();
      try {
        return fn();
      } finally {
        current += now() - start - excluded;
        depth = 0;
        if (endPending) close();
      }
    },
    exclude(fn) {
      if (depth === 0 || excludeDepth > 0) return fn();
      excludeDepth = 1;
      const start = now();
      try {
        return fn();
      } finally {
        excluded += now() - start;
        excludeDepth = 0;
      }
    },
    endFrame() {
      if (depth > 0) endPending = true;
      else close();
    },
    since(from) {
      const values: number[] = [];
      for (let i = 0; i < size; i++) if (stamps[i]! > from) values.push(totals[i]!);
      return percentiles(values);
    },
  };
}
