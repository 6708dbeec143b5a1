import type { ObservableInput } from 'rxjs';
import { exhaustLatest } from './exhaustLatest.js';
import { isRecoveredError } from './isRecoveredError.js';
import type { ClassifyLatestOptions, CountingOperator } from './operatorTypes.js';

/**
 * `exhaustLatest` for a classifier, reported to a monitor's `'classifier'` stage (so `pipelineStats` sees it): runs a
 * slow classifier on a stream one value at a time, never queueing; while it is busy, keeps only the newest value.
 *
 * With `policy: 'latest'` (the default) a value that arrives while `classify` is busy becomes the single pending
 * value (a newer one replaces it, and the replaced one counts as dropped); the moment the inner observable completes,
 * the pending value starts, synchronously (no scheduler hop). Completion of the source waits for the in-flight and
 * pending values, so the last window of a stream is never lost. With `policy: 'drop'` it is `exhaustMap`: every
 * value that arrives while busy is dropped. Every value the inner emits is forwarded; the classifier is free when
 * the inner completes. A call that rejects with an error `skipError` accepts (by default: the worker was restarted,
 * `error.recovered === true`) loses only that window (a `'lost'` monitor event) and the pending window starts;
 * other errors of the source, of the inner, or thrown by `classify` error the stream. The returned
 * operator's `dropped` counts drops over all its subscriptions. Monitor events go to the `'classifier'` stage;
 * a window's wait is measured from its `emittedAt`.
 *
 * @param classify Starts the classification of one value (a worker call); tests inject `cold()` marbles.
 * @example
 * ```ts
 * import { classifyLatest, slidingWindow } from 'posestream';
 * const predictions$ = poses$.pipe(slidingWindow(30), classifyLatest((w) => classifier.classifyWindow(w)));
 * ```
 */
export function classifyLatest<W, R>(
  classify: (value: W) => ObservableInput<R>,
  options: ClassifyLatestOptions<W> = {},
): CountingOperator<W, R> {
  return exhaustLatest(classify, {
    skipError: isRecoveredError,
    ...options,
    stage: 'classifier',
    captureT: (value) => numberField(value, 'capturedAt'),
    readySince: (value) => numberField(value, 'emittedAt'),
  });
}

function numberField(value: unknown, key: 'emittedAt' | 'capturedAt'): number | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : undefined;
}
