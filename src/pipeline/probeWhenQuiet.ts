import { asyncScheduler, defer, exhaustMap, filter, from, ignoreElements, interval, type Observable, type ObservableInput, type SchedulerLike } from 'rxjs';

/** Options of `probeWhenQuiet`. @internal */
export interface ProbeWhenQuietOptions {
  /** Quiet this long (no sign of life) before a probe, and between probes while it stays quiet, ms. */
  quietMs: number;
  /** @default asyncScheduler */
  scheduler?: SchedulerLike;
}

/**
 * A watchdog: every `quietMs / 3` it looks at `lastSignAt()` (when a worker last sent something, on the
 * scheduler's clock) and, once that and the last probe are `quietMs` or more ago, calls `probe()` (e.g. a worker
 * call with a timeout); a probe runs alone (one still running when the next is due is not doubled). A sign of life costs its sender
 * only a time stamp: nothing is rescheduled per frame. Emits nothing, never completes; errors with the first
 * probe error (a worker that does not answer in time is hung).
 * @internal
 */
export function probeWhenQuiet(lastSignAt: () => number, probe: () => ObservableInput<unknown>, options: ProbeWhenQuietOptions): Observable<never> {
  const scheduler = options.scheduler ?? asyncScheduler;
  return defer(() => {
    let probedAt = -Infinity; // a probe answered counts as a sign of life: a quiet worker is asked every quietMs
    return interval(options.quietMs / 3, scheduler).pipe(
      filter(() => scheduler.now() - Math.max(lastSignAt(), probedAt) >= options.quietMs),
      exhaustMap(() => {
        probedAt = scheduler.now();
        return from(probe());
      }),
      ignoreElements(),
    );
  });
}
