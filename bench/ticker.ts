/**
 * Main-thread periodic callbacks that behave like a display's vsync or a camera: ticks are due at t0 + k x
 * interval (no drift); a tick that comes late fires once, and the due times it missed are skipped (counted),
 * so a blocked main thread shows up as long intervals between the callbacks that did run.
 */

/** A running ticker. */
export interface Ticker {
  /** Actual intervals between consecutive callbacks, ms (performance.now()). */
  readonly intervals: number[];
  /** Due times that were skipped because the thread was busy past them. */
  readonly skipped: number;
  stop(): void;
}

/**
 * Calls `onTick(dueAt, index)` every `intervalMs` on the main thread (setTimeout aimed at each due time).
 * `dueAt` is the latest due time that has passed (the capture time of a camera frame); `index` counts due times
 * from 0, skipped ones included.
 */
export function startTicker(intervalMs: number, onTick: (dueAt: number, index: number) => void): Ticker {
  const intervals: number[] = [];
  const t0 = performance.now();
  let k = 0;
  let last: number | undefined;
  let skipped = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const arm = (): void => {
    const due = t0 + k * intervalMs;
    timer = setTimeout(fire, Math.max(0, due - performance.now()));
  };
  const fire = (): void => {
    if (stopped) return;
    const now = performance.now();
    // The latest due time that has passed; earlier ones that were missed are skipped.
    const latest = Math.max(k, Math.floor((now - t0) / intervalMs));
    skipped += latest - k;
    k = latest;
    if (last !== undefined) intervals.push(now - last);
    last = now;
    onTick(t0 + k * intervalMs, k);
    k++;
    arm();
  };
  arm();
  return {
    intervals,
    get skipped() {
      return skipped;
    },
    stop: () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
