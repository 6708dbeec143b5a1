import {
  asyncScheduler,
  EMPTY,
  exhaustMap,
  from,
  ignoreElements,
  interval,
  materialize,
  startWith,
  switchMap,
  throwError,
  type ObservableInput,
  type OperatorFunction,
  type SchedulerLike,
} from 'rxjs';

/** Options of `probeWhenQuiet`. @internal */
export interface ProbeWhenQuietOptions {
  /** Quiet this long (no value from the source) before a probe, and between probes while it stays quiet, ms. */
  quietMs: number;
  /** @default asyncScheduler */
  scheduler?: SchedulerLike;
}

/**
 * Watches a stream of signs of life (e.g. the frames a worker sends): once it has been quiet for `quietMs`, calls
 * `probe()` (e.g. a worker call with a timeout), and again every `quietMs` while it stays quiet; a new sign of life
 * resets the wait. A probe runs alone (a probe still running when the next is due is not doubled) and is not
 * cancelled by a sign of life. Emits nothing; errors with the first probe error (a worker that does not answer in
 * time is hung) or the source's error; completes with the source (after a probe still running).
 * @internal
 */
export function probeWhenQuiet(probe: () => ObservableInput<unknown>, options: ProbeWhenQuietOptions): OperatorFunction<unknown, never> {
  const scheduler = options.scheduler ?? asyncScheduler;
  return (life$) =>
    life$.pipe(
      materialize(), // the source's end stops the wait (a plain switchMap would keep its interval running)
      startWith(undefined),
      switchMap((n) => (n?.kind === 'C' ? EMPTY : n?.kind === 'E' ? throwError(() => n.error) : interval(options.quietMs, scheduler))),
      exhaustMap(() => from(probe())),
      ignoreElements(),
    );
}
