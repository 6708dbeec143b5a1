/**
 * The demo's "busy main thread" control: every second, a synchronous busy loop of `ms` milliseconds on the page's
 * main thread (what a heavy render or a long task of the app does), and a count of the long-task entries the
 * browser reports (`PerformanceObserver` type `'longtask'`: any task over 50 ms, these loops and others).
 */

/** The busy-loop control. */
export interface LongTasks {
  /** Length of each busy loop, ms (0 = off); clamped to 0..1000. Takes effect at the next tick. */
  set(ms: number): void;
  /** The current length, ms. */
  readonly ms: number;
  /** Busy loops run so far. */
  readonly runs: number;
}

/** Period of the busy loops, ms. */
export const LONG_TASK_PERIOD_MS = 1000;

/** Clamps a requested loop length (NaN and negatives are 0, at most 1000 ms). */
export function clampLongTaskMs(ms: number): number {
  return Number.isFinite(ms) ? Math.round(Math.max(0, Math.min(1000, ms))) : 0;
}

/** Blocks the calling thread for `ms` milliseconds (a busy wait on `performance.now()`). */
export function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy: nothing else runs on this thread meanwhile
  }
}

/** Starts the ticker for the page's lifetime (a page has one); `onRun` hears of each loop after it ran. */
export function startLongTasks(initialMs = 0, onRun: (ms: number) => void = () => undefined): LongTasks {
  let ms = clampLongTaskMs(initialMs);
  let runs = 0;
  setInterval(() => {
    if (ms <= 0) return;
    busyWait(ms);
    runs++;
    onRun(ms);
  }, LONG_TASK_PERIOD_MS);
  return {
    set(next) {
      ms = clampLongTaskMs(next);
    },
    get ms() {
      return ms;
    },
    get runs() {
      return runs;
    },
  };
}

/** Long-task entries seen since the page loaded: how many and their total duration, ms. */
export interface LongTaskCount {
  /** False where the browser has no `'longtask'` entries (Firefox, Safari): the counts stay 0. */
  supported: boolean;
  count: number;
  totalMs: number;
  /** The longest entry, ms. */
  maxMs: number;
  /** The last 200 entries: start (page clock) and duration, ms. */
  recent: { startMs: number; durationMs: number }[];
}

/** Counts the page's long-task entries into `into` (updated in place) for the page's lifetime. */
export function countLongTaskEntries(into: LongTaskCount): void {
  into.supported = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('longtask');
  if (!into.supported) return;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      into.count++;
      into.totalMs += entry.duration;
      into.maxMs = Math.max(into.maxMs, entry.duration);
      into.recent.push({ startMs: entry.startTime, durationMs: entry.duration });
      if (into.recent.length > 200) into.recent.shift();
    }
  }).observe({ type: 'longtask', buffered: true });
}
